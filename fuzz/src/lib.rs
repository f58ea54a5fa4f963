//! Fuzz targets for warta, shared by the AFL++ binaries (`--features afl`) and by the
//! replay mode of the same binaries (plain `cargo run`), which runs saved inputs.
//!
//! Every target takes arbitrary bytes and checks invariants with `assert!`: a panic is
//! a finding. See `docs/FUZZING.md` for the commands.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::normalize::Normalized;
use warta::time::TimeParser;
use warta::{Article, Extractor, Record};

/// One extractor per process (AFL's persistent mode runs many inputs per process).
static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new().expect("the embedded lexicons load"));

/// The time parser with the embedded election days.
static TIMES: LazyLock<TimeParser> =
    LazyLock::new(|| TimeParser::for_lexicons(EXTRACTOR.lexicons()));

/// Builds the shared state before the fuzz loop, so that its cost is not an input's.
pub fn warm_up() {
    LazyLock::force(&EXTRACTOR);
    LazyLock::force(&TIMES);
}

/// Every `{start, end, text}` object in a JSON value.
fn spans(v: &serde_json::Value, out: &mut Vec<(u64, u64, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (
                m.get("start").and_then(|x| x.as_u64()),
                m.get("end").and_then(|x| x.as_u64()),
                m.get("text").and_then(|x| x.as_str()),
            ) {
                out.push((s, e, t.to_string()));
            }
            m.values().for_each(|x| spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Serializes `record` and asserts that every span in it satisfies
/// `input[start..end] == text`; returns the JSON line.
pub fn check_record(input: &str, record: &Record) -> String {
    let line = serde_json::to_string(record).expect("a record serializes");
    assert!(!line.contains('\n'), "a record is one line");
    let value: serde_json::Value = serde_json::from_str(&line).expect("the line parses back");
    let mut all = Vec::new();
    spans(&value, &mut all);
    for (start, end, text) in all {
        let (s, e) = (start as usize, end as usize);
        assert!(s <= e && e <= input.len(), "span {s}..{e} out of bounds");
        assert_eq!(
            input.get(s..e),
            Some(text.as_str()),
            "span {s}..{e} is not on char boundaries or its text differs"
        );
    }
    line
}

/// Extracts `text` twice and checks spans and determinism; returns the JSON line.
fn extract_checked(article: &Article) -> String {
    let first = check_record(&article.text, &EXTRACTOR.extract(article));
    let again = serde_json::to_string(&EXTRACTOR.extract(article)).expect("serializes");
    assert_eq!(first, again, "extraction is not deterministic");
    first
}

/// Target `extract`: arbitrary bytes as an article (decoded lossily: valid UTF-8 is
/// taken as it is, invalid sequences become U+FFFD), without a publication date and,
/// when the first byte is odd, with one too.
pub fn extract(data: &[u8]) {
    let dated = data.first().is_some_and(|b| b & 1 == 1);
    let text = String::from_utf8_lossy(data);
    let mut article = Article::new("fuzz", text.as_ref());
    extract_checked(&article);
    if dated {
        article.published = Some(jiff::civil::date(2024, 2, 6));
        extract_checked(&article);
    }
}

/// A reference date from two bytes (1900–2099, any month, days 1–28).
fn date_of(a: u8, b: u8) -> Date {
    let year = 1900 + i16::from(a % 200);
    let month = (b % 12) as i8 + 1;
    let day = (b / 12 % 28) as i8 + 1;
    Date::new(year, month, day).unwrap_or(jiff::civil::date(2024, 2, 6))
}

/// Target `time`: the first two bytes pick a reference date, the rest is text.
/// Runs `parse_one`, and `scan` + `resolve` over the normalized text with and without
/// the reference; checks ranges and spans.
pub fn time(data: &[u8]) {
    let (reference, rest) = match data {
        [a, b, rest @ ..] => (date_of(*a, *b), rest),
        _ => (jiff::civil::date(2024, 2, 6), data),
    };
    let text = String::from_utf8_lossy(rest);
    let parser = &*TIMES;
    match parser.parse_one(&text, reference) {
        Ok(t) => {
            let s = &t.span;
            assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
            let _ = serde_json::to_string(&t).expect("a time serializes");
        }
        Err(e) => {
            assert_eq!(e.input(), text.as_ref());
            let _ = e.to_string();
            let _ = e.unparsed_text();
        }
    }
    let n = Normalized::new(&text);
    let (norm, folded) = (n.text(), n.folded());
    assert_eq!(norm.len(), folded.len());
    let hits = parser.scan(norm, folded);
    let mut last = 0;
    for h in &hits {
        assert!(h.range.start <= h.range.end && h.range.end <= norm.len());
        assert!(norm.is_char_boundary(h.range.start) && norm.is_char_boundary(h.range.end));
        assert!(h.range.start >= last, "hits overlap or are out of order");
        last = h.range.end;
    }
    for published in [None, Some(reference)] {
        let resolved = parser.resolve(&hits, published);
        for t in resolved.times.iter().chain(&resolved.vague) {
            assert!(
                norm.get(t.range.clone()).is_some(),
                "resolved range {:?}",
                t.range
            );
            let span = n.span(&text, t.range.clone());
            assert_eq!(text.get(span.start..span.end), Some(span.text.as_str()));
            let _ = t.timex_value();
            let _ = serde_json::to_string(&t.to_record(span)).expect("serializes");
        }
    }
}

/// The lexicon file names the `lexicon` target chooses from.
/// The embedded lexicon names and two more (another file of a kind, an unknown kind), in
/// a fixed order: saved inputs pick a file by index.
static LEXICON_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    LexiconFiles::embedded_names()
        .chain(["terms-x.tsv", "unknown.tsv"])
        .collect()
});

/// Target `lexicon`: the input is one or more lexicon files separated by NUL bytes;
/// each file's first byte picks its name, the rest (lossy UTF-8) is its contents.
/// Loading must give lexicons or problems that name a given file and a line within
/// it; lexicons that load build an extractor, which then extracts the whole input.
pub fn lexicon(data: &[u8]) {
    let mut files = LexiconFiles::empty();
    let mut given: Vec<(PathBuf, usize)> = Vec::new();
    for chunk in data.split(|&b| b == 0).take(6) {
        let Some((&pick, contents)) = chunk.split_first() else {
            continue;
        };
        let name = LEXICON_NAMES[usize::from(pick) % LEXICON_NAMES.len()];
        let path = Path::new("fz").join(name);
        let contents = String::from_utf8_lossy(contents).into_owned();
        let lines = contents.split('\n').count();
        given.retain(|(p, _)| p != &path);
        given.push((path.clone(), lines));
        files.add(path, contents);
    }
    match Lexicons::load(&files) {
        Ok(lex) => {
            if let Ok(extractor) = Extractor::from_lexicons(lex) {
                let text = String::from_utf8_lossy(data).replace('\0', "\n");
                let record = extractor.extract(&Article::new("fuzz", text.as_str()));
                check_record(&text, &record);
            }
        }
        Err(e) => {
            let problems = e.lexicon_problems();
            assert!(!problems.is_empty(), "an error without problems: {e}");
            for p in problems {
                let lines = given
                    .iter()
                    .find(|(path, _)| path == &p.path)
                    .map(|(_, n)| *n);
                let Some(lines) = lines else {
                    panic!("problem names a file that was not given: {p}");
                };
                assert!(
                    p.line <= lines,
                    "line {} past the end ({lines}): {p}",
                    p.line
                );
                let shown = p.to_string();
                assert!(shown.starts_with(&p.path.display().to_string()));
            }
            let _ = e.to_string();
        }
    }
}

/// One JSONL input line, as `warta extract --jsonl` reads it:
/// `{"id", "text", "published"?, "title"?, "url"?}` plus any other fields.
///
/// This mirrors the shape of the issue; point the target at the real reader
/// (`src/cli/jsonl.rs`) once it lands.
#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(flatten)]
    _meta: serde_json::Map<String, serde_json::Value>,
}

/// Reads one line into an article, or the error record's kind.
fn read_line(line: &[u8], n: usize) -> Result<Article, &'static str> {
    let line: Line = serde_json::from_slice(line).map_err(|_| "json")?;
    let text = line.text.ok_or("missing-text")?;
    if text.trim().is_empty() {
        return Err("empty");
    }
    let id = match line.id {
        Some(serde_json::Value::String(s)) => s,
        Some(v) => v.to_string(),
        None => format!("line-{n}"),
    };
    let mut article = Article::new(id, text);
    article.published = line.published.and_then(|p| p.parse::<Date>().ok());
    article.title = line.title;
    article.url = line.url;
    Ok(article)
}

/// Target `jsonl`: arbitrary bytes as a JSONL stream. Every non-blank line gives exactly
/// one output line, a record (spans checked) or an error record; both parse back.
pub fn jsonl(data: &[u8]) {
    let mut out = Vec::new();
    let mut inputs = 0;
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        inputs += 1;
        match read_line(line, i + 1) {
            Ok(article) => out.push(check_record(&article.text, &EXTRACTOR.extract(&article))),
            Err(kind) => out.push(
                serde_json::json!({"schema": "warta/1", "doc": {"line": i + 1},
                                   "error": {"kind": kind, "message": kind}})
                .to_string(),
            ),
        }
    }
    assert_eq!(out.len(), inputs, "one output line per input line");
    for line in &out {
        let v: serde_json::Value = serde_json::from_str(line).expect("output parses");
        assert_eq!(v["schema"], "warta/1");
    }
}

/// A fuzz target: arbitrary bytes in, a panic on a finding.
pub type Target = fn(&[u8]);

/// The targets by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("extract", extract),
    ("time", time),
    ("lexicon", lexicon),
    ("jsonl", jsonl),
];

/// Runs `target` on every file named in `args` (folders: every file inside, sorted),
/// or on standard input when there is none; prints each file before it runs, so that
/// the last name printed before a panic is the culprit.
pub fn replay(target: fn(&[u8]), args: &[String]) {
    use std::io::Read;
    if args.is_empty() {
        let mut data = Vec::new();
        std::io::stdin().read_to_end(&mut data).expect("read stdin");
        target(&data);
        return;
    }
    let mut files = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&p)
                .expect("read dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(p);
        }
    }
    for f in &files {
        eprintln!("{}", f.display());
        let data = std::fs::read(f).expect("read input");
        target(&data);
    }
    eprintln!("{} input(s) ok", files.len());
}

/// The body of every target binary: under AFL (`--features afl`) the fuzz loop,
/// otherwise replay of the files given on the command line.
#[macro_export]
macro_rules! target_main {
    ($f:path) => {
        #[cfg(feature = "afl")]
        fn main() {
            $crate::warm_up();
            afl::fuzz!(|data: &[u8]| {
                $f(data);
            });
        }

        #[cfg(not(feature = "afl"))]
        fn main() {
            let args: Vec<String> = std::env::args().skip(1).collect();
            $crate::replay($f, &args);
        }
    };
}
