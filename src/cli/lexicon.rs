//! `warta lexicon check`.

use std::path::PathBuf;
use std::process::ExitCode;

use warta::gazetteer::Gazetteer;
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::record::Level;

/// Validates the lexicons and prints counts per kind; exit 1 on any problem.
pub fn check(dir: Option<PathBuf>, alone: bool) -> ExitCode {
    let mut files = if alone {
        LexiconFiles::empty()
    } else {
        LexiconFiles::embedded()
    };
    if let Some(dir) = &dir {
        if let Err(e) = files.add_dir(dir) {
            eprintln!("warta: {e}");
            return ExitCode::from(1);
        }
    }
    let lex = match Lexicons::load(&files) {
        Ok(lex) => lex,
        Err(e) => {
            eprintln!("warta: {e}");
            return ExitCode::from(1);
        }
    };
    let count = |l: Level| lex.places.iter().filter(|p| p.level == l).count();
    println!("provinces\t{}", count(Level::Provinsi));
    println!(
        "regencies/cities\t{}",
        count(Level::Kabupaten) + count(Level::Kota)
    );
    println!("districts\t{}", count(Level::Kecamatan));
    println!(
        "other places\t{}",
        lex.places.len()
            - count(Level::Provinsi)
            - count(Level::Kabupaten)
            - count(Level::Kota)
            - count(Level::Kecamatan)
    );
    println!("institution types\t{}", lex.institutions.len());
    println!("titles\t{}", lex.titles.len());
    println!("units\t{}", lex.units.len());
    println!("officials\t{}", lex.officials.len());
    println!("event triggers\t{}", lex.events.len());
    println!("elections\t{}", lex.elections.len());
    println!("terms\t{}", lex.terms.len());
    match Gazetteer::new(&lex) {
        Ok(g) => println!("automaton patterns\t{}", g.patterns()),
        Err(e) => {
            eprintln!("warta: {e}");
            return ExitCode::from(1);
        }
    }
    println!("errors\t0");
    ExitCode::SUCCESS
}
