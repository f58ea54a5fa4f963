//! Property tests over generated articles: spans point into the input on char
//! boundaries; normalization round-trips word by word; extraction is deterministic
//! (twice, on another thread, with another extractor); the CLI writes exactly one line
//! per input, in input order.
//!
//! The offset map's monotonicity over arbitrary short strings is in `tests/normalize.rs`;
//! this file feeds it article-shaped text instead.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::LazyLock;

use proptest::prelude::*;
use warta::normalize::Normalized;
use warta::{Article, Extractor};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("extractor"));
/// A second extractor: hash maps seeded differently must not change the output.
static OTHER: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("extractor"));

/// Pieces of the genre (written for these tests) and of hostile markup.
const VOCABULARY: &[&str] = &[
    "Gubernur",
    "Kaltim",
    "Samarinda",
    "Bupati",
    "Kukar",
    "Kapolres",
    "Bontang",
    "Polres",
    "KPU",
    "Pj",
    "Wali Kota",
    "Wakil",
    "Ketua DPRD",
    "Kodim 0908/Bontang",
    "Kecamatan Loa Janan",
    "Kab.",
    "se-Kaltim",
    "Budi Santoso",
    "Siti Aminah",
    "S.H.",
    "M.Si",
    "AKBP",
    "Dr.",
    "H.",
    "Kamis",
    "(6/7/2023)",
    "(6/7)",
    "6 Juli 2023",
    "13-15 Agustus 2024",
    "pukul 14.00 WITA",
    "H-8",
    "Pemilu 2024",
    "Pilkada",
    "kurang 8 hari lagi",
    "pekan depan",
    "hari itu",
    "Rp 1,5 miliar",
    "77,5 persen",
    "1.250 personel",
    "rakor",
    "Rapat Koordinasi",
    "Forkopimda",
    "membuka",
    "dihadiri",
    "ujarnya",
    "kata",
    "menjelaskan,",
    "\"",
    "“",
    "”",
    "'",
    "«",
    "–",
    "-",
    "(",
    ")",
    ":",
    "<p>",
    "</p>",
    "<script>x</script>",
    "&amp;",
    "&quot;",
    "&#8220;",
    "\u{a0}",
    "\u{200b}",
    "\u{200f}",
    "\u{feff}",
    "e\u{301}",
    "👍",
    "\0",
    "\r\n",
    "\n\n",
    "Baca juga:",
    "Editor: Budi",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", ", ", ". ", "\n", "\n\n"];

/// An article-shaped text: vocabulary, separators, and now and then arbitrary chars.
fn article() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        8 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => "\\PC{1,3}",
        1 => "[A-Za-z]{1,9}",
    ];
    prop::collection::vec((token, prop::sample::select(SEPARATORS)), 0..50).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

fn json(article: &Article, ex: &Extractor) -> String {
    serde_json::to_string(&ex.extract(article)).expect("a record serializes")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Every span of the record is `input[start..end]`, on char boundaries.
    #[test]
    fn spans_point_into_article_text(text in article(), dated in any::<bool>()) {
        let mut a = Article::new("p", text.as_str());
        a.published = dated.then(|| jiff::civil::date(2024, 2, 6));
        let rec = EXTRACTOR.extract(&a);
        common::assert_spans_hold("article", &text, &rec);
    }

    /// The same, over arbitrary text.
    #[test]
    fn spans_point_into_arbitrary_text(text in "(?s).{0,200}") {
        let rec = EXTRACTOR.extract(&Article::new("p", text.as_str()));
        common::assert_spans_hold("arbitrary", &text, &rec);
    }

    /// Same input, same bytes: twice, on another thread, and with another extractor.
    #[test]
    fn extraction_is_deterministic(text in article()) {
        let a = Article::new("d", text.as_str());
        let first = json(&a, &EXTRACTOR);
        prop_assert_eq!(&first, &json(&a, &EXTRACTOR));
        let on_thread = std::thread::scope(|s| s.spawn(|| json(&a, &EXTRACTOR)).join())
            .expect("the thread ends");
        prop_assert_eq!(&first, &on_thread);
        prop_assert_eq!(&first, &json(&a, &OTHER));
    }

    /// Word by word, the original text of a normalized ASCII word folds back to that word
    /// (entities decoded, marks unified, markup dropped, nothing else changed).
    /// `fold` cleans without the boilerplate pass, which judges whole lines.
    #[test]
    fn normalization_round_trips_word_by_word(text in article()) {
        let n = Normalized::new(&text);
        let norm = n.text();
        let mut start = None;
        for (i, c) in norm.char_indices().chain([(norm.len(), ' ')]) {
            let word_char = c.is_alphanumeric();
            match (start, word_char) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    // Non-ASCII words can be mojibake whose repair depends on the next char.
                    if n.is_boilerplate(s) || !norm[s..i].is_ascii() {
                        continue;
                    }
                    let orig = n.original_range(s..i);
                    let back = warta::normalize::fold(&text[orig.clone()]);
                    prop_assert_eq!(
                        &back,
                        &n.folded()[s..i],
                        "{:?} -> {:?} -> {:?}",
                        &norm[s..i],
                        &text[orig.clone()],
                        &back
                    );
                }
                _ => {}
            }
        }
    }
}

/// Writes `inputs` as files `00.txt`, `01.txt`, … into a fresh folder.
fn write_inputs(name: &str, inputs: &[Vec<u8>]) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("props-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    inputs
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            let p = dir.join(format!("{i:02}.txt"));
            std::fs::write(&p, bytes).expect("write input");
            p
        })
        .collect()
}

fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        article().prop_map(String::into_bytes),
        prop::collection::vec(any::<u8>(), 0..200),
        Just(Vec::new()),
    ]
}

proptest! {
    // Each case starts the binary (a debug build loads its lexicons in about a second).
    #![proptest_config(ProptestConfig::with_cases(4))]

    /// `warta extract` writes one JSON line per input, in order: a record, or an error
    /// record in its place; the exit code is 1 exactly when an error record was written.
    #[test]
    fn cli_writes_one_record_per_input(inputs in prop::collection::vec(input_bytes(), 1..8)) {
        let files = write_inputs("cli", &inputs);
        let out = Command::new(env!("CARGO_BIN_EXE_warta"))
            .arg("extract")
            .args(&files)
            .output()
            .expect("run warta");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        let lines: Vec<&str> = stdout.lines().collect();
        prop_assert_eq!(lines.len(), inputs.len());
        let mut errors = 0;
        for (i, line) in lines.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            prop_assert_eq!(&v["schema"], "warta/1");
            prop_assert_eq!(&v["doc"]["id"], &format!("{i:02}"));
            if v.get("error").is_some() {
                errors += 1;
            } else {
                let text = std::str::from_utf8(&inputs[i]).expect("records only for UTF-8");
                let mut spans = Vec::new();
                common::spans(&v, &mut spans);
                for s in spans {
                    prop_assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
                }
            }
        }
        prop_assert_eq!(out.status.code(), Some(if errors > 0 { 1 } else { 0 }));
    }
}

/// Standard input is one input too.
#[test]
fn cli_reads_stdin_as_one_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run warta");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all("Rakor di Samarinda.\n\nKamis (6/7).\n".as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).expect("JSON");
    assert_eq!(v["doc"]["id"], "-");
    assert_eq!(v["places"][0]["id"], "64.72");
    assert_eq!(out.status.code(), Some(0));
}
