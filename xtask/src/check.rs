//! `check-lexicons`: validates the lexicon files of a directory.
//!
//! Errors (the command fails): a row whose cell count differs from the header's, a missing
//! required column or empty required cell (a place's parent, an institution's aliases and an
//! office's jurisdiction may be empty), a duplicate id within a kind (place id; institution type
//! across all institutions files; title per id and institution across all titles files; office
//! row, and one name per person, across all officials files; word within a words file), a
//! parent, place alias, jurisdiction, title, institution type, title of an institution or acting
//! reference that does not exist, a bad level, date, country id, institution category, name
//! pattern, title class or name class, an `exact` institution form without a capital letter or
//! that is also an institution's name or alias, a word-by-word term (`not-name`, `kin` …) alias
//! that is not one word, a common word (`words`) that is not lowercase or not one word.
//! Warnings: the same alias for two different ids of a kind (for the generated places only a
//! count, since many districts share a name; word-by-word terms only within their kind),
//! overlapping definitive holders of one office (title, institution, jurisdiction), `exact`
//! forms without `context` words or `context` without `exact`, a short name given to two people,
//! a name listed twice, a title that is an office in one row and a role in another, an official
//! holding a role, a `<country>-<slug>` place that is not under that country, a two-letter id
//! that is not a country.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The kinds and their required columns.
const KINDS: &[(&str, &[&str])] = &[
    ("places", &["id", "name", "level", "parent"]),
    ("place-aliases", &["id", "aliases"]),
    ("institutions", &["type", "name", "aliases"]),
    ("titles", &["id", "aliases"]),
    ("units", &["type", "unit", "name", "aliases"]),
    (
        "officials",
        &["id", "name", "title", "jurisdiction", "from"],
    ),
    ("events", &["kind", "subtype", "triggers"]),
    ("elections", &["id", "kind", "year", "date"]),
    ("groups", &["type", "aliases"]),
    ("terms", &["kind", "value", "aliases"]),
    ("names", &["name", "class"]),
    ("words", &["word"]),
];

/// Required columns whose cells may be empty: a top-level place's parent, an institution
/// known by its name only, a national office.
const EMPTY_OK: &[(&str, &str)] = &[
    ("places", "parent"),
    ("institutions", "aliases"),
    ("officials", "jurisdiction"),
];

const LEVELS: &[&str] = &[
    "negara",
    "provinsi",
    "kabupaten",
    "kota",
    "kecamatan",
    "desa",
    "pulau",
    "kawasan",
];

const TERM_KINDS: &[&str] = &[
    "acting",
    "honorific",
    "rank",
    "degree",
    "cue",
    "chair",
    "attend",
    "represent",
    "venue",
    "scope",
    "election",
    "not-name",
    "kin",
    "name-cue",
    "locative",
    "thing-cue",
    "person-verb",
    "org-tail",
    "org-lead",
    "list",
    "toll",
    "not-event",
];

/// Term kinds looked up word by word (never matched by the gazetteer): their aliases are
/// single words, and a word may belong to several of them and to a matched kind.
const LOOKUP_KINDS: &[&str] = &[
    "not-name",
    "kin",
    "name-cue",
    "locative",
    "thing-cue",
    "person-verb",
    "org-tail",
    "org-lead",
    "toll",
];

/// Institution categories (docs/ACTORS.md).
const CATEGORIES: &[&str] = &[
    "ministry",
    "agency",
    "state-body",
    "police",
    "military",
    "court",
    "prosecution",
    "government",
    "regional-government",
    "regional-agency",
    "party",
    "company",
    "media",
    "university",
    "school",
    "club",
    "ormas",
    "international",
    "religious",
    "ngo",
];

const NAME_CLASSES: &[&str] = &["given", "family", "particle"];

struct Table {
    path: PathBuf,
    kind: &'static str,
    generated: bool,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn col(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.col(name)
            .and_then(|i| row.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }
    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }
    /// Where an earlier row is, seen from this table: `line N` in the same file, else
    /// `path:N`.
    fn other(&self, at: &At) -> String {
        if at.0 == self.path {
            format!("line {}", at.1)
        } else {
            format!("{}:{}", at.0.display(), at.1)
        }
    }
}

/// A row's file and line.
type At = (PathBuf, usize);

fn kind_of(stem: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .map(|(k, _)| *k)
        .find(|k| stem == *k)
        .or_else(|| {
            KINDS
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| stem.starts_with(&format!("{k}-")))
                .max_by_key(|k| k.len())
        })
}

fn read_table(
    path: &Path,
    text: &str,
    kind: &'static str,
    errors: &mut Vec<String>,
) -> Option<Table> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut generated = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with('#') {
            if i == 0 && line.contains("generated by") {
                generated = true;
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        if header.is_none() {
            header = Some(cells.iter().map(|c| c.trim().to_string()).collect());
        } else {
            rows.push((i + 1, cells));
        }
    }
    let Some(header) = header else {
        errors.push(format!("{}: empty file", path.display()));
        return None;
    };
    Some(Table {
        path: path.to_path_buf(),
        kind,
        generated,
        header,
        rows,
    })
}

/// Checks a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date; returns it padded for comparison.
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let y = num(parts.first()?, 4)?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    match parts.len() {
        1 => Some((y, 0, 0)),
        2 => {
            let m = num(parts[1], 2)?;
            (1..=12).contains(&m).then_some((y, m, 0))
        }
        3 => {
            let m = num(parts[1], 2)?;
            let d = num(parts[2], 2)?;
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return None,
            };
            (1..=days).contains(&d).then_some((y, m, d))
        }
        _ => None,
    }
}

/// Normalizes a surface form the way the matcher compares them: lowercase, curly quotes
/// and dashes unified, one space between words.
pub fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An ISO 3166 alpha-2 country code in lowercase (`my`, `xk`).
fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The rows whose cell count matches the header (the others are already reported).
fn ok_rows(t: &Table) -> Vec<(usize, &[String])> {
    let n = t.header.len();
    t.rows
        .iter()
        .filter(|(_, r)| r.len() == n)
        .map(|(l, r)| (*l, r.as_slice()))
        .collect()
}

fn split_values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The findings of a check.
#[derive(Debug, Default)]
pub struct Report {
    /// Problems that make the files unusable or wrong.
    pub errors: Vec<String>,
    /// Suspicious entries (the same alias for two ids, overlapping offices).
    pub warnings: Vec<String>,
    /// Inherent ambiguities, for information.
    pub notes: Vec<String>,
    /// (file name, row count) per file read.
    pub counts: Vec<(String, usize)>,
}

/// Runs all checks on the `.tsv` files of `dir` and prints the report.
pub fn run(dir: &Path) -> Result<(), String> {
    let r = check(dir)?;
    for n in &r.notes {
        println!("note: {n}");
    }
    for w in &r.warnings {
        println!("warning: {w}");
    }
    for e in &r.errors {
        println!("error: {e}");
    }
    for (f, n) in &r.counts {
        println!("{n:>6} rows  {f}");
    }
    println!(
        "{} error(s), {} warning(s)",
        r.errors.len(),
        r.warnings.len()
    );
    if r.errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{} lexicon error(s)", r.errors.len()))
    }
}

/// Runs all checks on the `.tsv` files of `dir`.
pub fn check(dir: &Path) -> Result<Report, String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    entries.sort();
    let mut unreadable = Vec::new();
    let mut files = Vec::new();
    for p in entries {
        match std::fs::read_to_string(&p) {
            Ok(text) => files.push((p, text)),
            Err(e) => unreadable.push(format!("{}: {e}", p.display())),
        }
    }
    let mut r = check_files(&files);
    unreadable.append(&mut r.errors);
    r.errors = unreadable;
    Ok(r)
}

/// Runs all checks on lexicon files given as (path, contents); the kind of a file comes
/// from its name.
fn check_files(files: &[(PathBuf, String)]) -> Report {
    let mut errors: Vec<String> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut tables = Vec::new();
    for (p, text) in files {
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        match kind_of(&stem) {
            Some(kind) => {
                if let Some(t) = read_table(p, text, kind, &mut errors) {
                    tables.push(t);
                }
            }
            None => warnings.push(format!("{}: unknown kind, file ignored", p.display())),
        }
    }

    // Shape: header columns, cell counts, required cells.
    for t in &tables {
        let required = KINDS
            .iter()
            .find(|(k, _)| *k == t.kind)
            .map(|(_, r)| *r)
            .unwrap_or(&[]);
        for r in required {
            if t.col(r).is_none() {
                errors.push(format!("{}: no `{r}` column", t.path.display()));
            }
        }
        for (line, row) in &t.rows {
            if row.len() != t.header.len() {
                errors.push(format!(
                    "{}: expected {} columns, found {}",
                    t.at(*line),
                    t.header.len(),
                    row.len()
                ));
                continue;
            }
            for r in required {
                // An empty parent is checked with the places below; the others may be empty.
                if EMPTY_OK.contains(&(t.kind, *r)) {
                    continue;
                }
                if t.col(r).is_some() && t.get(row, r).is_empty() {
                    errors.push(format!("{}: empty `{r}`", t.at(*line)));
                }
            }
            for (i, c) in row.iter().enumerate() {
                if c != c.trim() {
                    warnings.push(format!(
                        "{}: `{}` has surrounding spaces",
                        t.at(*line),
                        t.header[i]
                    ));
                }
                if c.split('|').any(|v| v.trim().is_empty()) && !c.is_empty() {
                    errors.push(format!("{}: empty value in `{}`", t.at(*line), t.header[i]));
                }
            }
        }
    }

    // Places: ids, levels, parents.
    let mut places: HashMap<String, (String, String, String)> = HashMap::new(); // id → (name, level, parent)
    for t in tables.iter().filter(|t| t.kind == "places") {
        for (line, row) in ok_rows(t) {
            let id = t.get(row, "id");
            if places
                .insert(
                    id.to_string(),
                    (
                        t.get(row, "name").to_string(),
                        t.get(row, "level").to_string(),
                        t.get(row, "parent").to_string(),
                    ),
                )
                .is_some()
            {
                errors.push(format!("{}: duplicate place id `{id}`", t.at(line)));
            }
        }
    }
    let is_country = |id: &str| places.get(id).is_some_and(|p| p.1 == "negara");
    for t in tables.iter().filter(|t| t.kind == "places") {
        for (line, row) in ok_rows(t) {
            let (id, level, parent) = (t.get(row, "id"), t.get(row, "level"), t.get(row, "parent"));
            if !LEVELS.contains(&level) {
                errors.push(format!("{}: unknown level `{level}`", t.at(line)));
            }
            if is_code(id) {
                let depth = id.split('.').count();
                let want: &[&str] = match depth {
                    1 => &["provinsi"],
                    2 => &["kabupaten", "kota"],
                    3 => &["kecamatan"],
                    4 => &["desa"],
                    _ => &[],
                };
                if !want.contains(&level) {
                    errors.push(format!(
                        "{}: id `{id}` cannot be level `{level}`",
                        t.at(line)
                    ));
                }
                let expect_parent = id.rsplit_once('.').map(|(p, _)| p).unwrap_or("ID");
                if parent != expect_parent {
                    errors.push(format!(
                        "{}: parent of `{id}` should be `{expect_parent}`, not `{parent}`",
                        t.at(line)
                    ));
                }
            } else if id != "ID" && !is_slug(id) {
                errors.push(format!("{}: bad place id `{id}`", t.at(line)));
            }
            // Countries: `ID`, or an ISO 3166 alpha-2 code in lowercase; at the top.
            if level == "negara" {
                if id != "ID" && !is_country_code(id) {
                    errors.push(format!(
                        "{}: bad country id `{id}` (ISO 3166 alpha-2, lowercase)",
                        t.at(line)
                    ));
                }
                if !parent.is_empty() {
                    errors.push(format!(
                        "{}: country `{id}` cannot have a parent (`{parent}`)",
                        t.at(line)
                    ));
                }
            } else if is_country_code(id) {
                warnings.push(format!(
                    "{}: two-letter id `{id}` is kept for countries, not level `{level}`",
                    t.at(line)
                ));
            }
            // `<country>-<slug>`: a place of that country, under it.
            if let Some((cc, _)) = id.split_once('-') {
                // (An unknown parent is reported below.)
                if is_country_code(cc) && is_country(cc) && places.contains_key(parent) {
                    let mut up = Some(parent);
                    let mut steps = 0;
                    while let Some(p) = up.filter(|p| *p != cc && steps < 16) {
                        up = places
                            .get(p)
                            .map(|x| x.2.as_str())
                            .filter(|x| !x.is_empty());
                        steps += 1;
                    }
                    if up != Some(cc) {
                        warnings.push(format!(
                            "{}: `{id}` is not under country `{cc}` (parent `{parent}`)",
                            t.at(line)
                        ));
                    }
                }
            }
            if parent.is_empty() {
                if level != "negara" && is_code(id) {
                    errors.push(format!("{}: `{id}` needs a parent", t.at(line)));
                }
            } else if !places.contains_key(parent) {
                errors.push(format!("{}: unknown parent `{parent}`", t.at(line)));
            }
        }
    }

    // Place aliases: ids exist, notes name the place.
    for t in tables.iter().filter(|t| t.kind == "place-aliases") {
        let mut seen = BTreeSet::new();
        for (line, row) in ok_rows(t) {
            let id = t.get(row, "id");
            if !seen.insert(id.to_string()) {
                errors.push(format!("{}: duplicate id `{id}`", t.at(line)));
            }
            match places.get(id) {
                None => errors.push(format!("{}: unknown place `{id}`", t.at(line))),
                Some((name, _, _)) => {
                    let note = t.get(row, "note");
                    if !note.is_empty() && !norm(note).starts_with(&norm(name)) {
                        warnings.push(format!(
                            "{}: note `{note}` does not start with the place's name `{name}`",
                            t.at(line)
                        ));
                    }
                }
            }
        }
    }

    // Institutions: types unique across all files, categories, patterns, exact forms.
    let mut inst_types: BTreeMap<String, At> = BTreeMap::new();
    // Every name and alias (normalized) → the types it names.
    let mut inst_forms: HashMap<String, BTreeSet<String>> = HashMap::new();
    for t in tables.iter().filter(|t| t.kind == "institutions") {
        for (line, row) in ok_rows(t) {
            let ty = t.get(row, "type");
            if !is_slug(ty) {
                errors.push(format!("{}: bad type `{ty}`", t.at(line)));
            }
            if let Some(first) = inst_types.get(ty) {
                errors.push(format!(
                    "{}: duplicate type `{ty}` ({})",
                    t.at(line),
                    t.other(first)
                ));
            } else {
                inst_types.insert(ty.to_string(), (t.path.clone(), line));
            }
            let forms =
                std::iter::once(t.get(row, "name")).chain(split_values(t.get(row, "aliases")));
            for f in forms.filter(|f| !f.is_empty()) {
                inst_forms
                    .entry(norm(f))
                    .or_default()
                    .insert(ty.to_string());
            }
            let category = t.get(row, "category");
            if !category.is_empty() && !CATEGORIES.contains(&category) {
                errors.push(format!("{}: unknown category `{category}`", t.at(line)));
            }
            let pattern = t.get(row, "pattern");
            if !matches!(pattern, "" | "compose" | "named") {
                errors.push(format!(
                    "{}: unknown pattern `{pattern}` (compose or named)",
                    t.at(line)
                ));
            }
        }
    }
    for t in tables.iter().filter(|t| t.kind == "institutions") {
        for (line, row) in ok_rows(t) {
            let ty = t.get(row, "type");
            let (exact, context) = (t.get(row, "exact"), t.get(row, "context"));
            let mut own = BTreeSet::new();
            for x in split_values(exact) {
                if !own.insert(x) {
                    warnings.push(format!("{}: exact form `{x}` given twice", t.at(line)));
                    continue;
                }
                if !x.chars().any(char::is_uppercase) {
                    errors.push(format!(
                        "{}: exact form `{x}` has no capital letter",
                        t.at(line)
                    ));
                }
                // The alias would match the form in any case, unconfirmed: the guard is void.
                if let Some(types) = inst_forms.get(&norm(x)) {
                    let list = types
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    errors.push(format!(
                        "{}: exact form `{x}` of `{ty}` is also a name or alias of {list}",
                        t.at(line)
                    ));
                }
            }
            if !exact.is_empty() && context.is_empty() {
                warnings.push(format!(
                    "{}: exact forms of `{ty}` without `context` words (confirmed only by the body named otherwise)",
                    t.at(line)
                ));
            }
            if exact.is_empty() && !context.is_empty() {
                warnings.push(format!(
                    "{}: `context` of `{ty}` without `exact` forms is unused",
                    t.at(line)
                ));
            }
        }
    }

    // Titles: one row per id and institution.
    let mut title_rows: BTreeMap<(String, String), At> = BTreeMap::new();
    let mut title_class: BTreeMap<String, (String, At)> = BTreeMap::new();
    for t in tables.iter().filter(|t| t.kind == "titles") {
        for (line, row) in ok_rows(t) {
            let id = t.get(row, "id");
            let inst = t.get(row, "institution");
            if !is_slug(id) {
                errors.push(format!("{}: bad title id `{id}`", t.at(line)));
            }
            let key = (id.to_string(), inst.to_string());
            if let Some(first) = title_rows.get(&key) {
                let of = if inst.is_empty() {
                    String::new()
                } else {
                    format!(" of `{inst}`")
                };
                errors.push(format!(
                    "{}: duplicate title `{id}`{of} ({})",
                    t.at(line),
                    t.other(first)
                ));
            } else {
                title_rows.insert(key, (t.path.clone(), line));
            }
            if !inst.is_empty() && !inst_types.contains_key(inst) {
                errors.push(format!("{}: unknown institution type `{inst}`", t.at(line)));
            }
            let class = match t.get(row, "class") {
                "" => "office",
                c => c,
            };
            if !matches!(class, "office" | "role") {
                errors.push(format!(
                    "{}: unknown title class `{class}` (office or role)",
                    t.at(line)
                ));
            } else if let Some((c, first)) = title_class.get(id) {
                if c != class {
                    warnings.push(format!(
                        "{}: title `{id}` is an {class} here, an {c} at {}",
                        t.at(line),
                        t.other(first)
                    ));
                }
            } else {
                title_class.insert(id.to_string(), (class.to_string(), (t.path.clone(), line)));
            }
        }
    }
    let title_ids: BTreeSet<&str> = title_rows.keys().map(|(id, _)| id.as_str()).collect();
    // Titles with rows of a given institution: an office of them names one of those.
    let titles_of_bodies: BTreeSet<&str> = title_rows
        .keys()
        .filter(|(_, inst)| !inst.is_empty())
        .map(|(id, _)| id.as_str())
        .collect();

    // Units.
    for t in tables.iter().filter(|t| t.kind == "units") {
        let mut seen = BTreeSet::new();
        for (line, row) in ok_rows(t) {
            let (ty, unit, jur) = (
                t.get(row, "type"),
                t.get(row, "unit"),
                t.get(row, "jurisdiction"),
            );
            if !inst_types.contains_key(ty) {
                errors.push(format!("{}: unknown institution type `{ty}`", t.at(line)));
            }
            if !seen.insert((ty.to_string(), unit.to_string())) {
                errors.push(format!("{}: duplicate unit `{ty} {unit}`", t.at(line)));
            }
            if !jur.is_empty() && !places.contains_key(jur) {
                errors.push(format!("{}: unknown jurisdiction `{jur}`", t.at(line)));
            }
        }
    }

    // Terms (acting values are needed by officials).
    let mut acting_values: BTreeSet<String> = BTreeSet::new();
    for t in tables.iter().filter(|t| t.kind == "terms") {
        let mut seen = BTreeSet::new();
        for (line, row) in ok_rows(t) {
            let (k, v) = (t.get(row, "kind"), t.get(row, "value"));
            if !TERM_KINDS.contains(&k) {
                warnings.push(format!("{}: unknown term kind `{k}`", t.at(line)));
            }
            if !seen.insert((k.to_string(), v.to_string())) {
                errors.push(format!("{}: duplicate term `{k} {v}`", t.at(line)));
            }
            if k == "acting" {
                acting_values.insert(v.to_string());
            }
            if LOOKUP_KINDS.contains(&k) {
                for a in split_values(t.get(row, "aliases")) {
                    if a.split_whitespace().count() != 1 {
                        errors.push(format!(
                            "{}: `{k}` terms are looked up word by word: `{a}` is not one word",
                            t.at(line)
                        ));
                    }
                }
            }
        }
    }

    // Officials, across all files: one name per person, offices, terms.
    let mut seen = BTreeSet::new();
    let mut names: HashMap<String, (String, At)> = HashMap::new();
    let mut shorts: BTreeMap<String, Vec<(String, At)>> = BTreeMap::new();
    let mut terms: BTreeMap<(String, String, String), Vec<Term>> = BTreeMap::new();
    let officials: Vec<&Table> = tables.iter().filter(|t| t.kind == "officials").collect();
    for t in &officials {
        for (line, row) in ok_rows(t) {
            let id = t.get(row, "id");
            let name = t.get(row, "name");
            let title = t.get(row, "title");
            let inst = t.get(row, "institution");
            let jur = t.get(row, "jurisdiction");
            let acting = t.get(row, "acting");
            let (from, to) = (t.get(row, "from"), t.get(row, "to"));
            let here: At = (t.path.clone(), line);
            if !is_slug(id) {
                errors.push(format!("{}: bad id `{id}`", t.at(line)));
            }
            match names.get(id) {
                Some((n, first)) if n != name => errors.push(format!(
                    "{}: `{id}` named `{name}` here, `{n}` before ({})",
                    t.at(line),
                    t.other(first)
                )),
                Some(_) => {}
                None => {
                    names.insert(id.to_string(), (name.to_string(), here.clone()));
                }
            }
            for s in split_values(t.get(row, "short_names")) {
                let users = shorts.entry(norm(s)).or_default();
                if users.iter().any(|u| u.0 == id) {
                    continue;
                }
                if let Some((other, first)) = users.first() {
                    warnings.push(format!(
                        "{}: short name `{s}` of `{id}` is also `{other}`'s ({})",
                        t.at(line),
                        t.other(first)
                    ));
                }
                users.push((id.to_string(), here.clone()));
            }
            if !seen.insert((
                id.to_string(),
                title.to_string(),
                inst.to_string(),
                jur.to_string(),
                from.to_string(),
            )) {
                errors.push(format!("{}: duplicate office row for `{id}`", t.at(line)));
            }
            if !title_ids.is_empty() && !title_ids.contains(title) {
                errors.push(format!("{}: unknown title `{title}`", t.at(line)));
            } else if title_class.get(title).is_some_and(|c| c.0 == "role") {
                warnings.push(format!(
                    "{}: title `{title}` is a role, not an office",
                    t.at(line)
                ));
            }
            if !inst.is_empty() {
                if !inst_types.contains_key(inst) {
                    errors.push(format!("{}: unknown institution type `{inst}`", t.at(line)));
                } else if titles_of_bodies.contains(title)
                    && !title_rows.contains_key(&(title.to_string(), inst.to_string()))
                {
                    errors.push(format!(
                        "{}: no title `{title}` of institution `{inst}`",
                        t.at(line)
                    ));
                }
            }
            if !jur.is_empty() && !places.contains_key(jur) {
                errors.push(format!("{}: unknown jurisdiction `{jur}`", t.at(line)));
            }
            if !acting.is_empty() && !acting_values.contains(acting) {
                errors.push(format!("{}: unknown acting value `{acting}`", t.at(line)));
            }
            let f = parse_date(from);
            if f.is_none() {
                errors.push(format!("{}: bad date `{from}`", t.at(line)));
            }
            let e = if to.is_empty() {
                Some((9999, 99, 99))
            } else {
                parse_date(to)
            };
            if e.is_none() {
                errors.push(format!("{}: bad date `{to}`", t.at(line)));
            }
            if let (Some(f), Some(e)) = (f, e) {
                // A partial end date means the end of that month or year.
                if end_of(e) < f {
                    errors.push(format!(
                        "{}: ends ({to}) before it starts ({from})",
                        t.at(line)
                    ));
                }
                // Only definitive holders are compared: acting officials legitimately overlap,
                // and a deputy's office (`wakil-menteri`) may have several holders at once.
                if acting.is_empty() && !title.starts_with("wakil-") {
                    terms
                        .entry((title.to_string(), inst.to_string(), jur.to_string()))
                        .or_default()
                        .push((here, id.to_string(), f, e));
                }
            }
        }
    }
    for ((title, inst, jur), mut v) in terms {
        let office = [title.as_str(), inst.as_str(), jur.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        v.sort_by_key(|x| x.2);
        for w in v.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            // Partial dates compare by their first day; an end in the same month/year as
            // the next start is a handover, not an overlap.
            let overlap = b.2 < end_of(a.3) && !same_period(a.3, b.2) && a.1 != b.1;
            if overlap {
                let a_at = if a.0 .0 == b.0 .0 {
                    format!("line {}", a.0 .1)
                } else {
                    format!("{}:{}", a.0 .0.display(), a.0 .1)
                };
                warnings.push(format!(
                    "{}:{}: `{}` ({office}) overlaps `{}` ({a_at})",
                    b.0 .0.display(),
                    b.0 .1,
                    b.1,
                    a.1,
                ));
            }
        }
    }

    // Names: a class each, listed once across all names files.
    let mut name_rows: HashMap<String, At> = HashMap::new();
    for t in tables.iter().filter(|t| t.kind == "names") {
        for (line, row) in ok_rows(t) {
            let (name, class) = (t.get(row, "name"), t.get(row, "class"));
            if !class.is_empty() && !NAME_CLASSES.contains(&class) {
                errors.push(format!(
                    "{}: unknown name class `{class}` (given, family or particle)",
                    t.at(line)
                ));
            }
            if name.split_whitespace().count() > 1 {
                warnings.push(format!(
                    "{}: name `{name}` is not one word (names are looked up word by word)",
                    t.at(line)
                ));
            }
            if name.is_empty() {
                continue;
            }
            match name_rows.get(&norm(name)) {
                Some(first) => warnings.push(format!(
                    "{}: duplicate name `{name}` ({})",
                    t.at(line),
                    t.other(first)
                )),
                None => {
                    name_rows.insert(norm(name), (t.path.clone(), line));
                }
            }
        }
    }

    // Words: lowercase, one word, once per file.
    for t in tables.iter().filter(|t| t.kind == "words") {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (line, row) in ok_rows(t) {
            let w = t.get(row, "word");
            if w.is_empty() {
                continue;
            }
            if w != w.to_lowercase() {
                errors.push(format!("{}: word `{w}` is not lowercase", t.at(line)));
            }
            if w.split_whitespace().count() > 1 {
                errors.push(format!(
                    "{}: `{w}` is not one word (words are looked up word by word)",
                    t.at(line)
                ));
            }
            if let Some(first) = seen.insert(w, line) {
                errors.push(format!(
                    "{}: duplicate word `{w}` (line {first})",
                    t.at(line)
                ));
            }
        }
    }

    // Events and elections.
    for t in tables.iter().filter(|t| t.kind == "events") {
        let mut seen = BTreeSet::new();
        for (line, row) in ok_rows(t) {
            // A subtype may have several rows: triggers that count alone, triggers that
            // count only beside a context word, and triggers that name it only with a
            // qualifier.
            let key = (
                t.get(row, "kind").to_string(),
                t.get(row, "subtype").to_string(),
                !t.get(row, "context").is_empty(),
                !t.get(row, "qualifiers").is_empty(),
            );
            if !is_slug(&key.0) || !is_slug(&key.1) {
                errors.push(format!("{}: kind and subtype must be slugs", t.at(line)));
            }
            if !seen.insert(key.clone()) {
                errors.push(format!(
                    "{}: duplicate event `{} {}`",
                    t.at(line),
                    key.0,
                    key.1
                ));
            }
        }
    }
    for t in tables.iter().filter(|t| t.kind == "elections") {
        let mut seen = BTreeSet::new();
        for (line, row) in ok_rows(t) {
            let id = t.get(row, "id");
            if !is_slug(id) || !seen.insert(id.to_string()) {
                errors.push(format!("{}: bad or duplicate id `{id}`", t.at(line)));
            }
            let (year, date) = (t.get(row, "year"), t.get(row, "date"));
            match parse_date(date) {
                Some((y, _, _)) if y.to_string() == year => {}
                Some(_) => errors.push(format!("{}: date {date} not in year {year}", t.at(line))),
                None => errors.push(format!("{}: bad date `{date}`", t.at(line))),
            }
        }
    }

    // The same alias for different ids within a kind.
    let alias_cols: &[(&str, &[&str], &[&str])] = &[
        // kind, id columns, surface columns
        ("places", &["id"], &["name", "aliases"]),
        ("institutions", &["type"], &["name", "aliases"]),
        ("titles", &["id", "institution"], &["aliases"]),
        ("units", &["type", "unit"], &["aliases"]),
        ("events", &["kind", "subtype"], &["triggers"]),
        ("elections", &["id"], &["aliases"]),
        ("groups", &["type"], &["aliases"]),
        ("terms", &["kind", "value"], &["aliases"]),
    ];
    let mut generated_dups = 0usize;
    let mut notes: Vec<String> = Vec::new();
    for (kind, id_cols, surf_cols) in alias_cols {
        // (scope, surface) → [(id, generated, where)]
        let mut by_surface: BTreeMap<(String, String), Vec<AliasUse>> = BTreeMap::new();
        let sources = tables
            .iter()
            .filter(|t| t.kind == *kind || (*kind == "places" && t.kind == "place-aliases"));
        for t in sources {
            for (line, row) in ok_rows(t) {
                // An event row with qualifiers shares its triggers with the plain row on purpose.
                if t.kind == "events" && !t.get(row, "qualifiers").is_empty() {
                    continue;
                }
                // Word-by-word terms are compared within their own kind only: a word may be
                // a cue and a person verb, a locative and a not-name, on purpose.
                // Units count only after their type word ("Kodam Pattimura", "Lanud
                // Pattimura"): compared within their type.
                let scope = match t.get(row, "kind") {
                    k if t.kind == "terms" && LOOKUP_KINDS.contains(&k) => k.to_string(),
                    _ if t.kind == "units" => t.get(row, "type").to_string(),
                    _ => String::new(),
                };
                let id = id_cols
                    .iter()
                    .map(|c| t.get(row, c))
                    .filter(|v| !v.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                let mut cols: Vec<&str> = surf_cols.to_vec();
                if t.kind == "place-aliases" {
                    cols = vec!["aliases"];
                }
                let mut own = BTreeSet::new();
                for c in cols {
                    for v in split_values(t.get(row, c)) {
                        let n = norm(v);
                        if !own.insert(n.clone()) {
                            warnings.push(format!("{}: `{v}` given twice", t.at(line)));
                            continue;
                        }
                        by_surface.entry((scope.clone(), n)).or_default().push((
                            id.clone(),
                            t.generated,
                            t.at(line),
                        ));
                    }
                }
            }
        }
        for ((_, surface), users) in by_surface {
            let ids: BTreeSet<&str> = users.iter().map(|u| u.0.as_str()).collect();
            if ids.len() < 2 {
                continue;
            }
            if users.iter().all(|u| u.1) {
                generated_dups += 1;
                continue;
            }
            // A hand-written alias that is also a generated place's name (a regency's press
            // name that is a district's name elsewhere) is inherent ambiguity: a note.
            let hand: BTreeSet<&str> = users
                .iter()
                .filter(|u| !u.1)
                .map(|u| u.0.as_str())
                .collect();
            if hand.len() < 2 {
                let list = users
                    .iter()
                    .map(|u| u.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                notes.push(format!(
                    "{kind}: `{surface}` names {list} (one of them generated)"
                ));
                continue;
            }
            let list = users
                .iter()
                .map(|u| format!("{} ({})", u.0, u.2))
                .collect::<Vec<_>>()
                .join(", ");
            warnings.push(format!("{kind}: `{surface}` names {list}"));
        }
    }

    if generated_dups > 0 {
        notes.push(format!(
            "{generated_dups} names/aliases are shared by several generated places (same district names); the loader disambiguates by context"
        ));
    }
    let counts = tables
        .iter()
        .map(|t| {
            let f = t.path.file_name().and_then(|s| s.to_str()).unwrap_or("?");
            (f.to_string(), t.rows.len())
        })
        .collect();
    Report {
        errors,
        warnings,
        notes,
        counts,
    }
}

/// A use of an alias: the id it names, whether the file is generated, where.
type AliasUse = (String, bool, String);

/// A definitive term of office: where, person id, first and last day (padded dates).
type Term = (At, String, Date, Date);

/// A date as (year, month, day), 0 for a missing month or day.
type Date = (u32, u32, u32);

/// The last possible day of a partial date (a missing month or day counts as the highest).
fn end_of(d: Date) -> Date {
    (
        d.0,
        if d.1 == 0 { 13 } else { d.1 },
        if d.2 == 0 { 32 } else { d.2 },
    )
}

/// Whether `end` (padded) and `start` denote the same period at the coarser precision.
fn same_period(end: (u32, u32, u32), start: (u32, u32, u32)) -> bool {
    if end.0 != start.0 {
        return false;
    }
    if end.1 == 0 || start.1 == 0 {
        return true;
    }
    if end.1 != start.1 {
        return false;
    }
    end.2 == 0 || start.2 == 0 || end.2 == start.2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_errors_in_a_bad_directory() {
        let dir = std::env::temp_dir().join(format!("xtask-check-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let write = |name: &str, text: &str| {
            std::fs::write(dir.join(name), text).expect("write");
        };
        write(
            "places.tsv",
            "# c\nid\tname\tlevel\tparent\taliases\nID\tIndonesia\tnegara\t\t\n\
             64\tKalimantan Timur\tprovinsi\tID\t\n64.72\tSamarinda\tkota\t64\n\
             64.73\tX\tkecamatan\t64\t\n",
        );
        write(
            "place-aliases.tsv",
            "id\taliases\n64\tKaltim\n65\tKaltara\n",
        );
        write(
            "titles.tsv",
            "id\tinstitution\taliases\ngubernur\t\tGubernur\n",
        );
        write("terms.tsv", "kind\tvalue\taliases\nacting\tpj\tPj\n");
        write(
            "officials.tsv",
            "id\tname\ttitle\tacting\tjurisdiction\tfrom\tto\n\
             a\tA\tgubernur\t\t64\t2018-10-01\t2023-10-01\n\
             b\tB\tgubernur\tpj\t64\t2023-02-30\t\n\
             c\tC\tbupati\tpjx\t99\t2024\t2023\n\
             d\tD\tgubernur\t\t64\t2019\t2020\n",
        );
        let r = check(&dir).expect("check runs");
        let _ = std::fs::remove_dir_all(&dir);
        let has = |needle: &str| r.errors.iter().any(|e| e.contains(needle));
        assert!(
            has("places.tsv:5: expected 5 columns, found 4"),
            "{:?}",
            r.errors
        );
        assert!(
            has("id `64.73` cannot be level `kecamatan`"),
            "{:?}",
            r.errors
        );
        assert!(has("unknown place `65`"), "{:?}", r.errors);
        assert!(has("bad date `2023-02-30`"), "{:?}", r.errors);
        assert!(has("unknown title `bupati`"), "{:?}", r.errors);
        assert!(has("unknown jurisdiction `99`"), "{:?}", r.errors);
        assert!(has("unknown acting value `pjx`"), "{:?}", r.errors);
        assert!(has("ends (2023) before it starts (2024)"), "{:?}", r.errors);
        assert_eq!(r.errors.len(), 8, "{:?}", r.errors);
        assert!(
            r.warnings
                .iter()
                .any(|w| w.contains("`d` (gubernur 64) overlaps `a`")),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn repository_lexicons_pass() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lexicons");
        let r = check(&dir).expect("check runs");
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-10-02"), Some((2023, 10, 2)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2023-13"), None);
        assert_eq!(parse_date("2023-1"), None);
        assert_eq!(parse_date("2025"), Some((2025, 0, 0)));
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2025-02-20-1"), None);
    }

    #[test]
    fn kinds_from_file_names() {
        assert_eq!(kind_of("places"), Some("places"));
        assert_eq!(kind_of("places-extra"), Some("places"));
        assert_eq!(kind_of("place-aliases"), Some("place-aliases"));
        assert_eq!(kind_of("officials-kaltim"), Some("officials"));
        assert_eq!(kind_of("notes"), None);
    }

    #[test]
    fn normalization() {
        assert_eq!(norm("Sa\u{2019}dan  Balusu"), "sa'dan balusu");
        assert_eq!(norm("Biduk\u{2013}Biduk"), "biduk-biduk");
    }

    /// Checks in-memory files (name, contents).
    fn check_texts(files: &[(&str, &str)]) -> Report {
        let files: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(n, t)| (PathBuf::from(n), t.to_string()))
            .collect();
        check_files(&files)
    }

    fn has(list: &[String], needle: &str) -> bool {
        list.iter().any(|m| m.contains(needle))
    }

    const PLACES: &str = "id\tname\tlevel\tparent\nID\tIndonesia\tnegara\t\n\
                          64\tKalimantan Timur\tprovinsi\tID\n";

    #[test]
    fn names_files() {
        let r = check_texts(&[
            (
                "names.tsv",
                "# n\nname\tclass\nsiti\tgiven\nnasution\tfamily\nbin\tparticle\nbudi\tfirst\n",
            ),
            (
                "names-extra.tsv",
                "name\tclass\nSiti\tgiven\nVan Der\tparticle\n",
            ),
        ]);
        assert!(
            has(&r.errors, "names.tsv:6: unknown name class `first`"),
            "{:?}",
            r.errors
        );
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        assert!(
            has(
                &r.warnings,
                "names-extra.tsv:2: duplicate name `Siti` (names.tsv:3)"
            ),
            "{:?}",
            r.warnings
        );
        assert!(
            has(
                &r.warnings,
                "names-extra.tsv:3: name `Van Der` is not one word"
            ),
            "{:?}",
            r.warnings
        );
        assert!(!has(&r.warnings, "unknown kind"), "{:?}", r.warnings);
    }

    #[test]
    fn words_files() {
        let r = check_texts(&[
            (
                "words.tsv",
                "word\tlower\tcapitalized\nabad\t113\t6\nJalan\t1\t2\nabad\t1\t1\nsaat ini\t1\t1\n",
            ),
            // The same word in another file is not a duplicate.
            ("words-extra.tsv", "word\nabad\n\n"),
        ]);
        assert!(
            has(&r.errors, "words.tsv:3: word `Jalan` is not lowercase"),
            "{:?}",
            r.errors
        );
        assert!(
            has(&r.errors, "words.tsv:4: duplicate word `abad` (line 2)"),
            "{:?}",
            r.errors
        );
        assert!(
            has(&r.errors, "words.tsv:5: `saat ini` is not one word"),
            "{:?}",
            r.errors
        );
        assert_eq!(r.errors.len(), 3, "{:?}", r.errors);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn institution_columns() {
        let r = check_texts(&[(
            "institutions.tsv",
            "type\tname\taliases\tcategory\texact\tcontext\tpattern\tsource\n\
             ma\tMahkamah Agung\t\tstate-body\tMA\thakim|kasasi\t\tUU 3/2009\n\
             mk\tMahkamah Konstitusi\tMahkamah Konstitusi RI\tcourtroom\tMK\t\t\t\n\
             bi\tBank Indonesia\t\tagency\tbi\tbank\t\t\n\
             pa\tPengadilan Agama\tPA\tcourt\t\t\t\t\n\
             pan\tPartai Amanat Nasional\t\tparty\tPAN|PA\tpartai\t\t\n\
             partai\tPartai\t\tparty\t\tpemilu\tcomposed\t\n",
        )]);
        let e = &r.errors;
        assert!(
            has(e, "institutions.tsv:3: unknown category `courtroom`"),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "institutions.tsv:4: exact form `bi` has no capital letter"
            ),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "institutions.tsv:6: exact form `PA` of `pan` is also a name or alias of `pa`"
            ),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "institutions.tsv:7: unknown pattern `composed` (compose or named)"
            ),
            "{e:?}"
        );
        // Empty aliases are fine: the name is the only form.
        assert!(!has(e, "empty `aliases`"), "{e:?}");
        assert_eq!(e.len(), 4, "{e:?}");
        let w = &r.warnings;
        assert!(
            has(
                w,
                "institutions.tsv:3: exact forms of `mk` without `context` words"
            ),
            "{w:?}"
        );
        assert!(
            has(
                w,
                "institutions.tsv:7: `context` of `partai` without `exact` forms"
            ),
            "{w:?}"
        );
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn institution_types_across_files() {
        let r = check_texts(&[
            (
                "institutions.tsv",
                "type\tname\taliases\nkpu\tKomisi Pemilihan Umum\tKPU|KIP\n",
            ),
            (
                "institutions-regional.tsv",
                "type\tname\taliases\tcategory\n\
                 kpu\tKPU Daerah\tKPUD\tstate-body\n\
                 kip\tKomisi Informasi Publik\tKIP\tstate-body\n",
            ),
        ]);
        assert!(
            has(
                &r.errors,
                "institutions-regional.tsv:2: duplicate type `kpu` (institutions.tsv:2)"
            ),
            "{:?}",
            r.errors
        );
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        assert!(
            has(
                &r.warnings,
                "institutions: `kip` names kpu (institutions.tsv:2), kip"
            ),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn titles_per_institution() {
        let r = check_texts(&[
            (
                "institutions.tsv",
                "type\tname\taliases\nkemenkeu\tKementerian Keuangan\tKemenkeu\n\
                 kemenkes\tKementerian Kesehatan\tKemenkes\n",
            ),
            (
                "titles.tsv",
                "id\tinstitution\taliases\nmenteri\t\tMenteri\nwarga\t\tWarga\n",
            ),
            (
                "titles-national.tsv",
                "id\tinstitution\taliases\tclass\n\
                 menteri\tkemenkeu\tMenteri Keuangan|Menkeu\toffice\n\
                 menteri\tkemenkes\tMenteri Kesehatan|Menkes\t\n\
                 menteri\tkemenkes\tMenkes RI\toffice\n\
                 menteri\tkemenlu\tMenlu\toffice\n\
                 warga\t\tPenduduk\trole\n\
                 korban\t\tKorban\tvictim\n",
            ),
        ]);
        let e = &r.errors;
        assert!(
            has(
                e,
                "titles-national.tsv:4: duplicate title `menteri` of `kemenkes` (line 3)"
            ),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "titles-national.tsv:5: unknown institution type `kemenlu`"
            ),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "titles-national.tsv:6: duplicate title `warga` (titles.tsv:3)"
            ),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "titles-national.tsv:7: unknown title class `victim` (office or role)"
            ),
            "{e:?}"
        );
        assert_eq!(e.len(), 4, "{e:?}");
        // `warga` defaults to an office in titles.tsv, is a role in titles-national.tsv.
        assert!(
            has(
                &r.warnings,
                "titles-national.tsv:6: title `warga` is an role here, an office at titles.tsv:3"
            ),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn officials_with_institutions_and_national_offices() {
        let r = check_texts(&[
            ("places.tsv", PLACES),
            (
                "institutions.tsv",
                "type\tname\taliases\nkemenkeu\tKementerian Keuangan\tKemenkeu\n\
                 kemenkes\tKementerian Kesehatan\tKemenkes\npemprov\tPemerintah Provinsi\tPemprov\n",
            ),
            (
                "titles.tsv",
                "id\tinstitution\taliases\tclass\nmenteri\tkemenkeu\tMenkeu\t\n\
                 menteri\tkemenkes\tMenkes\t\ngubernur\t\tGubernur\t\npresiden\t\tPresiden\t\n\
                 warga\t\tWarga\trole\n",
            ),
            (
                "officials.tsv",
                "id\tname\tshort_names\ttitle\tinstitution\tacting\tjurisdiction\tfrom\tto\tsource\n\
                 a\tA Satu\tAS\tmenteri\tkemenkeu\t\t\t2019-10\t2024-10\tx\n\
                 b\tB Dua\t\tmenteri\tkemenkes\t\t\t2020\t\tx\n\
                 c\tC Tiga\t\tmenteri\tkemenkeu\t\t\t2022\t\tx\n\
                 d\tD Empat\t\tmenteri\tpemprov\t\t\t2022\t\tx\n\
                 e\tE Lima\t\tmenteri\tkemenlu\t\t\t2022\t\tx\n\
                 f\tF Enam\tAS\tpresiden\t\t\t\t2014\t\tx\n\
                 g\tG Tujuh\t\tgubernur\tpemprov\t\t64\t2018\t\tx\n\
                 h\tH\t\twarga\t\t\t\t2018\t\tx\n",
            ),
            (
                "officials-regents.tsv",
                "id\tname\ttitle\tjurisdiction\tfrom\na\tA 1\tgubernur\t64\t2010\n",
            ),
        ]);
        let e = &r.errors;
        assert!(
            has(
                e,
                "officials.tsv:5: no title `menteri` of institution `pemprov`"
            ),
            "{e:?}"
        );
        assert!(
            has(e, "officials.tsv:6: unknown institution type `kemenlu`"),
            "{e:?}"
        );
        assert!(
            has(
                e,
                "officials-regents.tsv:2: `a` named `A 1` here, `A Satu` before (officials.tsv:2)"
            ),
            "{e:?}"
        );
        // An empty jurisdiction is a national office; a title without rows of an
        // institution takes any known one (gubernur + pemprov).
        assert!(!has(e, "jurisdiction"), "{e:?}");
        assert_eq!(e.len(), 3, "{e:?}");
        let w = &r.warnings;
        // Overlaps are per title, institution and jurisdiction: b (kemenkes) is not compared.
        assert!(
            has(
                w,
                "officials.tsv:4: `c` (menteri kemenkeu) overlaps `a` (line 2)"
            ),
            "{w:?}"
        );
        assert!(!has(w, "`b`"), "{w:?}");
        assert!(
            has(
                w,
                "officials.tsv:7: short name `AS` of `f` is also `a`'s (line 2)"
            ),
            "{w:?}"
        );
        assert!(
            has(w, "officials.tsv:9: title `warga` is a role, not an office"),
            "{w:?}"
        );
        assert_eq!(w.len(), 3, "{w:?}");
    }

    #[test]
    fn overlaps_across_officials_files() {
        let r = check_texts(&[
            ("places.tsv", PLACES),
            ("titles.tsv", "id\taliases\ngubernur\tGubernur\n"),
            (
                "officials.tsv",
                "id\tname\ttitle\tjurisdiction\tfrom\tto\na\tA\tgubernur\t64\t2018\t2023\n",
            ),
            (
                "officials-more.tsv",
                "id\tname\ttitle\tjurisdiction\tfrom\tto\nb\tB\tgubernur\t64\t2020\t\n\
                 b\tB\tgubernur\t64\t2020\t\n",
            ),
        ]);
        assert!(
            has(
                &r.warnings,
                "officials-more.tsv:2: `b` (gubernur 64) overlaps `a` (officials.tsv:2)"
            ),
            "{:?}",
            r.warnings
        );
        assert!(
            has(
                &r.errors,
                "officials-more.tsv:3: duplicate office row for `b`"
            ),
            "{:?}",
            r.errors
        );
    }

    #[test]
    fn world_places() {
        let r = check_texts(&[
            ("places.tsv", PLACES),
            (
                "places-world.tsv",
                "id\tname\tlevel\tparent\taliases\n\
                 asia\tAsia\tkawasan\t\t\n\
                 my\tMalaysia\tnegara\t\tNegeri Jiran\n\
                 my-selangor\tSelangor\tprovinsi\tmy\t\n\
                 my-shah-alam\tShah Alam\tkota\tmy-selangor\t\n\
                 sg\tSingapura\tnegara\t\t\n\
                 my-johor-bahru\tJohor Bahru\tkota\tsg\t\n\
                 SG\tSingapore\tnegara\t\t\n\
                 mys\tMalaysia Raya\tnegara\t\t\n\
                 jp\tJepang\tnegara\tasia\t\n\
                 jp-tokyo\tTokyo\tkota\tjp-kanto\t\n\
                 uk\tUkraina\tkota\tasia\t\n",
            ),
        ]);
        let e = &r.errors;
        assert!(has(e, "places-world.tsv:8: bad place id `SG`"), "{e:?}");
        assert!(
            has(
                e,
                "places-world.tsv:8: bad country id `SG` (ISO 3166 alpha-2, lowercase)"
            ),
            "{e:?}"
        );
        assert!(has(e, "places-world.tsv:9: bad country id `mys`"), "{e:?}");
        assert!(
            has(
                e,
                "places-world.tsv:10: country `jp` cannot have a parent (`asia`)"
            ),
            "{e:?}"
        );
        assert!(
            has(e, "places-world.tsv:11: unknown parent `jp-kanto`"),
            "{e:?}"
        );
        assert_eq!(e.len(), 5, "{e:?}");
        let w = &r.warnings;
        assert!(
            has(
                w,
                "places-world.tsv:7: `my-johor-bahru` is not under country `my` (parent `sg`)"
            ),
            "{w:?}"
        );
        assert!(
            has(
                w,
                "places-world.tsv:12: two-letter id `uk` is kept for countries, not level `kota`"
            ),
            "{w:?}"
        );
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn word_by_word_terms() {
        let r = check_texts(&[(
            "terms.tsv",
            "kind\tvalue\taliases\n\
             cue\tkata\tkata|katanya|kata dia\n\
             kin\tkin\tistri|anak angkat\n\
             person-verb\tperson\tkata|lahir\n\
             not-name\tfunction\tNo|Di\n\
             not-name\tenglish\tNo|The\n\
             locative\tlocative\tdi|ke\n",
        )]);
        assert!(
            has(
                &r.errors,
                "terms.tsv:3: `kin` terms are looked up word by word: `anak angkat` is not one word"
            ),
            "{:?}",
            r.errors
        );
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        // A word shared by a matched kind and a word-by-word kind, or by two word-by-word
        // kinds, is fine; twice in one word-by-word kind is not.
        let w = &r.warnings;
        assert!(!has(w, "unknown term kind"), "{w:?}");
        assert!(
            has(
                w,
                "terms: `no` names not-name function (terms.tsv:5), not-name english"
            ),
            "{w:?}"
        );
        assert_eq!(w.len(), 1, "{w:?}");
    }
}
