//! `warta lexicon check`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use jiff::civil::Date;
use warta::gazetteer::Gazetteer;
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::record::Level;

/// Validates the lexicons and prints counts per kind, and, for `date`, the offices with
/// a known holder on that day; exit 1 on any problem.
pub fn check(dir: Option<PathBuf>, alone: bool, date: Option<Date>) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match report(&mut out, dir, alone, date) {
        // A closed stdout (`| head`) is not a lexicon problem.
        Ok(code) | Err(Stop::Pipe(code)) => code,
    }
}

/// Why [`report`] stopped early.
enum Stop {
    /// Stdout was closed; the exit code to return.
    Pipe(ExitCode),
}

impl From<std::io::Error> for Stop {
    fn from(_: std::io::Error) -> Self {
        Stop::Pipe(ExitCode::SUCCESS)
    }
}

fn report(
    out: &mut impl Write,
    dir: Option<PathBuf>,
    alone: bool,
    date: Option<Date>,
) -> Result<ExitCode, Stop> {
    let mut files = if alone {
        LexiconFiles::empty()
    } else {
        LexiconFiles::embedded()
    };
    if let Some(dir) = &dir {
        if let Err(e) = files.add_dir(dir) {
            eprintln!("warta: {e}");
            return Ok(ExitCode::from(1));
        }
    }
    let lex = match Lexicons::load(&files) {
        Ok(lex) => lex,
        Err(e) => {
            eprintln!("warta: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    // Indonesian regions carry their Kemendagri code as id; places abroad do not.
    let domestic = |id: &str| id.starts_with(|c: char| c.is_ascii_digit());
    let count = |l: Level| {
        lex.places
            .iter()
            .filter(|p| p.level == l && domestic(&p.id))
            .count()
    };
    writeln!(out, "provinces\t{}", count(Level::Provinsi))?;
    writeln!(
        out,
        "regencies/cities\t{}",
        count(Level::Kabupaten) + count(Level::Kota)
    )?;
    writeln!(out, "districts\t{}", count(Level::Kecamatan))?;
    writeln!(
        out,
        "other places (islands, areas, abroad)\t{}",
        lex.places.len()
            - count(Level::Provinsi)
            - count(Level::Kabupaten)
            - count(Level::Kota)
            - count(Level::Kecamatan)
    )?;
    writeln!(out, "institution types\t{}", lex.institutions.len())?;
    writeln!(out, "titles\t{}", lex.titles.len())?;
    writeln!(out, "units\t{}", lex.units.len())?;
    writeln!(out, "officials\t{}", lex.officials.len())?;
    writeln!(out, "names\t{}", lex.name_count())?;
    writeln!(out, "common words\t{}", lex.common_word_count())?;
    writeln!(out, "event triggers\t{}", lex.events.len())?;
    writeln!(out, "elections\t{}", lex.elections.len())?;
    writeln!(out, "terms\t{}", lex.terms.len())?;
    match Gazetteer::new(&lex) {
        Ok(g) => writeln!(out, "automaton patterns\t{}", g.patterns())?,
        Err(e) => {
            eprintln!("warta: {e}");
            return Ok(ExitCode::from(1));
        }
    }
    if let Some(day) = date {
        coverage(out, &lex, day)?;
    }
    writeln!(out, "errors\t0")?;
    Ok(ExitCode::SUCCESS)
}

/// Prints, per office, how many of its places (or, for national offices, whether the
/// office) have a holder in the officials lexicon on `day`.
fn coverage(out: &mut impl Write, lex: &Lexicons, day: Date) -> std::io::Result<()> {
    let serving: Vec<&warta::lexicon::OfficialEntry> =
        lex.officials.iter().filter(|o| o.serves_on(day)).collect();
    let count = |l: Level| {
        lex.places
            .iter()
            .filter(|p| p.level == l && p.id.contains('.') == (l != Level::Provinsi))
            .filter(|p| p.id.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .count()
    };
    let provinces = count(Level::Provinsi);
    let regencies = count(Level::Kabupaten) + count(Level::Kota);
    let held = |titles: &[&str], regional: bool| {
        let mut places: Vec<&str> = serving
            .iter()
            .filter(|o| titles.contains(&o.title.as_str()))
            .filter_map(|o| o.jurisdiction.as_deref())
            .filter(|j| j.contains('.') == regional)
            .collect();
        places.sort_unstable();
        places.dedup();
        places.len()
    };
    writeln!(out, "coverage on {day}:")?;
    writeln!(
        out,
        "  gubernur (incl. Pj/Plt)\t{}/{provinces}",
        held(&["gubernur"], false)
    )?;
    writeln!(
        out,
        "  wakil-gubernur\t{}/{provinces}",
        held(&["wakil-gubernur"], false)
    )?;
    writeln!(
        out,
        "  bupati/wali-kota (incl. Pj/Plt)\t{}/{regencies}",
        held(&["bupati", "wali-kota"], true)
    )?;
    writeln!(
        out,
        "  wakil-bupati/wakil-wali-kota\t{}/{regencies}",
        held(&["wakil-bupati", "wakil-wali-kota"], true)
    )?;
    // National offices: one line per (title, body) with its holder(s).
    let mut national: Vec<(String, Vec<&str>)> = Vec::new();
    for o in serving.iter().filter(|o| o.jurisdiction.is_none()) {
        let office = match &o.institution {
            Some(k) => format!("{} {k}", o.title),
            None => o.title.clone(),
        };
        match national.iter_mut().find(|(t, _)| *t == office) {
            Some((_, names)) => names.push(&o.name),
            None => national.push((office, vec![&o.name])),
        }
    }
    for (_, names) in &mut national {
        names.sort_unstable();
        names.dedup();
    }
    national.sort();
    writeln!(out, "  national offices with a holder\t{}", national.len())?;
    for (office, names) in national {
        writeln!(out, "    {office}\t{}", names.join(", "))?;
    }
    Ok(())
}
