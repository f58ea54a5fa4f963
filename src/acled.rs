//! Events as ACLED rows: the mapping behind `warta export --format acled`.
//!
//! [ACLED](https://acleddata.com) (Armed Conflict Location & Event Data) codes political
//! violence, demonstrations and strategic developments, one row per event, in a fixed set
//! of columns. This module turns the events of a warta [`Record`] into such rows: the event
//! kind and subtype become ACLED's `event_type` and `sub_event_type` ([`classify`]), the
//! time's precision its `time_precision` ([`time_precision`]), the event's place the
//! administrative columns ([`admin`]), the actors their names and ACLED actor types
//! ([`inter_code`]). [`rows`] does all of it for one record, and [`write_csv_row`] writes a
//! row as RFC 4180 CSV. The choices (which kinds ACLED codes, what stays empty) are
//! documented in `docs/EVENTS.md`.
//!
//! ```
//! use warta::acled::{self, COLUMNS};
//! use warta::lexicon::{LexiconFiles, Lexicons};
//! use warta::{Article, Extractor};
//!
//! let lex = Lexicons::load(&LexiconFiles::embedded())?;
//! let extractor = Extractor::new()?;
//! let record = extractor.extract(&Article::new(
//!     "rakor-1",
//!     "Samarinda – Gubernur Kaltim membuka Rakor Forkopimda se-Kaltim, Kamis (6/7/2023).",
//! ));
//! let rows = acled::rows(&record, &lex);
//! assert_eq!(rows.len(), record.events.len());
//! let row = &rows[0];
//! let col = |name: &str| row[COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
//! assert_eq!(col("event_id_cnty"), "rakor-1#1");
//! assert_eq!(col("event_date"), "2023-07-06");
//! assert_eq!(col("time_precision"), "1");
//! assert_eq!(col("event_type"), ""); // ACLED does not code meetings
//! assert_eq!(col("warta_kind"), "meeting");
//! assert_eq!(col("country"), "Indonesia");
//!
//! let mut csv = Vec::new();
//! acled::write_csv_row(&mut csv, &["a", "Polres \"Kota\", Samarinda"])?;
//! assert_eq!(csv, b"a,\"Polres \"\"Kota\"\", Samarinda\"\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::io::{self, Write};

use crate::lexicon::Lexicons;
use crate::record::{ErrorRecord, Event, Level, Precision, Record, Time};

/// The columns of an ACLED export, in order: ACLED's own, then warta's.
pub const COLUMNS: [&str; 36] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "warta_kind",
    "warta_subtype",
    "warta_main",
    "warta_doc_id",
    "warta_place_id",
];

/// ACLED's numeric code of Indonesia (ISO 3166-1 numeric).
pub const ISO_INDONESIA: &str = "360";
/// ACLED's region of Indonesia.
pub const REGION_INDONESIA: &str = "South-eastern Asia";
/// ACLED's country name of Indonesia.
pub const COUNTRY_INDONESIA: &str = "Indonesia";
/// The longest `notes` value, in characters (a longer title is cut and ends with "…").
pub const NOTES_MAX_CHARS: usize = 200;

/// An ACLED classification: disorder type, event type and sub-event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AcledType {
    /// "Political violence", "Demonstrations", "Political violence; Demonstrations" or
    /// "Strategic developments".
    pub disorder_type: &'static str,
    /// "Protests", "Riots", "Battles", "Violence against civilians",
    /// "Explosions/Remote violence" or "Strategic developments".
    pub event_type: &'static str,
    /// ACLED's sub-event type ("Peaceful protest", "Mob violence", "Arrests" …).
    pub sub_event_type: &'static str,
}

const PV: &str = "Political violence";
const DEMO: &str = "Demonstrations";
const SD: &str = "Strategic developments";

const fn t(disorder: &'static str, event: &'static str, sub: &'static str) -> AcledType {
    AcledType {
        disorder_type: disorder,
        event_type: event,
        sub_event_type: sub,
    }
}

/// The sum of the counts of `kind` ("dead", "injured", "arrested" …) tied to `event`.
pub fn count_sum(event: &Event, kind: &str) -> f64 {
    event
        .counts
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.value)
        .sum()
}

/// The ACLED classification of `event`, an event of `record`, or `None` for the kinds
/// ACLED does not code (meetings, visits, disasters, accidents, court hearings, election
/// stages, policies …; the table is in `docs/EVENTS.md`).
///
/// Besides the kind and subtype it reads the event's counts (dead, injured, arrested), its
/// actors' ACLED types ([`inter_code`]) and, for arrests and riots, the other events of
/// the record (arrests after a protest are coded, a narcotics bust is not).
pub fn classify(event: &Event, record: &Record) -> Option<AcledType> {
    let sub = event.subtype.as_deref().unwrap_or("");
    let has = |kinds: &[&str]| {
        record
            .events
            .iter()
            .any(|e| kinds.contains(&e.kind.as_str()))
    };
    let hurt = count_sum(event, "dead") + count_sum(event, "injured") > 0.0;
    Some(match event.kind.as_str() {
        "protest" => protest_type(event),
        "riot" if has(&["protest"]) && sub == "kerusuhan" => {
            t(DEMO, "Riots", "Violent demonstration")
        }
        "riot" => t(PV, "Riots", "Mob violence"),
        "armed-clash" => t(PV, "Battles", "Armed clash"),
        "attack" if sub == "ledakan" => t(
            PV,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        "attack" if sub == "pembakaran" && !hurt => t(SD, SD, "Looting/property destruction"),
        "attack" if targets_state(event, record) => t(PV, "Battles", "Armed clash"),
        "attack" => t(PV, "Violence against civilians", "Attack"),
        "arrest" if sub == "ott" || has(&["protest", "riot", "armed-clash", "attack"]) => {
            t(SD, SD, "Arrests")
        }
        _ => return None,
    })
}

/// Peaceful unless the counts say the protest was broken up (arrests, injuries) or met
/// with lethal force.
fn protest_type(event: &Event) -> AcledType {
    if count_sum(event, "dead") > 0.0 {
        t(
            "Political violence; Demonstrations",
            "Protests",
            "Excessive force against protesters",
        )
    } else if count_sum(event, "injured") + count_sum(event, "arrested") > 0.0 {
        t(DEMO, "Protests", "Protest with intervention")
    } else {
        t(DEMO, "Protests", "Peaceful protest")
    }
}

/// Whether an attack's target side includes state forces (an attack on a police post).
fn targets_state(event: &Event, record: &Record) -> bool {
    event
        .actors
        .actor2
        .iter()
        .any(|id| actor_type(id, record) == Some(STATE))
}

/// ACLED's `time_precision` for a warta time precision: 1 for a day, 2 for a week, 3 for
/// a month or a year (ACLED has no code less precise than a month).
pub fn time_precision(p: Precision) -> u8 {
    match p {
        Precision::Day => 1,
        Precision::Week => 2,
        Precision::Month | Precision::Year => 3,
    }
}

/// An event's time as ACLED's `event_date`, `year` and `time_precision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcledDate {
    /// `YYYY-MM-DD`, or `None` for a time known to the year only.
    pub date: Option<String>,
    /// The year.
    pub year: i32,
    /// ACLED's time precision: 1 day, 2 week, 3 month or less precise.
    pub precision: u8,
}

/// The ACLED date of a time: a day as is; a week (`YYYY-Www`) by its middle day, the
/// Thursday; a month by its 15th; a year has no date but its year, precision 3. A range
/// is coded by its first day or period (`value`). `None` when the time has no value.
pub fn event_date(time: &Time) -> Option<AcledDate> {
    let value = time.value.as_deref()?;
    let year: i32 = value.get(..4)?.parse().ok()?;
    let date = match time.precision {
        Some(Precision::Day) => Some(value.get(..10)?.to_string()),
        Some(Precision::Month) => Some(format!("{}-15", value.get(..7)?)),
        Some(Precision::Week) => week_thursday(value),
        _ => None,
    };
    Some(AcledDate {
        date,
        year,
        precision: time.precision.map_or(3, time_precision),
    })
}

/// The Thursday of ISO week `YYYY-Www`.
fn week_thursday(value: &str) -> Option<String> {
    let (y, w) = value.split_once("-W")?;
    let week = jiff::civil::ISOWeekDate::new(
        y.parse().ok()?,
        w.parse().ok()?,
        jiff::civil::Weekday::Thursday,
    )
    .ok()?;
    Some(week.date().to_string())
}

/// ACLED's `geo_precision` for the level of the place an event is coded at: 1 for a
/// town or anything smaller (kota, kecamatan, desa), 2 for a regency or an area inside
/// one, 3 for a province, an island or the country.
pub fn geo_precision(level: Level) -> u8 {
    match level {
        Level::Desa | Level::Kecamatan | Level::Kota => 1,
        Level::Kabupaten | Level::Kawasan => 2,
        Level::Provinsi | Level::Pulau | Level::Negara => 3,
    }
}

/// Where an event is, as ACLED's location columns: a place and everything above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admin {
    /// The country's name: "Indonesia", the name of a foreign country, or empty when the
    /// place is in no country (a world region).
    pub country: String,
    /// Whether the place is in Indonesia (or the country itself).
    pub indonesia: bool,
    /// Province name.
    pub admin1: Option<String>,
    /// Regency or city name.
    pub admin2: Option<String>,
    /// Kecamatan name.
    pub admin3: Option<String>,
    /// The place's own name.
    pub location: String,
    /// The place's level.
    pub level: Level,
}

/// A place's name, level and parent, from the record or else the lexicons.
fn place_info<'a>(
    id: &str,
    record: &'a Record,
    lex: &'a Lexicons,
) -> Option<(&'a str, Level, Option<&'a str>)> {
    if let Some(p) = record.places.iter().find(|p| p.id == id) {
        return Some((&p.name, p.level, p.parent.as_deref()));
    }
    let p = lex.place(id)?;
    Some((&p.name, p.level, p.parent.as_deref()))
}

/// The administrative columns of place `id`: walks the parents (from the record's
/// places, else the lexicons) up to the country. `None` when the id is in neither.
pub fn admin(id: &str, record: &Record, lex: &Lexicons) -> Option<Admin> {
    let (name, level, mut parent) = place_info(id, record, lex)?;
    let mut a = Admin {
        country: String::new(),
        indonesia: false,
        admin1: None,
        admin2: None,
        admin3: None,
        location: name.to_string(),
        level,
    };
    a.set(id, name, level);
    // Ten steps reach the country from a desa; a cycle in hand-made input stops there.
    for _ in 0..10 {
        let Some(pid) = parent else { break };
        let Some((name, level, up)) = place_info(pid, record, lex) else {
            break;
        };
        a.set(pid, name, level);
        parent = up;
    }
    Some(a)
}

impl Admin {
    /// Files one place of the walk under its column.
    fn set(&mut self, id: &str, name: &str, level: Level) {
        let slot = match level {
            Level::Provinsi => &mut self.admin1,
            Level::Kabupaten | Level::Kota => &mut self.admin2,
            Level::Kecamatan => &mut self.admin3,
            Level::Negara => {
                self.indonesia = id == "ID";
                self.country = if self.indonesia {
                    COUNTRY_INDONESIA.to_string()
                } else {
                    name.to_string()
                };
                return;
            }
            _ => return,
        };
        slot.get_or_insert_with(|| name.to_string());
    }
}

/// ACLED actor type 1: state forces (police, military, government).
pub const STATE: u8 = 1;
/// ACLED actor type 2: rebel groups.
pub const REBELS: u8 = 2;
/// ACLED actor type 5: rioters.
pub const RIOTERS: u8 = 5;
/// ACLED actor type 6: protesters.
pub const PROTESTERS: u8 = 6;
/// ACLED actor type 7: civilians.
pub const CIVILIANS: u8 = 7;

/// Institution categories ACLED counts as state forces.
const STATE_CATEGORIES: &[&str] = &[
    "police",
    "military",
    "government",
    "regional-government",
    "ministry",
    "agency",
    "state-body",
    "court",
    "prosecution",
];

/// Group types ACLED counts as rebel groups.
const REBEL_GROUPS: &[&str] = &["kkb", "opm", "tpnpb", "kst"];

/// The ACLED actor type an id has by itself: state forces for a state institution or a
/// person holding an office in one, rebels for an armed separatist group; `None` when
/// only the event can tell (a crowd is protesters in a protest, rioters in a riot).
fn actor_type(id: &str, record: &Record) -> Option<u8> {
    let state = |inst: &str| {
        record.institutions.iter().any(|i| {
            i.id == inst
                && i.category
                    .as_deref()
                    .is_some_and(|c| STATE_CATEGORIES.contains(&c))
        })
    };
    if state(id) {
        return Some(STATE);
    }
    if let Some(g) = record.groups.iter().find(|g| g.id == id) {
        return REBEL_GROUPS.contains(&g.kind.as_str()).then_some(REBELS);
    }
    let person = record.people.iter().find(|p| p.id == id)?;
    person
        .roles
        .iter()
        .any(|r| r.institution.as_deref().is_some_and(state))
        .then_some(STATE)
}

/// ACLED's `inter1`/`inter2` code of the actors `ids` on `side` (1 or 2) of `event`: the
/// type of the first actor that has one by itself (state forces, rebels), else what the
/// event makes of them — protesters on side 1 of a protest, rioters in a riot, civilians
/// on side 2 of an attack, a mob's violence or an arrest. `None` without actors.
pub fn inter_code(ids: &[String], side: u8, event: &Event, record: &Record) -> Option<u8> {
    ids.first()?;
    if let Some(code) = ids.iter().find_map(|id| actor_type(id, record)) {
        return Some(code);
    }
    let sub = event.subtype.as_deref().unwrap_or("");
    match (event.kind.as_str(), side) {
        ("protest", 1) => Some(PROTESTERS),
        ("riot", 1) => Some(RIOTERS),
        ("riot", _) if matches!(sub, "bentrok" | "tawuran") => Some(RIOTERS),
        ("riot" | "attack" | "arrest", _) => Some(CIVILIANS),
        _ => None,
    }
}

/// ACLED's `interaction`: the two actor types, the smaller first ("16" = state forces
/// and protesters), or one type followed by 0 for an event with one side ("60" = protesters
/// alone). `None` without any.
pub fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u8> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => Some(a.min(b) * 10 + a.max(b)),
        (Some(a), None) | (None, Some(a)) => Some(a * 10),
        (None, None) => None,
    }
}

/// The display name of an actor id: the name of the person, institution or group of the
/// record with that id, else the id itself (never dropped).
pub fn actor_name<'a>(id: &'a str, record: &'a Record) -> &'a str {
    let people = record.people.iter().map(|p| (&p.id, &p.name));
    let inst = record.institutions.iter().map(|i| (&i.id, &i.name));
    let groups = record.groups.iter().map(|g| (&g.id, &g.name));
    people
        .chain(inst)
        .chain(groups)
        .find(|(i, _)| *i == id)
        .map_or(id, |(_, n)| n.as_str())
}

/// The first actor's name and the others' joined with "; " (ACLED's `actor1` and
/// `assoc_actor_1`).
fn actor_columns(ids: &[String], record: &Record) -> (String, String) {
    let mut names = ids.iter().map(|id| actor_name(id, record));
    let first = names.next().unwrap_or("").to_string();
    (first, names.collect::<Vec<_>>().join("; "))
}

/// The publisher of the record's article: `doc.publisher`, else a string `source` among
/// the caller's pass-through fields (`doc.meta`).
pub fn source(record: &Record) -> String {
    if let Some(p) = &record.doc.publisher {
        return p.clone();
    }
    let meta = record.doc.meta.as_ref().and_then(|m| m.get("source"));
    meta.and_then(|v| v.as_str()).unwrap_or("").to_string()
}

/// The `notes` of an event: its title; for the main event, else the article's headline;
/// else the trigger words; cut at [`NOTES_MAX_CHARS`] characters.
pub fn notes(event: &Event, main: bool, record: &Record) -> String {
    let text = event
        .title
        .as_deref()
        .or(record.doc.title.as_deref().filter(|_| main))
        .unwrap_or(&event.trigger.text);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(NOTES_MAX_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// A number as ACLED writes counts: without a fraction when it has none.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// ACLED's `tags` of an event: the crowd size of a protest or riot ("crowd size=250",
/// "crowd size=at least 100" for "ratusan", "crowd size=no report"); empty otherwise.
pub fn tags(event: &Event) -> String {
    if !matches!(event.kind.as_str(), "protest" | "riot") {
        return String::new();
    }
    match event.counts.iter().find(|c| c.kind == "participants") {
        Some(c) if c.approx => format!("crowd size=at least {}", number(c.value)),
        Some(c) => format!("crowd size={}", number(c.value)),
        None => "crowd size=no report".to_string(),
    }
}

/// One row per event of `record` (the main event first), its fields in [`COLUMNS`] order.
/// An error record or a record without events gives none.
pub fn rows(record: &Record, lex: &Lexicons) -> Vec<Vec<String>> {
    (0..record.events.len())
        .map(|i| row(record, i, lex))
        .collect()
}

/// The row of event `i` of `record`.
pub fn row(record: &Record, i: usize, lex: &Lexicons) -> Vec<String> {
    let e = &record.events[i];
    let main = i == 0;
    let kind = classify(e, record);
    let (date, year, precision) = match e.date.as_ref().and_then(event_date) {
        Some(d) => (
            d.date.unwrap_or_default(),
            d.year.to_string(),
            d.precision.to_string(),
        ),
        None => Default::default(),
    };
    let (actor1, assoc1) = actor_columns(&e.actors.actor1, record);
    let (actor2, assoc2) = actor_columns(&e.actors.actor2, record);
    let inter1 = inter_code(&e.actors.actor1, 1, e, record);
    let inter2 = inter_code(&e.actors.actor2, 2, e, record);
    let code = |c: Option<u8>| c.map(|c| c.to_string()).unwrap_or_default();
    let place = e.place.as_deref().and_then(|p| admin(p, record, lex));
    let civilian = kind.is_some_and(|k| k.event_type == "Violence against civilians")
        || (inter2 == Some(CIVILIANS)
            && kind.is_some_and(|k| k.event_type.starts_with("Explosions")));
    let s = |v: &str| v.to_string();
    let mut row = vec![
        format!("{}#{}", record.doc.id, i + 1),
        date,
        year,
        precision,
        s(kind.map_or("", |k| k.disorder_type)),
        s(kind.map_or("", |k| k.event_type)),
        s(kind.map_or("", |k| k.sub_event_type)),
        actor1,
        assoc1,
        code(inter1),
        actor2,
        assoc2,
        code(inter2),
        code(interaction(inter1, inter2)),
        s(if civilian { "Civilian targeting" } else { "" }),
    ];
    row.extend(place_columns(place.as_ref()));
    row.extend([
        source(record),
        String::new(),
        notes(e, main, record),
        number(count_sum(e, "dead")),
        tags(e),
        String::new(),
        e.kind.clone(),
        e.subtype.clone().unwrap_or_default(),
        s(if main { "true" } else { "false" }),
        record.doc.id.clone(),
        e.place.clone().unwrap_or_default(),
    ]);
    row
}

/// The columns from `iso` to `geo_precision` of an event at `place` (an event without a
/// place is in Indonesia, nowhere more precise; latitude and longitude stay empty).
fn place_columns(place: Option<&Admin>) -> [String; 10] {
    let Some(a) = place else {
        let mut cols: [String; 10] = Default::default();
        cols[0] = ISO_INDONESIA.to_string();
        cols[1] = REGION_INDONESIA.to_string();
        cols[2] = COUNTRY_INDONESIA.to_string();
        return cols;
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let (iso, region) = if a.indonesia {
        (ISO_INDONESIA, REGION_INDONESIA)
    } else {
        ("", "")
    };
    [
        iso.to_string(),
        region.to_string(),
        a.country.clone(),
        opt(&a.admin1),
        opt(&a.admin2),
        opt(&a.admin3),
        a.location.clone(),
        String::new(),
        String::new(),
        geo_precision(a.level).to_string(),
    ]
}

/// Writes one CSV record per RFC 4180: a field containing a comma, a double quote, CR or
/// LF is quoted, its quotes doubled; the record ends with LF.
pub fn write_csv_row<W: Write, S: AsRef<str>>(out: &mut W, fields: &[S]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let f = f.as_ref();
        if f.contains([',', '"', '\r', '\n']) {
            out.write_all(b"\"")?;
            out.write_all(f.replace('"', "\"\"").as_bytes())?;
            out.write_all(b"\"")?;
        } else {
            out.write_all(f.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// One line of a records JSONL file (as `warta extract --jsonl` writes them).
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// A record.
    Record(Box<Record>),
    /// An error record: an input `warta extract` could not read.
    Error(ErrorRecord),
    /// A line of white space only.
    Blank,
}

/// A line of a records JSONL file that is neither a record nor an error record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLine {
    /// The file ("-" for stdin).
    pub path: String,
    /// 1-based line number.
    pub line: u64,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for BadLine {}

/// Reads line `line` of `path`, a line of a records JSONL file (`bytes` without its line
/// break): a record, an error record (an object with an `error` field), or a blank line.
pub fn parse_line(bytes: &[u8], path: &str, line: u64) -> Result<Line, BadLine> {
    let bad = |message: String| BadLine {
        path: path.to_string(),
        line,
        message,
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Line::Blank);
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| bad(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
    if value.get("error").is_some() {
        return serde_json::from_value(value)
            .map(Line::Error)
            .map_err(|e| bad(format!("not a warta/1 error record: {e}")));
    }
    serde_json::from_value(value)
        .map(|r| Line::Record(Box::new(r)))
        .map_err(|e| bad(format!("not a warta/1 record: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Actors, Count, Doc, Group, Institution, Place, Span, TimeKind};

    fn span(text: &str) -> Span {
        Span {
            start: 0,
            end: text.len(),
            text: text.to_string(),
        }
    }

    fn event(kind: &str, subtype: &str) -> Event {
        Event {
            kind: kind.into(),
            subtype: Some(subtype.into()),
            title: None,
            date: None,
            venue: None,
            place: None,
            place_precision: None,
            scope: None,
            election: None,
            chair: None,
            participants: vec![],
            actors: Actors::default(),
            counts: vec![],
            speakers: vec![],
            trigger: span(subtype),
        }
    }

    fn count(kind: &str, value: f64, approx: bool) -> Count {
        Count {
            kind: kind.into(),
            value,
            approx,
            span: span("x"),
        }
    }

    fn record(events: Vec<Event>) -> Record {
        let mut r = Record::empty(Doc {
            id: "d".into(),
            ..Doc::default()
        });
        r.events = events;
        r
    }

    fn time(value: &str, precision: Precision) -> Time {
        Time {
            value: Some(value.into()),
            end: None,
            kind: TimeKind::Date,
            precision: Some(precision),
            weekday: None,
            weekday_ok: None,
            year: None,
            time: None,
            zone: None,
            part_of_day: None,
            publication: false,
            span: span(value),
        }
    }

    fn sub_type(e: Event, others: Vec<Event>) -> Option<&'static str> {
        let mut events = vec![e];
        events.extend(others);
        let r = record(events);
        classify(&r.events[0], &r).map(|t| t.sub_event_type)
    }

    #[test]
    fn protests_by_what_the_counts_say() {
        assert_eq!(
            sub_type(event("protest", "unjuk-rasa"), vec![]),
            Some("Peaceful protest")
        );
        let mut e = event("protest", "unjuk-rasa");
        e.counts.push(count("arrested", 3.0, false));
        assert_eq!(
            sub_type(e.clone(), vec![]),
            Some("Protest with intervention")
        );
        e.counts.push(count("dead", 1.0, false));
        assert_eq!(
            sub_type(e, vec![]),
            Some("Excessive force against protesters")
        );
    }

    #[test]
    fn riots_arrests_and_attacks_depend_on_the_article() {
        let riot = || event("riot", "kerusuhan");
        assert_eq!(sub_type(riot(), vec![]), Some("Mob violence"));
        let demo = event("protest", "unjuk-rasa");
        assert_eq!(
            sub_type(riot(), vec![demo.clone()]),
            Some("Violent demonstration")
        );
        assert_eq!(sub_type(event("arrest", "penangkapan"), vec![]), None);
        assert_eq!(
            sub_type(event("arrest", "penangkapan"), vec![demo]),
            Some("Arrests")
        );
        assert_eq!(sub_type(event("arrest", "ott"), vec![]), Some("Arrests"));
        assert_eq!(
            sub_type(event("attack", "pembakaran"), vec![]),
            Some("Looting/property destruction")
        );
        let mut arson = event("attack", "pembakaran");
        arson.counts.push(count("dead", 2.0, false));
        assert_eq!(sub_type(arson, vec![]), Some("Attack"));
        assert_eq!(
            sub_type(event("attack", "ledakan"), vec![]),
            Some("Remote explosive/landmine/IED")
        );
        assert_eq!(
            sub_type(event("armed-clash", "kontak-tembak"), vec![]),
            Some("Armed clash")
        );
    }

    #[test]
    fn kinds_acled_does_not_code_have_no_type() {
        for kind in [
            "meeting",
            "visit",
            "handover",
            "signing",
            "inauguration",
            "ceremony",
            "declaration",
            "disaster",
            "accident",
            "court",
            "election",
            "policy",
        ] {
            assert_eq!(sub_type(event(kind, "x"), vec![]), None, "{kind}");
        }
    }

    #[test]
    fn an_attack_on_state_forces_is_a_battle() {
        let mut r = record(vec![event("attack", "penyerangan")]);
        r.institutions.push(Institution {
            id: "polsek@91.01.01".into(),
            kind: "polsek".into(),
            category: Some("police".into()),
            name: "Polsek Ilaga".into(),
            jurisdiction: None,
            unit: None,
            mentions: vec![],
        });
        r.groups.push(Group {
            id: "group:kkb".into(),
            kind: "kkb".into(),
            name: "KKB".into(),
            mentions: vec![],
        });
        r.events[0].actors.actor1 = vec!["group:kkb".into()];
        r.events[0].actors.actor2 = vec!["polsek@91.01.01".into()];
        let e = &r.events[0];
        assert_eq!(classify(e, &r).unwrap().event_type, "Battles");
        assert_eq!(inter_code(&e.actors.actor1, 1, e, &r), Some(REBELS));
        assert_eq!(inter_code(&e.actors.actor2, 2, e, &r), Some(STATE));
        assert_eq!(interaction(Some(REBELS), Some(STATE)), Some(12));
        assert_eq!(interaction(Some(PROTESTERS), None), Some(60));
    }

    #[test]
    fn dates_by_precision() {
        let d = |v, p| event_date(&time(v, p)).map(|d| (d.date, d.year, d.precision));
        let some = |d: &str, y, p| Some((Some(d.to_string()), y, p));
        assert_eq!(d("2023-07-06", Precision::Day), some("2023-07-06", 2023, 1));
        assert_eq!(d("2024-W07", Precision::Week), some("2024-02-15", 2024, 2));
        assert_eq!(d("2019-09", Precision::Month), some("2019-09-15", 2019, 3));
        assert_eq!(d("2019", Precision::Year), Some((None, 2019, 3)));
        assert_eq!(d("bad", Precision::Day), None);
    }

    #[test]
    fn admin_walks_record_places_then_lexicons() {
        let lex = Lexicons::load(&crate::lexicon::LexiconFiles::embedded()).unwrap();
        let mut r = record(vec![]);
        r.places.push(Place {
            id: "64.02.05.2001".into(),
            name: "Desa Uji".into(),
            level: Level::Desa,
            parent: Some("64.02.05".into()),
            mentions: vec![],
        });
        let a = admin("64.02.05.2001", &r, &lex).unwrap();
        assert_eq!(a.admin1.as_deref(), Some("Kalimantan Timur"));
        assert_eq!(a.admin2.as_deref(), Some("Kutai Kartanegara"));
        assert!(a.admin3.is_some());
        assert_eq!(
            (a.location.as_str(), a.country.as_str(), a.indonesia),
            ("Desa Uji", "Indonesia", true)
        );
        assert_eq!(geo_precision(a.level), 1);
        let my = admin("my", &r, &lex).unwrap();
        assert!(!my.indonesia);
        assert_eq!(my.admin1, None);
        assert!(admin("nowhere", &r, &lex).is_none());
    }

    #[test]
    fn csv_quotes_per_rfc_4180() {
        let mut out = Vec::new();
        write_csv_row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", ""]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n"
        );
    }

    #[test]
    fn lines_are_records_errors_or_bad() {
        let err = r#"{"schema":"warta/1","doc":{"id":"7","line":7},"error":{"kind":"json","message":"x"}}"#;
        assert!(matches!(
            parse_line(err.as_bytes(), "f", 1),
            Ok(Line::Error(_))
        ));
        assert_eq!(parse_line(b"  ", "f", 2), Ok(Line::Blank));
        let bad = parse_line(b"{\"schema\":", "recs.jsonl", 3).unwrap_err();
        assert!(
            bad.to_string().starts_with("recs.jsonl:3: invalid JSON"),
            "{bad}"
        );
        let wrong = parse_line(b"{\"schema\":\"warta/1\"}", "recs.jsonl", 4).unwrap_err();
        assert!(
            wrong
                .to_string()
                .starts_with("recs.jsonl:4: not a warta/1 record"),
            "{wrong}"
        );
    }

    #[test]
    fn tags_give_the_crowd_size() {
        let mut e = event("protest", "unjuk-rasa");
        assert_eq!(tags(&e), "crowd size=no report");
        e.counts.push(count("participants", 100.0, true));
        assert_eq!(tags(&e), "crowd size=at least 100");
        assert_eq!(tags(&event("meeting", "rapat")), "");
    }
}
