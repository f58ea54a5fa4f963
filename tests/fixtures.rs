//! The fixture articles in `fixtures/` (written for this project) against their
//! hand-checked expectations in `fixtures/NAME.expected.toml`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use warta::{Article, Extractor, Record};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    title: Option<String>,
    publisher: Option<String>,
    dateline: Option<String>,
    author: Option<String>,
    editor: Option<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    institutions: Vec<String>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    people: Vec<ExpectedPerson>,
    #[serde(default)]
    absent: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPerson {
    name: String,
    title: String,
    jurisdiction: Option<String>,
    acting: Option<String>,
    honorifics: Option<Vec<String>>,
}

fn check(name: &str, text: &str, rec: &Record, want: &Expected) -> Vec<String> {
    let mut bad = Vec::new();
    let mut eq = |what: &str, got: Option<&str>, want: Option<&str>| {
        if got != want {
            bad.push(format!("{name}: {what}: got {got:?}, want {want:?}"));
        }
    };
    eq("title", rec.doc.title.as_deref(), want.title.as_deref());
    eq(
        "publisher",
        rec.doc.publisher.as_deref(),
        want.publisher.as_deref(),
    );
    eq(
        "dateline",
        rec.doc.dateline.as_deref(),
        want.dateline.as_deref(),
    );
    eq("author", rec.doc.author.as_deref(), want.author.as_deref());
    eq("editor", rec.doc.editor.as_deref(), want.editor.as_deref());
    let set = |v: Vec<&str>| {
        v.into_iter()
            .map(str::to_string)
            .collect::<BTreeSet<String>>()
    };
    let places = set(rec.places.iter().map(|p| p.id.as_str()).collect());
    if places != set(want.places.iter().map(String::as_str).collect()) {
        bad.push(format!(
            "{name}: places: got {places:?}, want {:?}",
            want.places
        ));
    }
    let insts = set(rec.institutions.iter().map(|p| p.id.as_str()).collect());
    if insts != set(want.institutions.iter().map(String::as_str).collect()) {
        bad.push(format!(
            "{name}: institutions: got {insts:?}, want {:?}",
            want.institutions
        ));
    }
    let units = set(rec
        .institutions
        .iter()
        .filter_map(|p| p.unit.as_deref())
        .collect());
    if units != set(want.units.iter().map(String::as_str).collect()) {
        bad.push(format!(
            "{name}: units: got {units:?}, want {:?}",
            want.units
        ));
    }
    for p in &want.people {
        let found = rec.people.iter().find(|q| q.name == p.name);
        let role_ok = found.is_some_and(|q| {
            q.roles.iter().any(|r| {
                r.title == p.title && r.jurisdiction == p.jurisdiction && r.acting == p.acting
            })
        });
        let hon_ok =
            found.is_some_and(|q| p.honorifics.as_ref().is_none_or(|h| &q.honorifics == h));
        if !role_ok || !hon_ok {
            bad.push(format!(
                "{name}: person {p:?} not found; people: {:?}",
                rec.people
            ));
        }
    }
    let mut spans = Vec::new();
    common::spans(&serde_json::to_value(rec).unwrap(), &mut spans);
    for a in &want.absent {
        for (at, _) in text.match_indices(a.as_str()) {
            if spans.iter().any(|s| s.start < at + a.len() && s.end > at) {
                bad.push(format!("{name}: a span overlaps boilerplate {a:?}"));
            }
        }
    }
    bad
}

#[test]
fn fixtures_match_their_hand_checked_expectations() {
    let ex = Extractor::new().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "fixtures missing in {}", dir.display());
    let filter = std::env::var("WARTA_CASE").unwrap_or_default();
    let mut bad = Vec::new();
    for path in names
        .iter()
        .filter(|p| p.to_string_lossy().contains(&filter))
    {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let rec = ex.extract(&Article::new(name.clone(), text.clone()));
        common::assert_spans_hold(&name, &text, &rec);
        let exp_path = path.with_extension("expected.toml");
        let want: Expected = toml::from_str(&std::fs::read_to_string(&exp_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", exp_path.display()));
        bad.extend(check(&name, &text, &rec, &want));
    }
    assert!(
        bad.is_empty(),
        "{} mismatch(es):\n{}",
        bad.len(),
        bad.join("\n")
    );
}
