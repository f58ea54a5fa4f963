//! Document fields: headline, dateline, publisher, author and editor.
//!
//! # Rules
//! * **Dateline**: a paragraph that opens with a short capitalized prefix (at most 60
//!   chars, no sentence punctuation) and a dash: "Tenggarong – …", "OKEGAS.ID, Tanjung
//!   Redeb – …", "BALIKPAPAN.NIAGA.ASIA – …", "Samarinda (ANTARA) – …". The place in the
//!   prefix is resolved by the places stage; what remains of the prefix is the publisher.
//! * **Title**: the first line, when it is not a dateline paragraph, has no final period,
//!   is under 200 chars and more text follows.
//! * **Author/editor**: "Penulis: X | Editor: Y" (also Reporter, Pewarta, Redaktur), or a
//!   trailing handle in parentheses at the end of the article ("… (prokom04)").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}[^\n\-:;!?\x22]{1,59}?) ?- ").expect("valid regex"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^(?:penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting)\s*:.*$")
        .expect("valid regex")
});
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting)\s*:\s*([^|\n]+)",
    )
    .expect("valid regex")
});
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([a-z][a-z0-9_.]{2,19}[0-9]|[a-z][a-z_.]{3,19})\)\s*$").expect("valid regex")
});

/// Agency and desk codes that end an article but name no author.
const NOT_AUTHORS: &[&str] = &["antara", "redaksi", "advertorial", "rilis", "humas"];

/// Document fields found in normalized text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocFields {
    /// The headline line.
    pub title: Option<Range<usize>>,
    /// The dateline prefix ("OKEGAS.ID, Tanjung Redeb").
    pub dateline: Option<Range<usize>>,
    /// Author.
    pub author: Option<String>,
    /// Editor.
    pub editor: Option<String>,
}

/// Reads the document fields of a normalized text.
pub fn read(text: &str) -> DocFields {
    let mut lines = text.split('\n').scan(0usize, |pos, line| {
        let start = *pos;
        *pos += line.len() + 1;
        Some(start..start + line.len())
    });
    let mut first = lines.by_ref().find(|r| !text[r.clone()].trim().is_empty());
    let mut out = DocFields::default();
    if let Some(r) = first
        .clone()
        .filter(|r| dateline_in(text, r.clone()).is_none() && headline(text, r.clone()))
    {
        out.title = Some(trimmed(text, r));
        first = lines.find(|r| !text[r.clone()].trim().is_empty());
    }
    out.dateline = first.and_then(|r| dateline_in(text, r));
    byline(text, &mut out);
    out
}

/// The publisher: what the dateline prefix holds besides the place (`place` range).
pub fn publisher(
    text: &str,
    dateline: &Range<usize>,
    place: Option<&Range<usize>>,
) -> Option<String> {
    let prefix = &text[dateline.clone()];
    let rest = match place {
        Some(p) if dateline.start <= p.start && p.end <= dateline.end => {
            let (a, b) = (p.start - dateline.start, p.end - dateline.start);
            format!("{} {}", &prefix[..a], &prefix[b..])
        }
        _ if prefix.contains('.') || prefix.contains('(') => prefix.to_string(),
        _ => return None,
    };
    let clean =
        rest.trim_matches(|c: char| c == ' ' || c == ',' || c == '.' || c == '(' || c == ')');
    let clean = clean
        .trim_start_matches(['(', ' '])
        .trim_end_matches([')', ' ']);
    (!clean.is_empty()).then(|| clean.to_string())
}

fn dateline_in(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let m = DATELINE.captures(&text[line.clone()])?.get(1)?;
    let prefix = m.as_str();
    let words = prefix.split_whitespace().count();
    (words <= 6 && !prefix.trim_end().ends_with(','))
        .then(|| line.start + m.start()..line.start + m.end())
}

fn headline(text: &str, r: Range<usize>) -> bool {
    let line = text[r.clone()].trim();
    let more = text[r.end..].trim();
    !line.ends_with('.')
        && line.len() < 200
        && !more.is_empty()
        && line.split_whitespace().count() >= 3
}

fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start + lead..r.start + s.trim_end().len()
}

fn byline(text: &str, out: &mut DocFields) {
    for line in BYLINE.find_iter(text) {
        for c in ROLE.captures_iter(line.as_str()) {
            let value = c[2].trim().to_string();
            let slot = match c[1].to_lowercase().as_str() {
                "editor" | "redaktur" | "penyunting" => &mut out.editor,
                _ => &mut out.author,
            };
            slot.get_or_insert(value);
        }
    }
    if out.author.is_none() {
        let tail = text.trim_end();
        if let Some(c) = HANDLE.captures(tail) {
            let handle = c[1].to_string();
            if !NOT_AUTHORS.contains(&handle.as_str()) {
                out.author = Some(handle);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_dateline() {
        let t = "Bupati Buka Rakor Pilkada di Sangatta\nSangatta - Bupati membuka rapat.\nIsi. (humas09)";
        let d = read(t);
        assert_eq!(
            &t[d.title.clone().unwrap()],
            "Bupati Buka Rakor Pilkada di Sangatta"
        );
        assert_eq!(&t[d.dateline.clone().unwrap()], "Sangatta");
        assert_eq!(d.author.as_deref(), Some("humas09"));
    }

    #[test]
    fn publisher_forms() {
        let cases = [
            (
                "KALTIMPOST.ID, Samarinda - Isi.",
                Some("Samarinda"),
                Some("KALTIMPOST.ID"),
            ),
            (
                "SAMARINDA.KABAR.ASIA - Isi.",
                Some("SAMARINDA"),
                Some("KABAR.ASIA"),
            ),
            (
                "Samarinda (ANTARA) - Isi.",
                Some("Samarinda"),
                Some("ANTARA"),
            ),
            ("Samarinda - Isi.", Some("Samarinda"), None),
        ];
        for (t, place, want) in cases {
            let d = read(t);
            let dl = d.dateline.clone().expect(t);
            assert!(d.title.is_none(), "{t}");
            let p = place.map(|p| {
                let s = t.find(p).unwrap();
                s..s + p.len()
            });
            assert_eq!(publisher(t, &dl, p.as_ref()).as_deref(), want, "{t}");
        }
    }

    #[test]
    fn bylines_and_handles() {
        let d = read("Judul Berita Yang Cukup Panjang\nIsi berita.\nPenulis: Ani | Editor: Budi");
        assert_eq!(
            (d.author.as_deref(), d.editor.as_deref()),
            (Some("Ani"), Some("Budi"))
        );
        assert_eq!(read("Isi berita. (*/ant)").author, None);
        assert_eq!(read("Isi berita. (ant)").author, None);
    }

    #[test]
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        let t = "Menurut dia, rapat itu penting sekali bagi kami semua - katanya.";
        assert_eq!(read(t).dateline, None);
    }
}
