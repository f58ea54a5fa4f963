//! Character tables: what each char becomes, Windows-1252 bytes, HTML entities,
//! and the repair of UTF-8 text that was decoded as Windows-1252.

/// What the normalizer does with one char.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Copied as it is.
    Keep,
    /// Replaced by a fixed string (quotes, dashes, ellipsis, C1 controls).
    Replace(&'static str),
    /// Horizontal whitespace: part of a run that becomes one space.
    Space,
    /// A line break: part of a run that becomes one newline.
    Break,
    /// Removed (zero-width chars, bidi marks, soft hyphen).
    Delete,
}

/// Classifies one char.
pub(crate) fn classify(c: char) -> Class {
    match c {
        '\n' | '\u{2028}' | '\u{2029}' => Class::Break,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' => Class::Space,
        '\u{202F}' | '\u{205F}' | '\u{3000}' => Class::Space,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{AD}' => Class::Delete,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{180E}' => Class::Delete,
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '〝' | '〞' | '＂' => {
            Class::Replace("\"")
        }
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | '´' | 'ʼ' | '＇' => {
            Class::Replace("'")
        }
        '–' | '—' | '‒' | '―' | '−' | '‐' | '‑' | '⁃' | '﹘' | '﹣' | '－' => {
            Class::Replace("-")
        }
        '…' => Class::Replace("..."),
        '\u{80}'..='\u{9F}' => match cp1252_char(c as u32 as u8) {
            Some(d) => match classify(d) {
                Class::Replace(s) => Class::Replace(s),
                _ => Class::Replace(cp1252_str(c as u32 as u8)),
            },
            None => Class::Space,
        },
        c if c.is_control() => Class::Space,
        _ => Class::Keep,
    }
}

/// The Windows-1252 byte that `c` is the decoding of (Latin-1 for the five bytes
/// Windows-1252 leaves undefined).
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    let b = match c {
        '\u{80}'..='\u{FF}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// The char Windows-1252 decodes byte `b` (0x80..=0x9F) to, if it defines one.
fn cp1252_char(b: u8) -> Option<char> {
    cp1252_str(b).chars().next()
}

/// [`cp1252_char`] as a static string ("" when undefined).
fn cp1252_str(b: u8) -> &'static str {
    const TABLE: [&str; 32] = [
        "€", "", "‚", "ƒ", "„", "…", "†", "‡", "ˆ", "‰", "Š", "‹", "Œ", "", "Ž", "", "", "‘", "’",
        "“", "”", "•", "–", "—", "˜", "™", "š", "›", "œ", "", "ž", "Ÿ",
    ];
    match b {
        0x80..=0x9F => TABLE[usize::from(b - 0x80)],
        _ => "",
    }
}

/// The result of a mojibake repair at some position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Repair {
    /// The sequence decodes to this char.
    Char(char),
    /// The sequence is noise to drop (a lone `Â` before whitespace).
    Drop,
}

/// Repairs UTF-8 that was decoded as Windows-1252 at the start of `s`.
///
/// Returns the repair and the number of bytes of `s` it consumes. A lead char `Â`..`ô`
/// (bytes C2..F4) followed by the right number of chars that are Windows-1252
/// continuation bytes (80..BF) is re-encoded and decoded as UTF-8 when valid. Two lossy
/// forms are also repaired: `â€` whose third byte (9D, undefined in Windows-1252) was lost
/// becomes `”`, and a lone `Â` before whitespace or the end (a mangled no-break space)
/// is dropped.
pub(crate) fn repair_mojibake(s: &str) -> Option<(Repair, usize)> {
    let mut chars = s.char_indices();
    let (_, first) = chars.next()?;
    let lead = cp1252_byte(first)?;
    let need = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut have = 1;
    let mut end = first.len_utf8();
    for (i, c) in chars.by_ref() {
        match cp1252_byte(c) {
            Some(b @ 0x80..=0xBF) if have < need => {
                bytes[have] = b;
                have += 1;
                end = i + c.len_utf8();
            }
            _ => break,
        }
        if have == need {
            break;
        }
    }
    if have == need {
        let decoded = std::str::from_utf8(&bytes[..need]).ok()?.chars().next()?;
        return Some((Repair::Char(decoded), end));
    }
    lossy_mojibake(s, &bytes[..have], end)
}

/// The lossy forms of [`repair_mojibake`]: `â€` + a lost byte, and a lone `Â`.
fn lossy_mojibake(s: &str, bytes: &[u8], end: usize) -> Option<(Repair, usize)> {
    let rest = &s[end..];
    match bytes {
        [0xE2, 0x80] => {
            // The lost byte may survive as U+FFFD or `?`-less garbage; drop a U+FFFD.
            let end = end + if rest.starts_with('\u{FFFD}') { 3 } else { 0 };
            Some((Repair::Char('”'), end))
        }
        [0xC2] => match rest.chars().next() {
            None => Some((Repair::Drop, end)),
            Some(c) if c.is_whitespace() => Some((Repair::Drop, end)),
            _ => None,
        },
        _ => None,
    }
}

/// Decodes an HTML character reference at the start of `s` (which starts with `&`).
///
/// Accepts `&#NNN;`, `&#xHH;` and the common named references; the `;` is required.
/// Returns the char and the length of the reference.
pub(crate) fn decode_entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let semi = b.iter().take(34).position(|&x| x == b';')?;
    let body = s.get(1..semi)?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|d| d.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            _ => return None,
        };
        numeric_reference(code)?
    } else {
        named_entity(body)?
    };
    Some((c, semi + 1))
}

/// The char of a numeric reference, with the HTML rule that 128..=159 mean Windows-1252.
fn numeric_reference(code: u32) -> Option<char> {
    match code {
        0 => Some('\u{FFFD}'),
        0x80..=0x9F => cp1252_char(code as u8).or(char::from_u32(code)),
        _ => char::from_u32(code),
    }
}

/// The common named HTML references.
fn named_entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwsp" => '\u{200B}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "shy" => '\u{AD}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "hyphen" | "dash" => '‐',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "sup3" => '³',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "iexcl" => '¡',
        "iquest" => '¿',
        "acute" => '´',
        "micro" => 'µ',
        "szlig" => 'ß',
        _ => return latin_letter(name),
    };
    Some(c)
}

/// Latin-1 letters written `&eacute;`, `&Uuml;`, `&ntilde;`...
fn latin_letter(name: &str) -> Option<char> {
    let mut it = name.chars();
    let base = it.next()?;
    let mark = it.as_str();
    let row = match mark {
        "grave" => ["ÀàÈèÌìÒòÙù", "AaEeIiOoUu"],
        "acute" => ["ÁáÉéÍíÓóÚúÝý", "AaEeIiOoUuYy"],
        "circ" => ["ÂâÊêÎîÔôÛû", "AaEeIiOoUu"],
        "uml" => ["ÄäËëÏïÖöÜüŸÿ", "AaEeIiOoUuYy"],
        "tilde" => ["ÃãÑñÕõ", "AaNnOo"],
        "ring" => ["Åå", "Aa"],
        "cedil" => ["Çç", "Cc"],
        "slash" => ["Øø", "Oo"],
        _ => {
            return match name {
                "AElig" => Some('Æ'),
                "aelig" => Some('æ'),
                "ETH" => Some('Ð'),
                "eth" => Some('ð'),
                "THORN" => Some('Þ'),
                "thorn" => Some('þ'),
                _ => None,
            }
        }
    };
    let i = row[1].chars().position(|b| b == base)?;
    row[0].chars().nth(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1252_round_trip() {
        for b in 0x80..=0xFFu8 {
            let c = match b {
                0x80..=0x9F => cp1252_char(b).unwrap_or(char::from(b)),
                _ => char::from(b),
            };
            assert_eq!(cp1252_byte(c), Some(b), "byte {b:#x}");
        }
    }

    #[test]
    fn mojibake_sequences() {
        let cases = [
            ("â€œx", Repair::Char('“'), 7),
            ("â€\u{9d}", Repair::Char('”'), 7),
            ("â€ kata", Repair::Char('”'), 5),
            ("â€\u{FFFD}x", Repair::Char('”'), 8),
            ("â€™", Repair::Char('’'), 8),
            ("Ã©", Repair::Char('é'), 4),
            ("Â\u{A0}", Repair::Char('\u{A0}'), 4),
            ("Â x", Repair::Drop, 2),
            ("Â", Repair::Drop, 2),
            ("ðŸ˜€", Repair::Char('😀'), 9),
        ];
        for (s, want, len) in cases {
            assert_eq!(repair_mojibake(s), Some((want, len)), "{s:?}");
        }
        assert_eq!(repair_mojibake("São"), None);
        assert_eq!(repair_mojibake("Âb"), None);
        assert_eq!(repair_mojibake("abc"), None);
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entity("&amp;x"), Some(('&', 5)));
        assert_eq!(decode_entity("&#39;"), Some(('\'', 5)));
        assert_eq!(decode_entity("&#x201C;"), Some(('“', 8)));
        assert_eq!(decode_entity("&#150;"), Some(('–', 6)));
        assert_eq!(decode_entity("&eacute;"), Some(('é', 8)));
        assert_eq!(decode_entity("&Uuml;"), Some(('Ü', 6)));
        assert_eq!(decode_entity("&nbsp;"), Some(('\u{A0}', 6)));
        assert_eq!(decode_entity("&amp"), None);
        assert_eq!(decode_entity("&bogus;"), None);
        assert_eq!(decode_entity("&#xD800;"), None);
        assert_eq!(decode_entity("& amp;"), None);
    }

    #[test]
    fn classes() {
        assert_eq!(classify('“'), Class::Replace("\""));
        assert_eq!(classify('\u{92}'), Class::Replace("'"));
        assert_eq!(classify('\u{81}'), Class::Space);
        assert_eq!(classify('\u{0}'), Class::Space);
        assert_eq!(classify('\u{200B}'), Class::Delete);
        assert_eq!(classify('\u{3000}'), Class::Space);
        assert_eq!(classify('é'), Class::Keep);
    }
}
