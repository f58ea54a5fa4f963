//! Table-driven tests for `warta::normalize` and `warta::segment`.
//!
//! Cases live in `tests/data/normalize.toml`; set `WARTA_CASE=substring` to run only the
//! cases whose name contains it.

use std::path::Path;

use proptest::prelude::*;
use serde::Deserialize;
use warta::normalize::{fold, Normalized};
use warta::segment::Segments;

#[derive(Deserialize)]
struct Data {
    normalize: Vec<NormCase>,
    boilerplate: Vec<BoilerCase>,
    sentences: Vec<SentenceCase>,
    fold: Vec<FoldCase>,
}

/// Input → expected `text()`, plus normalized substrings and their original text.
#[derive(Deserialize)]
struct NormCase {
    name: String,
    input: String,
    text: String,
    #[serde(default)]
    ranges: Vec<(String, String)>,
}

/// Input → the original text of each blanked range, and substrings that must survive.
#[derive(Deserialize)]
struct BoilerCase {
    name: String,
    input: String,
    blanked: Vec<String>,
    #[serde(default)]
    kept: Vec<String>,
}

/// Normalized text → its sentences.
#[derive(Deserialize)]
struct SentenceCase {
    name: String,
    text: String,
    sentences: Vec<String>,
}

/// Alias → folded alias.
#[derive(Deserialize)]
struct FoldCase {
    input: String,
    folded: String,
}

fn data() -> Data {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/normalize.toml");
    let src = std::fs::read_to_string(&path).expect("read tests/data/normalize.toml");
    toml::from_str(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared` beside the repo, or `$WARTA_SHARED`.
fn shared_dir() -> std::path::PathBuf {
    std::env::var_os("WARTA_SHARED").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        Into::into,
    )
}

fn selected(name: &str) -> bool {
    std::env::var("WARTA_CASE").map_or(true, |f| name.contains(&f))
}

/// Checks the offset contract on every pair of char boundaries of the normalized text.
fn check_round_trip(input: &str, n: &Normalized) {
    let text = n.text();
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let mut last_start = 0;
    for &a in &bounds {
        let mut last_end = 0;
        for &b in bounds.iter().filter(|&&b| b >= a) {
            let r = n.original_range(a..b);
            assert!(
                r.start <= r.end && r.end <= input.len(),
                "{a}..{b} -> {r:?}"
            );
            assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
            assert!(r.start >= last_start, "start not monotone at {a}");
            assert!(r.end >= last_end, "end not monotone at {a}..{b}");
            last_end = r.end;
            let span = n.span(input, a..b);
            assert_eq!(span.text, &input[r.clone()]);
            let norm = &text[a..b];
            if b > a && norm.is_ascii() && !norm.contains(['\n', ' ', '"', '\'', '-', '&', '<']) {
                // Plain ASCII words are copied: the original is the same bytes.
                if input[r.clone()].is_ascii() && !input[r.clone()].contains(['<', '&']) {
                    assert_eq!(&input[r], norm, "ASCII region {a}..{b}");
                }
            }
        }
        last_start = n.original_range(a..a).start;
    }
}

#[test]
fn normalize_cases() {
    for case in data().normalize.iter().filter(|c| selected(&c.name)) {
        let n = Normalized::new(&case.input);
        assert_eq!(n.text(), case.text, "case {:?}", case.name);
        assert_eq!(n.folded().len(), n.text().len(), "case {:?}", case.name);
        for (norm, orig) in &case.ranges {
            let at = n
                .text()
                .find(norm.as_str())
                .unwrap_or_else(|| panic!("case {:?}: {norm:?} not in text", case.name));
            let span = n.span(&case.input, at..at + norm.len());
            assert_eq!(&span.text, orig, "case {:?}, range of {norm:?}", case.name);
        }
        check_round_trip(&case.input, &n);
    }
}

#[test]
fn boilerplate_cases() {
    for case in data().boilerplate.iter().filter(|c| selected(&c.name)) {
        let n = Normalized::new(&case.input);
        let blanked: Vec<String> = n
            .boilerplate()
            .iter()
            .map(|r| n.span(&case.input, r.clone()).text)
            .collect();
        assert_eq!(blanked, case.blanked, "case {:?}", case.name);
        for r in n.boilerplate() {
            assert!(n.text()[r.clone()].bytes().all(|b| b == b' ' || b == b'\n'));
            assert!(n.folded()[r.clone()]
                .bytes()
                .all(|b| b == b' ' || b == b'\n'));
        }
        for k in &case.kept {
            assert!(
                n.text().contains(k.as_str()),
                "case {:?}: lost {k:?}",
                case.name
            );
        }
        check_round_trip(&case.input, &n);
    }
}

#[test]
fn sentence_cases() {
    for case in data().sentences.iter().filter(|c| selected(&c.name)) {
        let seg = Segments::new(&case.text);
        let got: Vec<&str> = seg
            .sentences
            .iter()
            .map(|r| &case.text[r.clone()])
            .collect();
        assert_eq!(got, case.sentences, "case {:?}", case.name);
        for (i, s) in seg.sentences.iter().enumerate() {
            let p = seg
                .paragraph_at(s.start)
                .expect("sentence inside a paragraph");
            assert!(
                seg.paragraphs[p].end >= s.end,
                "sentence {i} crosses a paragraph"
            );
            assert_eq!(seg.sentence_at(s.start), Some(i));
        }
    }
}

#[test]
fn fold_cases() {
    for case in &data().fold {
        assert_eq!(fold(&case.input), case.folded, "alias {:?}", case.input);
        let n = Normalized::new(&case.input);
        assert_eq!(n.folded(), case.folded, "as text {:?}", case.input);
    }
}

/// The seed articles, when `../shared` is there: offsets hold, chrome is gone, bylines stay.
#[test]
fn seed_articles() {
    let dir = shared_dir().join("seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} not found", dir.display());
        return;
    };
    for entry in entries.flatten() {
        let input = std::fs::read_to_string(entry.path()).expect("read seed");
        let n = Normalized::new(&input);
        if std::env::var_os("WARTA_DUMP").is_some() {
            println!("== {}", entry.path().display());
            for r in n.boilerplate() {
                println!("  blanked {:?}", n.span(&input, r.clone()).text);
            }
        }
        assert!(
            !n.text().contains("{{"),
            "{:?}: template left",
            entry.path()
        );
        assert!(!n.text().contains('\u{201c}') && !n.text().contains('Â'));
        for line in input.lines().filter(|l| l.starts_with("Penulis:")) {
            let line = line.trim();
            assert!(
                n.text().contains(line),
                "byline blanked in {:?}",
                entry.path()
            );
        }
        let text = n.text();
        let mut last = (0, 0);
        for a in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let b = (a + 40..=text.len()).find(|&i| text.is_char_boundary(i));
            let r = n.original_range(a..b.unwrap_or(text.len()));
            assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
            assert!(r.start >= last.0 && r.end >= last.1);
            last = (r.start, r.end);
        }
        let seg = Segments::new(text);
        assert!(seg.sentences.len() >= seg.paragraphs.len());
        if std::env::var_os("WARTA_DUMP").is_some() {
            for s in &seg.sentences {
                println!("  sentence {:?}", &text[s.clone()]);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_maps_monotonically(s in "(?s).{0,80}|[ \\n\\r\\tÂâ€œ™\"<>&#;a-z0-9{}.x\u{a0}\u{200b}]{0,60}") {
        let n = Normalized::new(&s);
        prop_assert_eq!(n.folded().len(), n.text().len());
        let text = n.text();
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut last_start = 0;
        for &a in &bounds {
            let r = n.original_range(a..a);
            prop_assert!(s.is_char_boundary(r.start) && r.start >= last_start);
            last_start = r.start;
            let mut last_end = 0;
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let r = n.original_range(a..b);
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                prop_assert!(r.start <= r.end && r.end >= last_end);
                last_end = r.end;
            }
        }
        let seg = Segments::new(text);
        for r in &seg.sentences {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    #[test]
    fn html_never_panics(s in "(<(/?[a-z]{1,6}|!--|script>)[^>]{0,5}>?|[a-z &;#0-9\n])*") {
        let n = Normalized::new(&format!("<p>{s}"));
        let _ = n.original_range(0..n.text().len());
    }

    #[test]
    fn word_edges_never_panic(s in "(?s).{0,20}", pos in 0usize..30) {
        let _ = warta::segment::is_word_start(&s, pos);
        let _ = warta::segment::is_word_end(&s, pos);
    }
}

/// The first articles of the shared corpus, when present: sentence spans map back onto
/// original char boundaries, in order, and blanked chrome stays rare.
#[test]
fn corpus_sample() {
    let path = shared_dir().join("corpus/clickid-2019-09.jsonl");
    let Ok(src) = std::fs::File::open(&path) else {
        println!("skipped: {} not found", path.display());
        return;
    };
    let limit: usize = std::env::var("WARTA_CORPUS_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let dump = std::env::var_os("WARTA_DUMP").is_some();
    let (mut bytes, mut blanked) = (0, 0);
    use std::io::BufRead;
    for line in std::io::BufReader::new(src).lines().take(limit) {
        let line = line.expect("read corpus line");
        let v: serde_json::Value = serde_json::from_str(&line).expect("corpus json");
        let input = v["content"].as_str().unwrap_or_default();
        let n = Normalized::new(input);
        let seg = Segments::new(n.text());
        let mut last = 0;
        for s in &seg.sentences {
            let r = n.original_range(s.clone());
            assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
            assert!(r.start >= last, "sentence spans out of order");
            last = r.end;
        }
        bytes += n.text().len();
        for r in n.boilerplate() {
            blanked += r.len();
            if dump {
                println!("blanked {:?}", n.span(input, r.clone()).text);
            }
        }
    }
    assert!(
        blanked * 50 < bytes.max(1),
        "blanked {blanked} of {bytes} bytes"
    );
}
