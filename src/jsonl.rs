//! JSONL input, as `warta extract --jsonl` reads it: bounded lines, and one line turned
//! into an [`Article`] or into the reason it cannot be one (a [`Failure`] that becomes an
//! error record in the line's place).
//!
//! ```
//! use warta::jsonl::{line_limit, parse_line, read_line, Fields};
//!
//! let input = "{\"id\":\"a\",\"text\":\"Rakor di Samarinda.\",\"rubrik\":\"daerah\"}\n{\"id\":\"b\"}\n";
//! let fields = Fields::default();
//! let mut reader = input.as_bytes();
//! let first = read_line(&mut reader, line_limit(fields.max_bytes))?.unwrap();
//! let (article, meta) = parse_line(&first, &fields, || "1".into()).unwrap();
//! assert_eq!((article.id.as_str(), article.text.as_str()), ("a", "Rakor di Samarinda."));
//! assert_eq!(meta["rubrik"], "daerah");
//! let second = read_line(&mut reader, line_limit(fields.max_bytes))?.unwrap();
//! let failure = parse_line(&second, &fields, || "2".into()).unwrap_err();
//! assert_eq!((failure.kind, failure.id.as_deref()), ("missing-text", Some("b")));
//! assert!(read_line(&mut reader, 1 << 20)?.is_none());
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Grammar
//!
//! ```text
//! file  = { line "\n" } [ line ]          ; a final line without "\n" counts too
//! line  = JSON object [ "\r" ]
//! object fields read (all optional except the text):
//!   <id-field>   string or number         ; default "id"; missing: the line number
//!   <text-field> string                   ; default "text", else "content"
//!   published | date   string             ; "YYYY-MM-DD[ T...]", "DD/MM/YYYY[...]" or
//!                                         ; a named month: "17 Sep 2019", "Sep 17, 2019"
//!   title, url   string
//! every other field (and a read field of an unexpected type) goes to doc.meta
//! ```
//!
//! A line longer than [`line_limit`] is not buffered past the limit: the rest is skipped
//! and the line becomes a `too-large` error, so memory stays bounded whatever the input.

use std::io::{self, BufRead};

use crate::Article;
use jiff::civil::Date;
use serde_json::{Map, Value};

/// How JSONL fields map to an [`Article`].
#[derive(Clone, Debug)]
pub struct Fields {
    /// The text field; `None`: `text`, falling back to `content`.
    pub text: Option<String>,
    /// The id field.
    pub id: String,
    /// Texts longer than this many bytes are refused (`too-large`).
    pub max_bytes: usize,
    /// The publication date of lines that carry none.
    pub default_date: Option<Date>,
}

/// The default text limit: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

impl Default for Fields {
    /// `warta extract --jsonl`'s defaults: text in `text` (else `content`), id in `id`,
    /// texts up to [`DEFAULT_MAX_BYTES`], no default date.
    fn default() -> Fields {
        Fields {
            text: None,
            id: "id".to_string(),
            max_bytes: DEFAULT_MAX_BYTES,
            default_date: None,
        }
    }
}

/// A line that cannot become an article: an error kind, a message, and the id if read.
#[derive(Debug)]
pub struct Failure {
    /// Stable kind (see `warta::record::ErrorInfo::kind`).
    pub kind: &'static str,
    /// Human-readable reason.
    pub message: String,
    /// The line's id when the JSON could be read.
    pub id: Option<String>,
}

impl Failure {
    fn new(kind: &'static str, message: String) -> Failure {
        Failure {
            kind,
            message,
            id: None,
        }
    }
}

/// The most bytes of one line kept in memory for a `max_bytes` text limit: room for
/// JSON escapes and other fields, and never less than 1 MiB.
pub fn line_limit(max_bytes: usize) -> usize {
    max_bytes.saturating_mul(2).saturating_add(1 << 20)
}

/// One line read by [`read_line`].
#[derive(Debug, Default)]
pub struct Line {
    /// The line without its "\n" (and "\r"), cut at the limit when `truncated`.
    pub bytes: Vec<u8>,
    /// Bytes the line took in the input, terminator included.
    pub consumed: u64,
    /// Whether the line was longer than the limit.
    pub truncated: bool,
}

/// Reads the next line, keeping at most `limit` bytes of it. `Ok(None)` at the end.
pub fn read_line<R: BufRead>(r: &mut R, limit: usize) -> io::Result<Option<Line>> {
    let mut line = Line::default();
    let mut ended = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        let (chunk, used) = match memchr::memchr(b'\n', buf) {
            Some(i) => {
                ended = true;
                (&buf[..i], i + 1)
            }
            None => (buf, buf.len()),
        };
        let room = limit.saturating_sub(line.bytes.len());
        if chunk.len() > room {
            line.truncated = true;
        }
        line.bytes
            .extend_from_slice(&chunk[..chunk.len().min(room)]);
        line.consumed += used as u64;
        r.consume(used);
        if ended {
            break;
        }
    }
    if line.consumed == 0 {
        return Ok(None);
    }
    if line.bytes.last() == Some(&b'\r') && !line.truncated {
        line.bytes.pop();
    }
    Ok(Some(line))
}

/// Turns a line read by [`read_line`] into an article and the fields passed through to
/// `doc.meta`: a line cut at the limit is a `too-large` failure, any other is [`parse`]d.
pub fn parse_line(
    line: &Line,
    fields: &Fields,
    fallback_id: impl FnOnce() -> String,
) -> Result<(Article, Map<String, Value>), Failure> {
    if line.truncated {
        return Err(Failure::new(
            "too-large",
            format!(
                "line of {} bytes is longer than the {} bytes allowed by --max-bytes",
                line.consumed,
                line.bytes.len()
            ),
        ));
    }
    parse(&line.bytes, fields, fallback_id)
}

/// Parses one line into an article and the fields passed through to `doc.meta`.
/// `fallback_id` is used when the line has no id.
pub fn parse(
    bytes: &[u8],
    fields: &Fields,
    fallback_id: impl FnOnce() -> String,
) -> Result<(Article, Map<String, Value>), Failure> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let mut f = Failure::new(
                "utf8",
                format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
            );
            // The id is still worth reporting when the rest of the line is JSON.
            let lossy = String::from_utf8_lossy(bytes);
            if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&lossy) {
                f.id = map.get(&fields.id).and_then(id_of);
            }
            return Err(f);
        }
    };
    if text.trim().is_empty() {
        return Err(Failure::new("empty", "empty line".into()));
    }
    let mut map = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(other) => {
            return Err(Failure::new(
                "json",
                format!("expected a JSON object, found {}", type_name(&other)),
            ))
        }
        Err(e) => return Err(Failure::new("json", format!("invalid JSON: {e}"))),
    };
    let id = match map.get(&fields.id).and_then(id_of) {
        Some(id) => {
            map.remove(&fields.id);
            Some(id)
        }
        None => None,
    };
    let fail = |kind, message| Failure {
        kind,
        message,
        id: id.clone(),
    };
    let text_key = match &fields.text {
        Some(k) => k.as_str(),
        None if map.contains_key("text") => "text",
        None if map.contains_key("content") => "content",
        None => "text",
    };
    let body = match map.remove(text_key) {
        Some(Value::String(s)) => s,
        Some(other) => {
            let message = format!(
                "field \"{text_key}\" is {}, not a string",
                type_name(&other)
            );
            map.insert(text_key.to_string(), other);
            return Err(fail("missing-text", message));
        }
        None => return Err(fail("missing-text", format!("no \"{text_key}\" field"))),
    };
    if body.len() > fields.max_bytes {
        return Err(fail(
            "too-large",
            format!(
                "text of {} bytes is larger than {} bytes (--max-bytes)",
                body.len(),
                fields.max_bytes
            ),
        ));
    }
    if body.trim().is_empty() {
        return Err(fail("empty", format!("field \"{text_key}\" is empty")));
    }
    let mut article = Article::new(id.unwrap_or_else(fallback_id), body);
    article.title = take_string(&mut map, "title");
    article.url = take_string(&mut map, "url");
    article.published = ["published", "date"]
        .iter()
        .find_map(|k| {
            let d = map.get(*k).and_then(Value::as_str).and_then(parse_date)?;
            map.remove(*k);
            Some(d)
        })
        .or(fields.default_date);
    Ok((article, map))
}

/// The id of a JSON value: a non-empty string as is, a number in its JSON form.
fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn take_string(map: &mut Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key) {
        Some(Value::String(_)) => match map.remove(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A date from the start of a timestamp: `YYYY-MM-DD` or `DD/MM/YYYY`, followed by
/// nothing, a space or `T`; or a day, a month named in Indonesian or English (in full
/// or abbreviated) and a year, in either order, as scrapers store them: "17 September
/// 2019", "10-Sep-19", "Sep 17, 2019", "Agustus 02, 2019 14:05" (what follows the year
/// is not read). Anything else is no date.
pub fn parse_date(s: &str) -> Option<Date> {
    numeric_date(s).or_else(|| named_month_date(s))
}

/// The month that a word names, in Indonesian or English.
fn month_named(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    crate::time::labels::month(&word).or(match word.as_str() {
        "january" => Some(1),
        "february" => Some(2),
        "march" => Some(3),
        "may" => Some(5),
        "june" => Some(6),
        "july" => Some(7),
        "august" => Some(8),
        "october" => Some(10),
        "december" => Some(12),
        _ => None,
    })
}

/// "17 September 2019", "10-Sep-19", "Sep 17, 2019": a day, a named month and a year
/// (four digits, or two for 20YY), the day first or the month first.
fn named_month_date(s: &str) -> Option<Date> {
    let mut words = s
        .split([' ', ',', '-', '/'])
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.'));
    let (a, b, c) = (words.next()?, words.next()?, words.next()?);
    let day = |w: &str| crate::time::digits::<i8>(w, 2);
    let (d, m) = match (day(a), month_named(a)) {
        (Some(d), _) => (d, month_named(b)?),
        (None, Some(m)) => (day(b)?, m),
        _ => return None,
    };
    let y: i16 = match c.len() {
        4 => crate::time::digits(c, 4)?,
        2 => 2000 + crate::time::digits::<i16>(c, 2)?,
        _ => return None,
    };
    Date::new(y, m, d).ok()
}

/// `YYYY-MM-DD` or `DD/MM/YYYY`, then nothing, a space or `T`.
fn numeric_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    if !matches!(s.as_bytes().get(10), None | Some(b' ' | b'T')) {
        return None;
    }
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let mut n = 0i32;
        for &c in &b[r] {
            if !c.is_ascii_digit() {
                return None;
            }
            n = n * 10 + i32::from(c - b'0');
        }
        Some(n)
    };
    let (y, m, d) = if b[4] == b'-' && b[7] == b'-' {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?)
    } else if b[2] == b'/' && b[5] == b'/' {
        (digits(6..10)?, digits(3..5)?, digits(0..2)?)
    } else {
        return None;
    };
    crate::time::ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            text: None,
            id: "id".into(),
            max_bytes: 100,
            default_date: None,
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2019-09-10 00:00:00"),
            Date::new(2019, 9, 10).ok()
        );
        assert_eq!(parse_date("19/09/2019"), Date::new(2019, 9, 19).ok());
        assert_eq!(parse_date("2024-02-30"), None);
        // Months by name, the day first or the month first, as scrapers store them.
        assert_eq!(parse_date(" Sep 17, 2019 "), Date::new(2019, 9, 17).ok());
        assert_eq!(parse_date("10-Sep-19"), Date::new(2019, 9, 10).ok());
        assert_eq!(parse_date("01 Agustus 2019"), Date::new(2019, 8, 1).ok());
        assert_eq!(
            parse_date("Agustus 02, 2019 14:05"),
            Date::new(2019, 8, 2).ok()
        );
        assert_eq!(parse_date("26 Oktober 2019"), Date::new(2019, 10, 26).ok());
        assert_eq!(parse_date("Oct 1, 2019"), Date::new(2019, 10, 1).ok());
        assert_eq!(parse_date("September 31, 2019"), None);
        assert_eq!(parse_date("Sep 2019"), None);
        assert_eq!(parse_date("17 Sepuluh 2019"), None);
        assert_eq!(parse_date("kemarin sore"), None);
        assert_eq!(parse_date("2019-09-101"), None);
        assert_eq!(parse_date("é2019-09-1"), None);
    }

    #[test]
    fn lines_are_bounded() {
        let mut r = io::Cursor::new(b"abc\r\n0123456789\nlast".to_vec());
        let a = read_line(&mut r, 5).unwrap().unwrap();
        assert_eq!(
            (a.bytes.as_slice(), a.consumed, a.truncated),
            (&b"abc"[..], 5, false)
        );
        let b = read_line(&mut r, 5).unwrap().unwrap();
        assert_eq!(
            (b.bytes.as_slice(), b.consumed, b.truncated),
            (&b"01234"[..], 11, true)
        );
        let c = read_line(&mut r, 5).unwrap().unwrap();
        assert_eq!((c.bytes.as_slice(), c.consumed), (&b"last"[..], 4));
        assert!(read_line(&mut r, 5).unwrap().is_none());
    }

    #[test]
    fn fields_and_meta() {
        let line = br#"{"id":7,"content":"Warga Desa Loa Kulu gotong royong.","date":"2019-09-10 08:00:00","title":"Gotong royong","src":"x"}"#;
        let (a, meta) = parse(line, &fields(), || "1".into()).unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.text, "Warga Desa Loa Kulu gotong royong.");
        assert_eq!(a.published, Date::new(2019, 9, 10).ok());
        assert_eq!(a.title.as_deref(), Some("Gotong royong"));
        assert_eq!(serde_json::to_string(&meta).unwrap(), r#"{"src":"x"}"#);
    }

    #[test]
    fn failures() {
        let kind = |l: &[u8]| parse(l, &fields(), || "1".into()).unwrap_err().kind;
        assert_eq!(kind(b"{\"text\":"), "json");
        assert_eq!(kind(b"[1]"), "json");
        assert_eq!(kind(b"{\"id\":\"a\"}"), "missing-text");
        assert_eq!(kind(b"{\"text\":3}"), "missing-text");
        assert_eq!(kind(b"{\"text\":\"  \"}"), "empty");
        assert_eq!(kind(b"  "), "empty");
        assert_eq!(kind(b"{\"text\":\"a\xff\"}"), "utf8");
        let long = format!("{{\"text\":\"{}\"}}", "a".repeat(101));
        assert_eq!(kind(long.as_bytes()), "too-large");
        let f = parse(b"{\"id\":\"k\",\"text\":\"\"}", &fields(), || "1".into()).unwrap_err();
        assert_eq!(f.id.as_deref(), Some("k"));
    }
}
