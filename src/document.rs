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
//! * **Publication date**: the caller's, checked against the date a news URL carries
//!   ("/read/2019/09/10/…", "/20190910152043-20-…"): the URL's when the caller gives
//!   none, or when the caller's is the URL's with day and month swapped (a spreadsheet
//!   export's "2019-10-09" for 10 September), with a warning ([`publication_date`]).

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

/// The dateline rule in full; [`dateline_prefix`] reads the common case (an ASCII first
/// letter) by hand and falls back to this.
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Lu}[^\n\-:;!?\x22]{1,59}?) ?- ").expect("valid regex"));
/// A byline at the start of a line, to the end of the line (`\s` may cross newlines
/// before the `:`). Only tried at line starts whose first byte is in [`BYLINE_FIRST`].
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting)\s*:.*")
        .expect("valid regex")
});
/// The bytes a [`BYLINE`] match can start with (no other char folds to these letters).
const BYLINE_FIRST: &[u8] = b"pPrRwWeE";
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting)\s*:\s*([^|\n]+)",
    )
    .expect("valid regex")
});
/// A handle in parentheses ending the (end-trimmed) text; it fits in [`HANDLE_TAIL`]
/// bytes, so only that tail is searched, and only when the text ends with `)`.
static HANDLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([a-z][a-z0-9_.]{2,19}[0-9]|[a-z][a-z_.]{3,19})\)\s*$").expect("valid regex")
});
/// More than the longest [`HANDLE`] match in an end-trimmed text (23 bytes).
const HANDLE_TAIL: usize = 64;

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
    let mut lines = lines(text);
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

/// The ranges of the lines of `text` (without their newlines).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.scan(0, |start, end| {
        let line = *start..end;
        *start = end + 1;
        Some(line)
    })
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
    let prefix = &text[line.start..line.start + dateline_prefix(&text[line.clone()])?];
    let words = prefix.split_whitespace().count();
    (words <= 6 && !prefix.trim_end().ends_with(',')).then(|| line.start..line.start + prefix.len())
}

/// The length of the dateline prefix that opens `line`, by [`DATELINE`]: an uppercase
/// letter, 1 to 59 more chars but `\n - : ; ! ? "`, then `- ` or ` - `.
///
/// With an ASCII first letter this is read directly: the prefix can only end at the first
/// excluded char, which must be a `-` followed by a space; the lazy repetition takes the
/// space before the dash out of the prefix when at least two chars remain.
fn dateline_prefix(line: &str) -> Option<usize> {
    let first = *line.as_bytes().first()?;
    if !first.is_ascii() {
        return Some(DATELINE.captures(line)?.get(1)?.end());
    }
    if !first.is_ascii_uppercase() {
        return None;
    }
    // The dash follows the first letter, at most 59 chars of at most 4 bytes, and a space.
    let head = &line.as_bytes()[..line.len().min(1 + 59 * 4 + 2)];
    let stop = head
        .iter()
        .position(|b| matches!(b, b'\n' | b'-' | b':' | b';' | b'!' | b'?' | b'"'))?;
    if !line[stop..].starts_with("- ") {
        return None;
    }
    let end = if stop > 2 && line.as_bytes()[stop - 1] == b' ' {
        stop - 1
    } else {
        stop
    };
    let chars = line[..end].chars().count();
    (2..=60).contains(&chars).then_some(end)
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
    // A byline may run over several lines ("Penulis\n: Ani"), but the lines it covers
    // after its first start with whitespace or `:`, so every line start can be tried.
    for Range { start, .. } in lines(text) {
        if !text
            .as_bytes()
            .get(start)
            .is_some_and(|b| BYLINE_FIRST.contains(b))
        {
            continue;
        }
        let Some(m) = BYLINE.find(&text[start..]) else {
            continue;
        };
        for c in ROLE.captures_iter(m.as_str()) {
            let value = c[2].trim().to_string();
            let slot = match c[1].to_lowercase().as_str() {
                "editor" | "redaktur" | "penyunting" => &mut out.editor,
                _ => &mut out.author,
            };
            slot.get_or_insert(value);
        }
    }
    let text = text.trim_end();
    if out.author.is_none() && text.ends_with(')') {
        let mut from = text.len().saturating_sub(HANDLE_TAIL);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if let Some(c) = HANDLE.captures(&text[from..]) {
            let handle = c[1].to_string();
            if !NOT_AUTHORS.contains(&handle.as_str()) {
                out.author = Some(handle);
            }
        }
    }
}

/// The date a news URL carries in its path: `/YYYY/MM/DD/` ("kompas.com/read/2019/09/10/…")
/// or a segment opening with `YYYYMMDD` and more digits ("cnnindonesia.com/nasional/
/// 20190910152043-20-…"), a real day of 1990–2100.
pub fn url_date(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').collect();
    let number = |s: &str| crate::time::digits::<i32>(s, 4);
    let date = |y: i32, m: i32, d: i32| -> Option<Date> {
        crate::time::ymd(y, m, d).filter(|_| (1990..=2100).contains(&y))
    };
    for w in segments.windows(3) {
        let [y, m, d] = w else { continue };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            continue;
        }
        if let (Some(y), Some(m), Some(d)) = (number(y), number(m), number(d)) {
            if let Some(found) = date(y, m, d) {
                return Some(found);
            }
        }
    }
    segments.iter().skip(1).find_map(|s| {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits < 12 {
            return None;
        }
        date(number(&s[..4])?, number(&s[4..6])?, number(&s[6..8])?)
    })
}

/// The publication date that anchors an article's dates: `given` (the caller's, from a
/// JSONL `date` field or an option), or the date of its `url` ([`url_date`]) when none
/// is given, or when the given one is the URL's with day and month swapped ("2019-10-09"
/// for a URL of 10 September: a day-first date read month-first by a spreadsheet). The
/// second value is the warning that a swapped date was set right.
pub fn publication_date(given: Option<Date>, url: Option<&str>) -> (Option<Date>, Option<String>) {
    let from_url = url.and_then(url_date);
    match (given, from_url) {
        (None, u) => (u, None),
        (Some(g), Some(u))
            if g != u && g.year() == u.year() && g.day() == u.month() && g.month() == u.day() =>
        {
            (
                Some(u),
                Some(format!(
                    "publication date {g} is the URL's {u} with day and month swapped: {u} is used"
                )),
            )
        }
        (g, _) => (g, None),
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

    /// A small deterministic generator of test strings over `alphabet`.
    fn strings(alphabet: &[&str], count: usize, max_len: usize) -> Vec<String> {
        let mut next = crate::normalize::test_rng(11);
        (0..count)
            .map(|_| {
                let len = next() % max_len;
                (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn dateline_prefix_follows_the_rule() {
        assert_eq!(dateline_prefix("Tenggarong - Bupati"), Some(10));
        assert_eq!(dateline_prefix("A - x"), Some(2));
        assert_eq!(dateline_prefix("A- x"), None);
        assert_eq!(dateline_prefix("KOTA, Ujung: - x"), None);
        assert_eq!(dateline_prefix("Ánh - x"), Some(4));
        let alphabet = [
            "A", "Ku", "b", " ", " ", "-", "- ", ":", "\"", "é", "Ü", ",", ".", "!", "(", "x",
        ];
        for s in strings(&alphabet, 30_000, 24) {
            let want = DATELINE
                .captures(&s)
                .and_then(|c| c.get(1))
                .map(|m| m.end());
            assert_eq!(dateline_prefix(&s), want, "{s:?}");
        }
        let long = format!("{}{} - x", "K", "a".repeat(58));
        assert_eq!(dateline_prefix(&long), Some(59));
        assert_eq!(dateline_prefix(&format!("Ka{long}")), None);
        for n in [58, 59, 60] {
            let wide = format!("K{} - x", "\u{1F600}".repeat(n));
            let want = DATELINE.captures(&wide).map(|c| c[1].len());
            assert_eq!(dateline_prefix(&wide), want, "{n}");
            assert_eq!(want.is_some(), n <= 59);
        }
    }

    #[test]
    fn bylines_as_the_line_regex_finds_them() {
        let whole = Regex::new(
            r"(?im)^(?:penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting)\s*:.*$",
        )
        .unwrap();
        let alphabet = [
            "Penulis", "editor", "EDITOR", "Pewarta", " ", "\n", ": ", ":", "Ani", "|", "x ",
            "\n\n", "wartawan", "(abc12)",
        ];
        for s in strings(&alphabet, 20_000, 12) {
            let mut want = DocFields::default();
            for line in whole.find_iter(&s) {
                for c in ROLE.captures_iter(line.as_str()) {
                    let slot = match c[1].to_lowercase().as_str() {
                        "editor" | "redaktur" | "penyunting" => &mut want.editor,
                        _ => &mut want.author,
                    };
                    slot.get_or_insert(c[2].trim().to_string());
                }
            }
            if want.author.is_none() {
                want.author = HANDLE
                    .captures(s.trim_end())
                    .map(|c| c[1].to_string())
                    .filter(|h| !NOT_AUTHORS.contains(&h.as_str()));
            }
            let mut got = DocFields::default();
            byline(&s, &mut got);
            assert_eq!(got, want, "{s:?}");
        }
    }

    #[test]
    fn a_sentence_with_a_dash_is_not_a_dateline() {
        let t = "Menurut dia, rapat itu penting sekali bagi kami semua - katanya.";
        assert_eq!(read(t).dateline, None);
    }

    #[test]
    fn a_news_url_gives_its_date() {
        let date = |y, m, d| Date::new(y, m, d).ok();
        for (url, want) in [
            (
                "https://regional.kompas.com/read/2019/09/10/21485171/a-b",
                date(2019, 9, 10),
            ),
            (
                "https://www.cnnindonesia.com/nasional/20190917152043-20-431234/a",
                date(2019, 9, 17),
            ),
            (
                "news.okezone.com/read/2019/09/13/337/2104656/x?page=2",
                date(2019, 9, 13),
            ),
            // No date, an impossible one, a number too short to be a stamp.
            ("https://news.detik.com/berita/d-4712345/a-b", None),
            ("https://x.id/read/2019/13/40/a", None),
            ("https://x.id/2019/a/20190917", None),
            ("", None),
        ] {
            assert_eq!(url_date(url), want, "{url}");
        }
    }

    #[test]
    fn a_publication_date_with_day_and_month_swapped_is_set_right_by_the_url() {
        let d = |m, day| Date::new(2019, m, day).ok();
        let url = Some("https://regional.kompas.com/read/2019/09/10/21485171/x");
        let (date, warning) = publication_date(d(10, 9), url);
        assert_eq!(date, d(9, 10));
        assert!(warning.is_some_and(|w| w.contains("2019-10-09")));
        // A day apart (a late-night story): the caller's date stands, without a warning.
        assert_eq!(publication_date(d(9, 11), url), (d(9, 11), None));
        // No date given: the URL's; no URL date: the given one.
        assert_eq!(publication_date(None, url), (d(9, 10), None));
        assert_eq!(
            publication_date(d(10, 9), Some("https://x.id/a")),
            (d(10, 9), None)
        );
    }
}
