//! The `warta/1` record: what warta emits for one article.
//!
//! These types are the output contract documented in `docs/RECORDS.md` (and, for
//! the scorer, in `../shared/design/RECORDS.md`). Field names are serialized exactly
//! as the contract spells them; fields the contract leaves open are documented
//! where they are added (`Time::time`, `Time::zone`, `Quote::channel`, ...).
//!
//! Every [`Span`] holds **byte offsets into the caller's original input**,
//! half-open, on UTF-8 char boundaries, and `input[span.start..span.end] == span.text`.
//!
//! All collections in a [`Record`] are ordered by first mention, so the same input
//! always serializes to the same bytes.

use serde::{Deserialize, Serialize};

/// The schema name written in every record.
pub const SCHEMA: &str = "warta/1";

/// A slice of the caller's original input: byte offsets and the text they cover.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
    /// `input[start..end]`, verbatim.
    pub text: String,
}

impl Span {
    /// Builds a span over `input[start..end]`.
    ///
    /// Returns `None` when the range is out of bounds or not on char boundaries.
    pub fn of(input: &str, start: usize, end: usize) -> Option<Span> {
        let text = input.get(start..end)?;
        Some(Span {
            start,
            end,
            text: text.to_string(),
        })
    }
}

/// The administrative level of a [`Place`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The country ("Indonesia", id `ID`).
    Negara,
    /// A province (code `NN`).
    Provinsi,
    /// A regency (code `NN.NN`).
    Kabupaten,
    /// A city (code `NN.7N`).
    Kota,
    /// A district (code `NN.NN.NN`).
    Kecamatan,
    /// A village (code `NN.NN.NN.NNNN`).
    Desa,
    /// An island or island group ("Pulau Jawa").
    Pulau,
    /// Any other named area ("IKN").
    Kawasan,
}

impl Level {
    /// The lowercase name used in lexicons and records.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Negara => "negara",
            Level::Provinsi => "provinsi",
            Level::Kabupaten => "kabupaten",
            Level::Kota => "kota",
            Level::Kecamatan => "kecamatan",
            Level::Desa => "desa",
            Level::Pulau => "pulau",
            Level::Kawasan => "kawasan",
        }
    }

    /// Parses the lowercase name used in lexicons.
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "negara" => Level::Negara,
            "provinsi" => Level::Provinsi,
            "kabupaten" => Level::Kabupaten,
            "kota" => Level::Kota,
            "kecamatan" => Level::Kecamatan,
            "desa" => Level::Desa,
            "pulau" => Level::Pulau,
            "kawasan" => Level::Kawasan,
            _ => return None,
        })
    }
}

/// A place named in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Kemendagri region code ("64.71"); "ID" for Indonesia; otherwise a lexicon slug.
    pub id: String,
    /// Canonical name without the "Kota"/"Kabupaten" prefix.
    pub name: String,
    /// Administrative level.
    pub level: Level,
    /// Id of the enclosing region, if any.
    pub parent: Option<String>,
    /// Every mention in the body, in text order.
    pub mentions: Vec<Span>,
}

/// An institution named in the article, or implied by an office ("Kapolda Kaltim").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Institution {
    /// `"<type>@<place id>"` when the jurisdiction is known, else `"<type>"`;
    /// `"<type>@<place id>#<unit>"` is never used: units are a field of their own. A body
    /// found by its form rather than by the lexicon ("Universitas Mulawarman") adds a slug
    /// of its name to the type: `"universitas:universitas-mulawarman"`.
    pub id: String,
    /// Institution type id ("kpu", "polres", "kodim", ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// What kind of body it is (*added*): `ministry`, `agency`, `state-body`, `police`,
    /// `military`, `court`, `prosecution`, `regional-government`, `regional-agency`,
    /// `party`, `company`, `media`, `university`, `school`, `club`, `ormas`,
    /// `international`, `religious`, `ngo`; absent when the lexicon does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The longest surface form seen.
    pub name: String,
    /// Place id of the jurisdiction, if written.
    pub jurisdiction: Option<String>,
    /// Unit designation when the name carries one ("VI/Mulawarman", "0908/Bontang").
    pub unit: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// One office a person holds in the article.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// Title id ("gubernur", "sekda", "kapolres", ...).
    pub title: String,
    /// `"pj"`, `"pjs"`, `"plt"`, `"plh"`, or `None` for a definitive holder.
    pub acting: Option<String>,
    /// Place id of the office's jurisdiction.
    pub jurisdiction: Option<String>,
    /// Institution id the title belongs to ("kesbangpol@64.02"), if any.
    pub institution: Option<String>,
}

/// A person named in the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Officials-lexicon id when known, else a slug of the name.
    pub id: String,
    /// The name without honorifics, degrees or ranks.
    pub name: String,
    /// Honorifics, ranks and degrees, in the order written.
    pub honorifics: Vec<String>,
    /// Whether the person was found in the officials lexicon.
    pub known: bool,
    /// Offices the article gives the person.
    pub roles: Vec<Role>,
    /// Every mention, including short ones ("Isran", "Sekda Sunggono").
    pub mentions: Vec<Span>,
}

/// The shape of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeKind {
    /// A calendar date or month written out ("Kamis (6/7/2023)", "November 2024").
    Date,
    /// A span of days or months ("6-7 Juli 2023").
    Range,
    /// A date relative to the reference date ("kurang 8 hari lagi", "pekan depan").
    Relative,
    /// A recurring time ("setiap Senin"); its value is null.
    Recurring,
    /// A length of time ("tiga hari").
    Duration,
}

/// How precise a time value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-Www`.
    Week,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

/// Where the year of a time value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum YearSource {
    /// Written in the expression.
    Explicit,
    /// Inferred from the weekday, the reference date or the article.
    Inferred,
}

/// A time expression, resolved against the reference date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Time {
    /// ISO 8601 value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`), or null.
    pub value: Option<String>,
    /// Last day or month of a range, same format as `value`.
    pub end: Option<String>,
    /// The shape of the expression.
    pub kind: TimeKind,
    /// Precision of `value`.
    pub precision: Option<Precision>,
    /// Weekday named in the text, lowercase Indonesian ("kamis"), or null.
    pub weekday: Option<String>,
    /// Whether the weekday agrees with the date; null when no weekday is named
    /// or the value is unknown.
    pub weekday_ok: Option<bool>,
    /// Where the year came from; null when the value has no year.
    pub year: Option<YearSource>,
    /// Time of day as `HH:MM` ("pukul 20.15" → "20:15"), if written. Added field.
    pub time: Option<String>,
    /// Time zone written with the time of day: "WIB", "WITA" or "WIT". Added field.
    pub zone: Option<String>,
    /// Part of day written with the expression ("pagi", "malam"). Added field.
    pub part_of_day: Option<String>,
    /// True for a publication stamp or byline date: it anchors the reference date
    /// and is never an event date. Added field.
    pub publication: bool,
    /// The expression in the original text.
    pub span: Span,
}

/// What a [`Figure`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// "79,5 %", "73 persen".
    Percent,
    /// "Rp 103 Miliar" (IDR).
    Money,
    /// "37 provinsi", "sembilan kabupaten/kota".
    Count,
    /// "ke-5".
    Rank,
}

/// A number with its meaning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// What the number is.
    pub kind: FigureKind,
    /// The number as written ("79,5 %" → 79.5; "Rp 103 Miliar" → 103000000000).
    pub value: f64,
    /// "%", "IDR", or the counted noun ("provinsi", "kabupaten/kota"); null for ranks.
    pub unit: Option<String>,
    /// The figure in the original text.
    pub span: Span,
}

/// A direct quotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the quote marks.
    pub text: String,
    /// Person id of the speaker, or null when none can be found.
    pub speaker: Option<String>,
    /// The attribution words ("ujarnya", "kata Isran"), if any.
    pub cue: Option<String>,
    /// Person id of a spokesman or reader through whom the speaker spoke. Added field.
    pub channel: Option<String>,
    /// The quoted words (inside the marks) in the original text.
    pub span: Span,
}

/// Where an event took place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Venue {
    /// The venue's name as written ("Hotel Novotel Balikpapan").
    pub name: String,
    /// Place id of the venue, if known.
    pub place: Option<String>,
}

/// The election an event is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    /// "pemilu" or "pilkada" (or another election kind from the lexicon).
    pub kind: String,
    /// The election year.
    pub year: i32,
}

/// Something that happened: a meeting, a handover, a signing ...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// "meeting", "handover", "signing", "visit", "declaration", ...
    pub kind: String,
    /// "rakor-forkopimda", "rakor-lintas-sektoral", "rakor-desk-pilkada", "rakor", ...
    pub subtype: Option<String>,
    /// The event's name as written, if it has one.
    pub title: Option<String>,
    /// The day it took place.
    pub date: Option<Time>,
    /// Where it took place.
    pub venue: Option<Venue>,
    /// Place id where it happened: the most specific place the text gives for it (desa or
    /// kecamatan when named), else the venue's place, dateline or context.
    pub place: Option<String>,
    /// The level of `place`: "desa", "kecamatan", "kabupaten", "kota", "provinsi",
    /// "negara"; `None` when `place` is.
    #[serde(default)]
    pub place_precision: Option<String>,
    /// Place id of the scope ("se-Kaltim" → "64").
    pub scope: Option<String>,
    /// The election the event is about.
    pub election: Option<Election>,
    /// Person id of whoever opened, led or chaired it.
    pub chair: Option<String>,
    /// Person and institution ids present.
    pub participants: Vec<String>,
    /// Who acted and on whom: ids of people, institutions and groups.
    #[serde(default)]
    pub actors: Actors,
    /// The figures the text ties to this event (dead, injured, arrested …).
    #[serde(default)]
    pub counts: Vec<Count>,
    /// Person ids of people quoted.
    pub speakers: Vec<String>,
    /// The trigger words in the original text.
    pub trigger: Span,
}

/// The two sides of an event, as ACLED codes them: ids of people, institutions or groups.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actors {
    /// Who acted: the protesters, the attackers, the arresting police, the court.
    #[serde(default)]
    pub actor1: Vec<String>,
    /// On whom, or the other side: the target, the victims, the arrested, the defendant.
    #[serde(default)]
    pub actor2: Vec<String>,
}

/// A figure the text ties to an event ("dua orang tewas" → dead 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// "dead", "injured", "missing", "displaced", "arrested", "participants" or "damaged".
    pub kind: String,
    /// The number; for "ratusan" the least it says (100).
    pub value: f64,
    /// Whether the text gives the number only roughly ("ratusan", "sekitar 50").
    pub approx: bool,
    /// Where the text gives it.
    pub span: Span,
}

/// An unnamed collective actor ("ratusan mahasiswa", "warga", "KKB").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// `"group:<type>"`, or `"group:<type>@<place id>"` when the text ties it to a place.
    pub id: String,
    /// "mahasiswa", "buruh", "warga", "petani", "nelayan", "ojol", "kkb", "massa" …
    #[serde(rename = "type")]
    pub kind: String,
    /// The longest way the text names it ("ratusan mahasiswa Universitas Cenderawasih").
    pub name: String,
    /// Every mention.
    pub mentions: Vec<Span>,
}

/// Document-level fields.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Caller-supplied id, or file stem.
    pub id: String,
    /// Length of the input in bytes.
    pub bytes: usize,
    /// Headline line if present.
    pub title: Option<String>,
    /// Publisher named in the dateline ("OKEGAS.ID").
    pub publisher: Option<String>,
    /// Place id of the dateline.
    pub dateline: Option<String>,
    /// Author from a byline, "Penulis:" or a trailing "(prokom04)".
    pub author: Option<String>,
    /// Editor from "Editor:".
    pub editor: Option<String>,
    /// The date used to anchor partial and relative dates (`YYYY-MM-DD`).
    pub reference_date: Option<String>,
    /// The article's URL as given by the caller. Added field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Caller fields passed through unchanged (JSONL input). Added field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

/// Everything warta extracts from one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Document-level fields.
    pub doc: Doc,
    /// Events, the main event first.
    pub events: Vec<Event>,
    /// People, by first mention.
    pub people: Vec<Person>,
    /// Institutions, by first mention.
    pub institutions: Vec<Institution>,
    /// Groups (unnamed collective actors), by first mention.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Places, by first mention.
    pub places: Vec<Place>,
    /// Time expressions, in text order.
    pub times: Vec<Time>,
    /// Figures, in text order.
    pub figures: Vec<Figure>,
    /// Quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Things the reader should know: contradicting weekdays, undecided places ...
    pub warnings: Vec<String>,
}

impl Record {
    /// An empty record for a document.
    pub fn empty(doc: Doc) -> Record {
        Record {
            schema: SCHEMA.to_string(),
            doc,
            events: Vec::new(),
            people: Vec::new(),
            institutions: Vec::new(),
            groups: Vec::new(),
            places: Vec::new(),
            times: Vec::new(),
            figures: Vec::new(),
            quotes: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// The document part of an error record: enough to tell which input failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorDoc {
    /// The input's id (file stem or JSONL `id`), if one could be read.
    pub id: Option<String>,
    /// The file the input came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line number in a JSONL input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// Why an input produced no record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorInfo {
    /// A stable machine-readable kind: "io", "utf8", "json", "missing-text", "empty", "too-large".
    pub kind: String,
    /// A human-readable message that names the bad input.
    pub message: String,
}

/// The record written in place of a [`Record`] for an input that failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorRecord {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which input failed.
    pub doc: ErrorDoc,
    /// What went wrong.
    pub error: ErrorInfo,
}

impl ErrorRecord {
    /// An error record for `doc`.
    pub fn new(doc: ErrorDoc, kind: &str, message: impl Into<String>) -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.to_string(),
            doc,
            error: ErrorInfo {
                kind: kind.to_string(),
                message: message.into(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_of_checks_char_boundaries() {
        let s = "Wali Kota “Bontang”";
        assert_eq!(Span::of(s, 0, 4).unwrap().text, "Wali");
        // 10..11 is inside the 3-byte '“'.
        assert!(Span::of(s, 10, 11).is_none());
        assert!(Span::of(s, 0, 999).is_none());
    }

    #[test]
    fn field_names_follow_the_contract() {
        let inst = Institution {
            id: "kpu@64".into(),
            kind: "kpu".into(),
            category: None,
            name: "KPU Kaltim".into(),
            jurisdiction: Some("64".into()),
            unit: None,
            mentions: vec![],
        };
        let json = serde_json::to_string(&inst).unwrap();
        assert_eq!(
            json,
            r#"{"id":"kpu@64","type":"kpu","name":"KPU Kaltim","jurisdiction":"64","unit":null,"mentions":[]}"#
        );
        assert_eq!(
            serde_json::to_string(&Level::Kecamatan).unwrap(),
            r#""kecamatan""#
        );
        assert_eq!(
            serde_json::to_string(&YearSource::Inferred).unwrap(),
            r#""inferred""#
        );
    }
}
