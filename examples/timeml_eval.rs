//! Measures the time module on TimeML-annotated Indonesian news (IndoTimex).
//!
//! ```text
//! cargo run --release --example timeml_eval -- ../shared/data/timeml
//! ```
//!
//! For every `.tml` file: the article text is the `<TEXT>` element with its tags
//! stripped, the reference date is the document creation time (the TIMEX3 with
//! `functionInDocument="CREATION_TIME"`), and the gold items are the TIMEX3s of type
//! DATE. A gold item is right when the time we found with the largest overlap with its
//! span (any overlap counts as the same span) has the same value
//! ([`ResolvedTime::timex_value`]: the ISO value, or `PRESENT_REF`, `PAST_REF`, a decade
//! or a season for vague expressions). Prints the count, the accuracy and every miss.
//!
//! `tests/times.rs` includes this file to run the same evaluation as a test.

use std::ops::Range;
use std::path::Path;

use warta::normalize::Normalized;
use warta::time::TimeParser;

/// One gold TIMEX3 of type DATE.
#[derive(Clone, Debug)]
pub struct Gold {
    /// File stem.
    pub doc: String,
    /// Byte range in the stripped article text.
    pub range: Range<usize>,
    /// The annotated text.
    pub text: String,
    /// The annotated value.
    pub value: String,
}

/// The outcome of the evaluation.
#[derive(Debug, Default)]
pub struct Report {
    /// Gold DATE timexes seen.
    pub total: usize,
    /// Gold DATE timexes whose value we matched.
    pub correct: usize,
    /// Gold DATE timexes with a calendar value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub calendar_total: usize,
    /// Of those, the ones we matched.
    pub calendar_correct: usize,
    /// One line per miss.
    pub misses: Vec<String>,
}

impl Report {
    /// Correct / total (0 when empty).
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// A `.tml` file: its text without tags, its creation date and its DATE timexes.
pub struct Article {
    /// The `<TEXT>` content, tags stripped, entities decoded.
    pub text: String,
    /// The document creation time.
    pub dct: jiff::civil::Date,
    /// The DATE timexes in the text.
    pub gold: Vec<Gold>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn decode_entity(rest: &str) -> Option<(char, usize)> {
    for (entity, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if rest.starts_with(entity) {
            return Some((c, entity.len()));
        }
    }
    None
}

/// Parses one `.tml` document.
pub fn parse_tml(doc: &str, xml: &str) -> Result<Article, String> {
    let dct_tag = xml
        .split("<TIMEX3")
        .find(|t| t.contains("functionInDocument=\"CREATION_TIME\""))
        .ok_or_else(|| format!("{doc}: no CREATION_TIME timex"))?;
    let dct_value = attr(dct_tag, "value").ok_or_else(|| format!("{doc}: DCT has no value"))?;
    let dct: jiff::civil::Date = dct_value
        .get(..10)
        .unwrap_or(dct_value)
        .parse()
        .map_err(|e| format!("{doc}: bad DCT {dct_value:?}: {e}"))?;
    let start = xml
        .find("<TEXT>")
        .ok_or_else(|| format!("{doc}: no <TEXT>"))?
        + "<TEXT>".len();
    let end = xml[start..]
        .find("</TEXT>")
        .ok_or_else(|| format!("{doc}: no </TEXT>"))?
        + start;
    let body = &xml[start..end];
    let mut text = String::with_capacity(body.len());
    let mut open: Vec<(usize, &str)> = Vec::new();
    let mut gold = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let close = rest
                .find('>')
                .ok_or_else(|| format!("{doc}: unclosed tag"))?;
            let tag = &rest[..=close];
            if tag.starts_with("<TIMEX3") {
                open.push((text.len(), tag));
            } else if tag.starts_with("</TIMEX3") {
                let (from, tag) = open
                    .pop()
                    .ok_or_else(|| format!("{doc}: stray </TIMEX3>"))?;
                if attr(tag, "type") == Some("DATE") {
                    gold.push(Gold {
                        doc: doc.to_string(),
                        range: from..text.len(),
                        text: text[from..].to_string(),
                        value: attr(tag, "value").unwrap_or("").to_string(),
                    });
                }
            }
            i += close + 1;
        } else if let Some((c, len)) = decode_entity(rest) {
            text.push(c);
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            text.push(c);
            i += c.len_utf8();
        }
    }
    gold.sort_by_key(|g| g.range.start);
    Ok(Article { text, dct, gold })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (not `PRESENT_REF`, a decade or a season).
fn is_calendar(value: &str) -> bool {
    let shape = |pattern: &str| {
        value.len() == pattern.len()
            && value.bytes().zip(pattern.bytes()).all(|(v, p)| {
                if p == b'9' {
                    v.is_ascii_digit()
                } else {
                    v == p
                }
            })
    };
    shape("9999") || shape("9999-99") || shape("9999-99-99")
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Runs the scanner on every `.tml` file in `dir` and scores the DATE timexes.
pub fn evaluate(dir: &Path) -> Result<Report, String> {
    let parser = TimeParser::new(Vec::new());
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    let mut report = Report::default();
    for path in paths {
        let xml = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let article = parse_tml(&doc, &xml)?;
        let norm = Normalized::new(&article.text);
        let hits = parser.scan(norm.text(), norm.folded());
        let resolved = parser.resolve(&hits, Some(article.dct));
        let found: Vec<(Range<usize>, Option<&str>)> = resolved
            .times
            .iter()
            .chain(&resolved.vague)
            .map(|t| (norm.original_range(t.range.clone()), t.timex_value()))
            .collect();
        for g in &article.gold {
            report.total += 1;
            let calendar = is_calendar(&g.value);
            report.calendar_total += usize::from(calendar);
            let best = found
                .iter()
                .filter(|(r, _)| overlap(r, &g.range) > 0)
                .max_by_key(|(r, _)| overlap(r, &g.range));
            match best {
                Some((_, Some(v))) if *v == g.value => {
                    report.correct += 1;
                    report.calendar_correct += usize::from(calendar);
                }
                Some((r, v)) => report.misses.push(format!(
                    "{}: {:?} gold {} — found {:?} = {}",
                    g.doc,
                    g.text,
                    g.value,
                    &article.text[r.clone()],
                    v.unwrap_or("null")
                )),
                None => report.misses.push(format!(
                    "{}: {:?} gold {} — not found",
                    g.doc, g.text, g.value
                )),
            }
        }
    }
    Ok(report)
}

#[allow(dead_code)]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/timeml".to_string());
    match evaluate(Path::new(&dir)) {
        Ok(report) => {
            println!("DATE timexes: {}", report.total);
            println!("correct:      {}", report.correct);
            println!("accuracy:     {:.3}", report.accuracy());
            println!(
                "calendar:     {}/{} = {:.3}",
                report.calendar_correct,
                report.calendar_total,
                report.calendar_correct as f64 / report.calendar_total.max(1) as f64
            );
            for miss in &report.misses {
                println!("miss  {miss}");
            }
        }
        Err(e) => {
            eprintln!("timeml_eval: {e}");
            std::process::exit(1);
        }
    }
}
