//! The real seed articles of `../shared/seeds` (not part of this repo): every span
//! points into the input, and the scorer's floor for places and institutions holds.
//! Skips with a message when `../shared` is absent.

mod common;

use std::path::{Path, PathBuf};

use warta::{Article, Extractor};

fn seeds() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    Some(v)
}

#[test]
fn every_seed_span_points_into_the_original_input() {
    let Some(paths) = seeds() else {
        eprintln!("SKIPPED: ../shared/seeds not found (the seed articles live outside the repo)");
        return;
    };
    let ex = Extractor::new().unwrap();
    assert_eq!(paths.len(), 5);
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let rec = ex.extract(&Article::new(name.clone(), text.clone()));
        common::assert_spans_hold(&name, &text, &rec);
        assert!(!rec.places.is_empty(), "{name}: no places");
        assert!(
            rec.places.iter().any(|p| p.id == "64"),
            "{name}: Kalimantan Timur not found"
        );
    }
}
