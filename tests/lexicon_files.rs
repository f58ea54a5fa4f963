//! Hostile lexicon files: every bad file or row is an error naming `path:line`, never a
//! panic; through the library (`LexiconFiles::add_dir` + `Lexicons::load`) and through
//! `warta lexicon check DIR --alone`.

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use warta::lexicon::{LexiconFiles, Lexicons};

/// A small, valid lexicon set of every kind (written for these tests).
const PLACES: &str = "id\tname\tlevel\tparent\taliases\n\
ID\tIndonesia\tnegara\t\tRI\n\
64\tKalimantan Timur\tprovinsi\tID\tKaltim\n\
64.74\tBontang\tkota\t64\tKota Bontang\n";
const INSTITUTIONS: &str = "type\tname\taliases\npolres\tKepolisian Resor\tPolres\n";
const TITLES: &str =
    "id\tinstitution\taliases\nkapolres\tpolres\tKapolres\nwali-kota\t\tWali Kota\n";
const OFFICIALS: &str = "id\tname\tshort_names\ttitle\tacting\tjurisdiction\tfrom\tto\n\
budi-santoso\tBudi Santoso\tBudi\twali-kota\t\t64.74\t2021-02\t\n";
const ELECTIONS: &str =
    "id\tkind\tyear\tdate\taliases\npilkada-2024\tpilkada\t2024\t2024-11-27\t\n";

/// A fresh folder under the test target dir holding `files`.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("lexicon-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create folder");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write file");
    }
    dir
}

/// The valid set, with `replace` swapped in (same name) or added.
fn set_with(name: &str, replace: &[(&str, &[u8])]) -> PathBuf {
    let mut files: Vec<(&str, &[u8])> = vec![
        ("places.tsv", PLACES.as_bytes()),
        ("institutions.tsv", INSTITUTIONS.as_bytes()),
        ("titles.tsv", TITLES.as_bytes()),
        ("officials.tsv", OFFICIALS.as_bytes()),
        ("elections.tsv", ELECTIONS.as_bytes()),
    ];
    for (f, b) in replace {
        files.retain(|(g, _)| g != f);
        files.push((f, b));
    }
    folder(name, &files)
}

/// Loads a folder alone; the problems as `path:line: message` strings with the folder
/// part of the path cut off.
fn problems(dir: &Path) -> Vec<String> {
    let mut files = LexiconFiles::empty();
    let loaded = files.add_dir(dir).and_then(|()| Lexicons::load(&files));
    match loaded {
        Ok(_) => Vec::new(),
        Err(e) => {
            assert!(!e.lexicon_problems().is_empty(), "not a lexicon error: {e}");
            let prefix = format!("{}/", dir.display());
            e.lexicon_problems()
                .iter()
                .map(|p| p.to_string().replace(&prefix, ""))
                .collect()
        }
    }
}

/// Runs `warta lexicon check DIR --alone`: (exit code, stdout, stderr).
fn check(dir: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["lexicon", "check"])
        .arg(dir)
        .arg("--alone")
        .output()
        .expect("run warta");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_valid_set_loads_alone_and_the_cli_counts_it() {
    let dir = set_with("valid", &[]);
    assert_eq!(problems(&dir), Vec::<String>::new());
    let (code, out, err) = check(&dir);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("provinces\t1\n"), "{out}");
    assert!(out.contains("officials\t1\n"), "{out}");
    assert!(out.contains("errors\t0"), "{out}");
}

#[test]
fn coverage_on_a_date_counts_the_places_with_a_holder() {
    let dir = set_with("coverage", &[]);
    let run = |day: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["lexicon", "check"])
            .arg(&dir)
            .args(["--alone", "--date", day])
            .output()
            .expect("run warta");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Budi Santoso is wali kota of Bontang (the one city of the set) from February 2021.
    let served = run("2023-05-01");
    assert!(
        served.contains("bupati/wali-kota (incl. Pj/Plt)\t1/1\n"),
        "{served}"
    );
    assert!(
        served.contains("gubernur (incl. Pj/Plt)\t0/1\n"),
        "{served}"
    );
    let before = run("2020-05-01");
    assert!(
        before.contains("bupati/wali-kota (incl. Pj/Plt)\t0/1\n"),
        "{before}"
    );
}

#[test]
fn missing_columns_and_wrong_cell_counts() {
    let places = "id\tname\tparent\n64\tKaltim\tID\n";
    let titles = "id\tinstitution\taliases\nkapolres\tpolres\n\nx\ty\tz\textra\n";
    let dir = set_with(
        "columns",
        &[
            ("places.tsv", places.as_bytes()),
            ("titles.tsv", titles.as_bytes()),
        ],
    );
    let p = problems(&dir);
    assert!(
        p.contains(
            &"places.tsv:1: header lacks column(s) level: found \"id\\tname\\tparent\"".into()
        ),
        "{p:#?}"
    );
    assert!(
        p.contains(&"titles.tsv:2: expected 3 columns, found 2".into()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"titles.tsv:4: expected 3 columns, found 4".into()),
        "{p:#?}"
    );
    // The places file is gone, so the official's jurisdiction is unknown, at its line.
    assert!(
        p.contains(&"officials.tsv:2: unknown jurisdiction '64.74'".into()),
        "{p:#?}"
    );
    let (code, _, err) = check(&dir);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("/titles.tsv:4: expected 3 columns, found 4"),
        "{err}"
    );
}

#[test]
fn bad_dates_and_years() {
    let officials = "id\tname\ttitle\tjurisdiction\tfrom\tto\n\
a\tA\twali-kota\t64.74\t2024-13-01\t\n\
b\tB\twali-kota\t64.74\t2024\t2023-12\n\
c\tC\twali-kota\t64.74\tkemarin\t\n\
d\tD\twali-kota\t64.74\t2024-02-30\t\n\
e\tE\twali-kota\t64.74\t2020\t2025-1-1-1\n";
    let elections = "id\tkind\tyear\tdate\npemilu-x\tpemilu\t99999\t2024-02-14\npemilu-y\tpemilu\t2024\t14/02/2024\n";
    let dir = set_with(
        "dates",
        &[
            ("officials.tsv", officials.as_bytes()),
            ("elections.tsv", elections.as_bytes()),
        ],
    );
    // Files load in name order.
    assert_eq!(
        problems(&dir),
        [
            "elections.tsv:2: bad year '99999'",
            "elections.tsv:3: bad date '14/02/2024' (YYYY-MM-DD)",
            "officials.tsv:2: bad date in 'from': '2024-13-01'",
            "officials.tsv:3: 'to' 2023-12 is before 'from'",
            "officials.tsv:4: bad date in 'from': 'kemarin'",
            "officials.tsv:5: bad date in 'from': '2024-02-30'",
            "officials.tsv:6: bad date in 'to': '2025-1-1-1'",
        ]
    );
}

#[test]
fn unknown_parents_and_references() {
    let places = format!("{PLACES}64.99\tEntah\tkabupaten\t65\t\n");
    let aliases = "id\taliases\n99\tEntah Berantah\n";
    let titles = "id\tinstitution\taliases\nkapolres\tpolsek\tKapolres\nwali-kota\t\tWali Kota\n";
    let officials = "id\tname\ttitle\tjurisdiction\tfrom\nx\tX\tcamat\t64.74\t2024\n";
    let dir = set_with(
        "refs",
        &[
            ("places.tsv", places.as_bytes()),
            ("place-aliases.tsv", aliases.as_bytes()),
            ("titles.tsv", titles.as_bytes()),
            ("officials.tsv", officials.as_bytes()),
        ],
    );
    let p = problems(&dir);
    for want in [
        "places.tsv:5: unknown parent '65' of place '64.99'",
        "place-aliases.tsv:2: unknown place id '99'",
        "officials.tsv:2: unknown title 'camat'",
        "titles.tsv:2: unknown institution type 'polsek'",
    ] {
        assert!(p.contains(&want.to_string()), "{want} not in {p:#?}");
    }
    assert_eq!(p.len(), 4, "{p:#?}");
}

#[test]
fn duplicate_ids() {
    let extra = "id\tname\tlevel\tparent\n64\tKaltim Lagi\tprovinsi\tID\n";
    let dir = set_with("dups", &[("places-extra.tsv", extra.as_bytes())]);
    let p = problems(&dir);
    assert!(
        p.iter()
            .any(|m| m.ends_with(": duplicate place id '64'") && m.starts_with("places")),
        "{p:#?}"
    );
    let (code, _, err) = check(&dir);
    assert_eq!(code, Some(1));
    assert!(err.contains("duplicate place id '64'"), "{err}");
}

#[test]
fn bom_and_crlf_are_tolerated_and_lines_still_count() {
    let crlf = |s: &str| format!("\u{feff}# comment\r\n{}", s.replace('\n', "\r\n"));
    let places = crlf(PLACES);
    let titles =
        crlf("id\tinstitution\taliases\nkapolres\tpolres\tKapolres\nwali-kota\t\tWali Kota\nx\n");
    let dir = set_with(
        "bom-crlf",
        &[
            ("places.tsv", places.as_bytes()),
            ("titles.tsv", titles.as_bytes()),
        ],
    );
    // Line 5 after the comment, the header and two rows: the bad row is named exactly.
    assert_eq!(
        problems(&dir),
        ["titles.tsv:5: expected 3 columns, found 1"]
    );
    let dir = set_with("bom-crlf-ok", &[("places.tsv", places.as_bytes())]);
    assert_eq!(problems(&dir), Vec::<String>::new());
    let mut files = LexiconFiles::empty();
    files.add_dir(&dir).unwrap();
    let lex = Lexicons::load(&files).unwrap();
    let bontang = lex.place("64.74").expect("Bontang");
    assert_eq!(
        bontang.aliases,
        ["Kota Bontang"],
        "no \\r left in the last cell"
    );
}

#[test]
fn empty_comment_only_and_non_utf8_files() {
    let dir = set_with(
        "empty",
        &[
            ("terms.tsv", b""),
            ("events.tsv", b"# nothing but a comment\n\n   \n"),
        ],
    );
    let p = problems(&dir);
    assert!(
        p.contains(&"events.tsv: empty file: expected a header row".into()),
        "{p:#?}"
    );
    assert!(
        p.contains(&"terms.tsv: empty file: expected a header row".into()),
        "{p:#?}"
    );
    let dir = set_with(
        "latin1",
        &[(
            "units.tsv",
            b"type\tunit\tname\taliases\nkodim\t0908\tBont\xe1ng\t\n",
        )],
    );
    assert_eq!(problems(&dir), ["units.tsv:2: not UTF-8 (byte 38)"]);
    let (code, _, err) = check(&dir);
    assert_eq!(code, Some(1));
    assert!(err.contains("units.tsv:2: not UTF-8 (byte 38)"), "{err}");
}

#[test]
fn unknown_kind_and_missing_folder() {
    let dir = set_with("kind", &[("tempat.tsv", b"id\n1\n")]);
    let p = problems(&dir);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].starts_with("tempat.tsv: unknown lexicon kind"),
        "{p:#?}"
    );
    let gone = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lexicon-no-such-folder");
    let (code, _, err) = check(&gone);
    assert_eq!(code, Some(1));
    assert!(err.contains("lexicon-no-such-folder"), "{err}");
}

/// Cells: plausible values, empties, and junk.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("64".to_string()),
        Just("ID".to_string()),
        Just("provinsi".to_string()),
        Just("2024-02-14".to_string()),
        Just("2024".to_string()),
        Just("polres".to_string()),
        Just("a|b||c".to_string()),
        "[a-z0-9.\\-|]{0,6}",
        "\\PC{0,4}",
    ]
}

fn file_name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(LexiconFiles::embedded_names().collect::<Vec<_>>())
}

fn header() -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(
        vec![
            "id",
            "name",
            "level",
            "parent",
            "aliases",
            "type",
            "title",
            "jurisdiction",
            "from",
            "to",
            "kind",
            "subtype",
            "triggers",
            "year",
            "date",
            "value",
            "unit",
            "institution",
        ],
        0..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random tables of every kind: they load, or every problem names one of the files
    /// and a line inside it.
    #[test]
    fn random_tables_never_panic_and_name_their_lines(
        tables in prop::collection::vec(
            (file_name(), header(), prop::collection::vec(prop::collection::vec(cell(), 0..8), 0..6), any::<bool>()),
            1..4,
        )
    ) {
        let mut files = LexiconFiles::empty();
        let mut lines = std::collections::HashMap::new();
        for (name, head, rows, crlf) in &tables {
            let mut text = head.join("\t");
            for r in rows {
                text.push('\n');
                text.push_str(&r.join("\t"));
            }
            if *crlf {
                text = text.replace('\n', "\r\n");
            }
            let path = Path::new("p").join(name);
            lines.insert(path.clone(), text.split('\n').count());
            files.add(path, text);
        }
        match Lexicons::load(&files) {
            Ok(lex) => {
                // Whatever loads also builds an extractor that extracts without panics.
                if let Ok(ex) = warta::Extractor::from_lexicons(lex) {
                    let text = tables.iter().flat_map(|t| t.2.iter().flatten()).cloned().collect::<Vec<_>>().join(" ");
                    let _ = ex.extract(&warta::Article::new("t", text));
                }
            }
            Err(e) => {
                prop_assert!(!e.lexicon_problems().is_empty());
                for p in e.lexicon_problems() {
                    let n = lines.get(&p.path).copied();
                    prop_assert!(n.is_some(), "problem names an unknown file: {}", p);
                    prop_assert!(p.line <= n.unwrap_or(0), "line past the end: {}", p);
                }
            }
        }
    }
}
