//! Lexicons: the facts warta knows, as TSV files a researcher can read and correct.
//!
//! The format and every file are described in `lexicons/README.md`. The defaults are
//! embedded in the binary ([`LexiconFiles::embedded`]); a folder can add files or
//! replace embedded ones by name ([`LexiconFiles::add_dir`]). Loading validates every
//! row and cross-reference (parents, place ids, title ids, dates) and reports every
//! problem at once as `path:line: what is wrong`.
//!
//! ```
//! use warta::lexicon::{LexiconFiles, Lexicons};
//!
//! let lex = Lexicons::load(&LexiconFiles::embedded())?;
//! let kaltim = lex.places.iter().find(|p| p.id == "64").unwrap();
//! assert_eq!(kaltim.name, "Kalimantan Timur");
//! assert!(kaltim.aliases.iter().any(|a| a == "Kaltim"));
//! # Ok::<(), warta::Error>(())
//! ```

mod table;
mod tsv;

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::error::{Error, LexiconProblem};
use crate::record::Level;
use tsv::{problem, Table};

/// A region or other named place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceEntry {
    /// Kemendagri code, `ID`, or a slug.
    pub id: String,
    /// Canonical name without "Kabupaten"/"Kota".
    pub name: String,
    /// Administrative level.
    pub level: Level,
    /// Enclosing place id.
    pub parent: Option<String>,
    /// Other names (the canonical name is always matched too).
    pub aliases: Vec<String>,
}

/// An institution type and how the press names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstitutionEntry {
    /// Type id ("kpu", "polres").
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Spellings in use.
    pub aliases: Vec<String>,
    /// What kind of body it is ("ministry", "party", "company" …), if given.
    pub category: Option<String>,
    /// Ambiguous short forms ("MA", "MK", "BI"): they count only when written exactly
    /// so and confirmed by the article (see [`InstitutionEntry::context`]).
    pub exact: Vec<String>,
    /// Words (folded) that confirm an [`InstitutionEntry::exact`] form in its sentence.
    pub context: Vec<String>,
    /// For a head word that a name follows ("Universitas", "Dinas", "Partai"): how the
    /// name makes the body.
    pub pattern: Option<NamePattern>,
}

/// How a head word and the name after it make an institution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NamePattern {
    /// The name completes the type: "Dinas Perikanan" → `dinas-perikanan`, "Partai
    /// Ummat" → `partai-ummat`.
    Compose,
    /// The name tells one body of the type from another: "Universitas Mulawarman" is of
    /// type `universitas`, labelled `universitas-mulawarman`.
    Named,
}

/// What a title names: an office, or a description of a person without one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TitleClass {
    /// An office ("bupati", "menteri", "ketua-kpk").
    #[default]
    Office,
    /// A description of a person ("warga", "korban", "tersangka", "pengamat").
    Role,
}

/// How a word is known in the names lexicon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameClass {
    /// A given name ("Siti", "Budi", "John").
    Given,
    /// A family or clan name ("Nasution", "Tanaka").
    Family,
    /// A name-internal connector ("bin", "binti", "van", "von").
    Particle,
}

/// A title (office) and the institution type it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleEntry {
    /// Title id ("gubernur", "kapolres").
    pub id: String,
    /// Institution type the title belongs to, if any.
    pub institution: Option<String>,
    /// Spellings in use.
    pub aliases: Vec<String>,
    /// An office or a description.
    pub class: TitleClass,
}

/// A named or numbered unit ("Kodam VI/Mulawarman").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitEntry {
    /// Institution type ("kodam").
    pub kind: String,
    /// Canonical designation ("VI/Mulawarman").
    pub unit: String,
    /// Full name.
    pub name: String,
    /// Ways the designation is written after the type word.
    pub aliases: Vec<String>,
    /// Place id of the unit's seat, if given.
    pub jurisdiction: Option<String>,
}

/// A person holding an office over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficialEntry {
    /// Person id (slug).
    pub id: String,
    /// Full name without honorifics.
    pub name: String,
    /// How the press refers to the person alone ("Isran").
    pub short_names: Vec<String>,
    /// Title id.
    pub title: String,
    /// Acting prefix id (`pj`, `pjs`, `plt`, `plh`).
    pub acting: Option<String>,
    /// Place id of the office; `None` for national offices.
    pub jurisdiction: Option<String>,
    /// Institution type of the office, where the title is shared by several bodies
    /// (`menteri` of `kemenkeu`).
    pub institution: Option<String>,
    /// First day in office.
    pub from: Date,
    /// Last day in office; `None` while still in office.
    pub to: Option<Date>,
}

impl OfficialEntry {
    /// Whether the term covers `date`.
    pub fn serves_on(&self, date: Date) -> bool {
        self.from <= date && self.to.is_none_or(|to| date <= to)
    }
}

/// An event trigger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventEntry {
    /// Event kind ("meeting").
    pub kind: String,
    /// Subtype ("rakor-forkopimda").
    pub subtype: String,
    /// Words that announce the event.
    pub triggers: Vec<String>,
    /// Words that, following a trigger in the event's name, select this subtype.
    pub qualifiers: Vec<String>,
    /// Words of which one must stand in the trigger's sentence for the trigger to count
    /// ("diamankan" is an arrest beside "pelaku", "tersangka", "orang"; not in "mengamankan
    /// jalannya pemilu"), folded. Empty: the trigger counts alone.
    pub context: Vec<String>,
}

/// An election and its voting day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElectionEntry {
    /// Id ("pemilu-2024").
    pub id: String,
    /// Kind ("pemilu", "pilkada").
    pub kind: String,
    /// Year.
    pub year: i16,
    /// Voting day.
    pub date: Date,
    /// Names ("Pemilu 2024").
    pub aliases: Vec<String>,
}

/// A kind of unnamed collective actor ("mahasiswa", "warga", "KKB").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupEntry {
    /// Type ("mahasiswa", "kkb"), the `<type>` of a group id `group:<type>`.
    pub kind: String,
    /// The words that name it ("mahasiswa", "kalangan mahasiswa").
    pub aliases: Vec<String>,
}

/// A member of a closed word class (acting prefix, honorific, rank, cue verb ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermEntry {
    /// Word class ("acting", "honorific", "rank", "degree", "cue", "chair", ...).
    pub kind: String,
    /// Canonical value ("pj", "ujar").
    pub value: String,
    /// Spellings.
    pub aliases: Vec<String>,
}

/// The known lexicon kinds, by file-name prefix.
const KINDS: &[&str] = &[
    "places",
    "place-aliases",
    "institutions",
    "titles",
    "units",
    "officials",
    "events",
    "elections",
    "groups",
    "terms",
    "names",
    "words",
];

/// The lexicon files shipped inside the binary.
const EMBEDDED: &[(&str, &str)] = &[
    ("places.tsv", include_str!("../../lexicons/places.tsv")),
    (
        "places-extra.tsv",
        include_str!("../../lexicons/places-extra.tsv"),
    ),
    (
        "places-world.tsv",
        include_str!("../../lexicons/places-world.tsv"),
    ),
    (
        "place-aliases.tsv",
        include_str!("../../lexicons/place-aliases.tsv"),
    ),
    (
        "institutions.tsv",
        include_str!("../../lexicons/institutions.tsv"),
    ),
    (
        "institutions-national.tsv",
        include_str!("../../lexicons/institutions-national.tsv"),
    ),
    (
        "institutions-regional.tsv",
        include_str!("../../lexicons/institutions-regional.tsv"),
    ),
    (
        "institutions-parties.tsv",
        include_str!("../../lexicons/institutions-parties.tsv"),
    ),
    (
        "institutions-organizations.tsv",
        include_str!("../../lexicons/institutions-organizations.tsv"),
    ),
    ("titles.tsv", include_str!("../../lexicons/titles.tsv")),
    (
        "titles-national.tsv",
        include_str!("../../lexicons/titles-national.tsv"),
    ),
    (
        "titles-roles.tsv",
        include_str!("../../lexicons/titles-roles.tsv"),
    ),
    ("units.tsv", include_str!("../../lexicons/units.tsv")),
    (
        "officials.tsv",
        include_str!("../../lexicons/officials.tsv"),
    ),
    (
        "officials-national.tsv",
        include_str!("../../lexicons/officials-national.tsv"),
    ),
    (
        "officials-regents.tsv",
        include_str!("../../lexicons/officials-regents.tsv"),
    ),
    ("events.tsv", include_str!("../../lexicons/events.tsv")),
    (
        "elections.tsv",
        include_str!("../../lexicons/elections.tsv"),
    ),
    ("groups.tsv", include_str!("../../lexicons/groups.tsv")),
    ("terms.tsv", include_str!("../../lexicons/terms.tsv")),
    ("names.tsv", include_str!("../../lexicons/names.tsv")),
    ("words.tsv", include_str!("../../lexicons/words.tsv")),
    (
        "words-english.tsv",
        include_str!("../../lexicons/words-english.tsv"),
    ),
];

/// A set of lexicon files (name → contents), before parsing.
#[derive(Clone, Debug, Default)]
pub struct LexiconFiles {
    files: Vec<(PathBuf, String)>,
}

impl LexiconFiles {
    /// The embedded default lexicons.
    pub fn embedded() -> LexiconFiles {
        let files = EMBEDDED
            .iter()
            .map(|(name, text)| (Path::new("lexicons").join(name), text.to_string()))
            .collect();
        LexiconFiles { files }
    }

    /// The file names of the embedded lexicons, in load order ("places.tsv", …).
    pub fn embedded_names() -> impl Iterator<Item = &'static str> {
        EMBEDDED.iter().map(|(name, _)| *name)
    }

    /// No files at all (start from scratch, then [`LexiconFiles::add_dir`]).
    pub fn empty() -> LexiconFiles {
        LexiconFiles::default()
    }

    /// Adds every `*.tsv` file of `dir`; a file named like one already present replaces it.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count();
                Error::Lexicon(vec![problem(&path, line, format!("not UTF-8 (byte {at})"))])
            })?;
            self.add(path, text);
        }
        Ok(())
    }

    /// Adds one file; a file with the same name as one present replaces it.
    pub fn add(&mut self, path: PathBuf, contents: String) {
        let name = path.file_name().map(|n| n.to_os_string());
        self.files
            .retain(|(p, _)| p.file_name().map(|n| n.to_os_string()) != name);
        self.files.push((path, contents));
    }

    /// The files, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().map(|(p, t)| (p.as_path(), t.as_str()))
    }
}

/// The kind of a lexicon file from its name: `<kind>.tsv` or `<kind>-<anything>.tsv`.
/// `place-aliases` is tested before `places` by exact prefix.
fn kind_of(path: &Path) -> Option<&'static str> {
    let stem = path.file_stem()?.to_str()?;
    KINDS
        .iter()
        .copied()
        .filter(|k| stem == *k || stem.strip_prefix(k).is_some_and(|r| r.starts_with('-')))
        .max_by_key(|k| k.len())
}

/// All lexicons, parsed and validated.
#[derive(Clone, Debug, Default)]
pub struct Lexicons {
    /// Places (place-alias rows already merged into their aliases).
    pub places: Vec<PlaceEntry>,
    /// Institution types.
    pub institutions: Vec<InstitutionEntry>,
    /// Titles.
    pub titles: Vec<TitleEntry>,
    /// Units.
    pub units: Vec<UnitEntry>,
    /// Office holders.
    pub officials: Vec<OfficialEntry>,
    /// Event triggers.
    pub events: Vec<EventEntry>,
    /// Elections.
    pub elections: Vec<ElectionEntry>,
    /// Kinds of unnamed collective actors.
    pub groups: Vec<GroupEntry>,
    /// Closed word classes.
    pub terms: Vec<TermEntry>,
    /// Place id → index into `places`.
    place_index: FxHashMap<String, u32>,
    /// For each place, the index of its parent in `places`.
    place_parents: Vec<Option<u32>>,
    /// One-word honorifics, ranks and degrees, folded without dots ("dr", "msi") →
    /// index into `terms`: for tokens glued together ("Dr.H.Abdul", "SE.M.Si").
    compact_terms: FxHashMap<String, u32>,
    /// One-word term aliases, folded, with their index into `terms`, grouped by the
    /// term's kind (file order within a kind).
    term_words: Vec<(String, u32)>,
    /// For each term kind, its run in `term_words`.
    term_word_runs: FxHashMap<String, std::ops::Range<usize>>,
    /// Every `context` word or phrase of `events`, once: one automaton finds those a
    /// sentence holds.
    event_context: Option<aho_corasick::AhoCorasick>,
    /// For each row of `events`, the patterns of `event_context` it asks for.
    event_context_rows: Vec<Vec<u32>>,
    /// What the lexicons say of each known single word (folded): whether it is a common
    /// word (`words` files), a personal name (`names` files), a one-word term alias.
    word_info: FxHashMap<String, WordInfo>,
    /// `word_info` once loaded, laid out for lookups ([`Lexicons::word`]).
    word_table: table::WordTable<WordInfo>,
    /// Person id → the indices of their rows in `officials`.
    official_rows: FxHashMap<String, Vec<u32>>,
    /// Title id → jurisdiction id → the indices of the rows of `officials` of that
    /// office, in file order: a holder is looked up without reading every row.
    office_rows: FxHashMap<String, FxHashMap<String, Vec<u32>>>,
    /// Institution type id → its first row in `institutions`.
    institution_kinds: FxHashMap<String, u32>,
    /// The closed classes of words alone, for the words read around a name: a small
    /// table, so that those lookups stay in the cache (the common words and names of
    /// `word_info` are tens of thousands).
    closed_words: table::WordTable<ClosedWord>,
    /// The aliases (folded, words one space apart) of the titles of class `role`, which
    /// are looked up around a name rather than matched by the automaton, with the title.
    role_aliases: FxHashMap<String, u32>,
}

/// Term kinds that are looked up word by word ([`Lexicons::word`]) and never matched by
/// the gazetteer automaton: closed classes read around a capitalized name, whose words
/// are too common to be worth a hit everywhere. Their aliases are single words.
pub const LOOKUP_KINDS: &[&str] = &[
    "not-name",
    "kin",
    "name-cue",
    "org-tail",
    "org-lead",
    "locative",
    "thing-cue",
    "person-verb",
    "toll",
];

/// What the lexicons say of one word: for the decisions about capitalized words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// A common word of the press (`words` lexicon).
    pub common: bool,
    /// How often the press writes it in lowercase, in percent of its occurrences that
    /// start no sentence (100 when the `words` file gives no counts).
    pub lower_share: u8,
    /// A personal name (`names` lexicon).
    pub name: Option<NameClass>,
    /// Terms with this word as a one-word alias (indices into `terms`).
    pub terms: Vec<u32>,
    /// The word classes of those terms, one bit each ([`term_kind_bit`]).
    pub kinds: u32,
    /// The title of class `role` whose one-word alias this is ("warga").
    pub role: Option<u32>,
    /// Whether this word ends a description of two words ("kuasa hukum").
    pub role_tail: bool,
}

/// What the closed classes say of a word: its term kinds and descriptions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClosedWord {
    /// The word classes of its terms ([`kind`] bits).
    pub kinds: u32,
    /// The title of class `role` whose one-word alias it is.
    pub role: Option<u32>,
    /// Whether it ends a description of two words.
    pub role_tail: bool,
    /// The `org-tail` term it is (index into `terms`).
    pub org_tail: Option<u32>,
    /// The `org-lead` term it is (index into `terms`): a noun that, written in lowercase
    /// right before a capitalized name, says what kind of body it names ("maskapai").
    pub org_lead: Option<u32>,
}

/// The bits of [`WordInfo::kinds`]: one per term kind ([`term_kind_bit`]).
pub mod kind {
    /// `acting` prefixes.
    pub const ACTING: u32 = 1 << 0;
    /// `honorific`s.
    pub const HONORIFIC: u32 = 1 << 1;
    /// `rank`s.
    pub const RANK: u32 = 1 << 2;
    /// `degree`s.
    pub const DEGREE: u32 = 1 << 3;
    /// Quote `cue` verbs.
    pub const CUE: u32 = 1 << 4;
    /// `not-name` words.
    pub const NOT_NAME: u32 = 1 << 5;
    /// `kin` nouns.
    pub const KIN: u32 = 1 << 6;
    /// `name-cue` words.
    pub const NAME_CUE: u32 = 1 << 7;
    /// `locative` words.
    pub const LOCATIVE: u32 = 1 << 8;
    /// `thing-cue` nouns.
    pub const THING_CUE: u32 = 1 << 9;
    /// `person-verb`s.
    pub const PERSON_VERB: u32 = 1 << 10;
    /// Any other kind.
    pub const OTHER: u32 = 1 << 31;
}

/// The bit of term kind `kind` in [`WordInfo::kinds`].
pub fn term_kind_bit(kind: &str) -> u32 {
    match kind {
        "acting" => kind::ACTING,
        "honorific" => kind::HONORIFIC,
        "rank" => kind::RANK,
        "degree" => kind::DEGREE,
        "cue" => kind::CUE,
        "not-name" => kind::NOT_NAME,
        "kin" => kind::KIN,
        "name-cue" => kind::NAME_CUE,
        "locative" => kind::LOCATIVE,
        "thing-cue" => kind::THING_CUE,
        "person-verb" => kind::PERSON_VERB,
        _ => kind::OTHER,
    }
}

/// `token` lowercased, without dots: the key of [`Lexicons::compact_term`].
fn compact(token: &str) -> String {
    token
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where a row came from, for cross-reference errors.
type At = (PathBuf, usize);

#[derive(Default)]
struct Loader {
    lex: Lexicons,
    problems: Vec<LexiconProblem>,
    place_aliases: Vec<(String, Vec<String>, At)>,
    at: HashMap<(&'static str, usize), At>,
}

impl Lexicons {
    /// Parses and validates `files`; every problem is reported at once.
    pub fn load(files: &LexiconFiles) -> Result<Lexicons, Error> {
        let mut loader = Loader::default();
        for (path, text) in files.iter() {
            loader.file(path, text);
        }
        let mut lex = loader.finish()?;
        for (i, t) in lex.titles.iter().enumerate() {
            if t.class == TitleClass::Role {
                for a in &t.aliases {
                    let key = crate::normalize::fold(a);
                    match key.rsplit_once(' ') {
                        Some((_, last)) => {
                            lex.word_info.entry(last.to_string()).or_default().role_tail = true;
                        }
                        None => {
                            let info = lex.word_info.entry(key.clone()).or_default();
                            info.role.get_or_insert(i as u32);
                        }
                    }
                    lex.role_aliases.entry(key).or_insert(i as u32);
                }
            }
        }
        for (i, o) in lex.officials.iter().enumerate() {
            lex.official_rows
                .entry(o.id.clone())
                .or_default()
                .push(i as u32);
            if let Some(j) = &o.jurisdiction {
                lex.office_rows
                    .entry(o.title.clone())
                    .or_default()
                    .entry(j.clone())
                    .or_default()
                    .push(i as u32);
            }
        }
        for (i, e) in lex.institutions.iter().enumerate() {
            lex.institution_kinds
                .entry(e.kind.clone())
                .or_insert(i as u32);
        }
        for (i, t) in lex.terms.iter().enumerate() {
            for a in t.aliases.iter().filter(|a| !a.contains(' ')) {
                let folded = crate::normalize::fold(a);
                let info = lex.word_info.entry(folded.clone()).or_default();
                if !info.terms.contains(&(i as u32)) {
                    info.terms.push(i as u32);
                }
                info.kinds |= term_kind_bit(&t.kind);
                lex.term_words.push((folded, i as u32));
            }
            if !matches!(t.kind.as_str(), "honorific" | "rank" | "degree") {
                continue;
            }
            for a in t.aliases.iter().filter(|a| !a.contains(' ')) {
                let key = compact(a);
                if !key.is_empty() {
                    lex.compact_terms.entry(key).or_insert(i as u32);
                }
            }
        }
        let mut phrases: Vec<&str> = Vec::new();
        lex.event_context_rows = lex
            .events
            .iter()
            .map(|e| {
                e.context
                    .iter()
                    .map(|w| match phrases.iter().position(|p| *p == w.as_str()) {
                        Some(k) => k as u32,
                        None => {
                            phrases.push(w);
                            (phrases.len() - 1) as u32
                        }
                    })
                    .collect()
            })
            .collect();
        if !phrases.is_empty() {
            // A DFA: a few hundred short words, searched for in every sentence with a
            // trigger that asks for context.
            let ac = aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&phrases)
                .map_err(|e| Error::Automaton(format!("event context words: {e}")))?;
            lex.event_context = Some(ac);
        }
        let terms = &lex.terms;
        lex.term_words
            .sort_by(|a, b| terms[a.1 as usize].kind.cmp(&terms[b.1 as usize].kind));
        let mut start = 0;
        while start < lex.term_words.len() {
            let kind = &terms[lex.term_words[start].1 as usize].kind;
            let len = lex.term_words[start..]
                .iter()
                .take_while(|(_, t)| &terms[*t as usize].kind == kind)
                .count();
            lex.term_word_runs.insert(kind.clone(), start..start + len);
            start += len;
        }
        let mut closed: Vec<(String, ClosedWord)> = Vec::new();
        for (w, info) in &lex.word_info {
            if info.kinds != 0 || info.role.is_some() || info.role_tail {
                let org_tail = info
                    .terms
                    .iter()
                    .copied()
                    .find(|&t| lex.terms[t as usize].kind == "org-tail");
                let org_lead = info
                    .terms
                    .iter()
                    .copied()
                    .find(|&t| lex.terms[t as usize].kind == "org-lead");
                let c = ClosedWord {
                    kinds: info.kinds,
                    role: info.role,
                    role_tail: info.role_tail,
                    org_tail,
                    org_lead,
                };
                closed.push((w.clone(), c));
            }
        }
        lex.closed_words = table::WordTable::new(closed.into_iter());
        lex.word_table = table::WordTable::new(std::mem::take(&mut lex.word_info).into_iter());
        Ok(lex)
    }

    /// The category of institution type `kind` ("ministry", "party" …), if the lexicon
    /// gives one; a composed type (`dinas-perikanan`, `partai-ummat`) has its head's.
    pub fn category_of(&self, kind: &str) -> Option<&str> {
        let find = |k: &str| self.institution_kind(k)?.category.as_deref();
        find(kind).or_else(|| find(kind.split('-').next()?))
    }

    /// The first row of `institutions` of type id `kind`.
    pub fn institution_kind(&self, kind: &str) -> Option<&InstitutionEntry> {
        let i = *self.institution_kinds.get(kind)?;
        self.institutions.get(i as usize)
    }

    /// The title of class `role` (a description: "warga", "kuasa hukum") whose alias is
    /// the folded phrase `words` (one space between words), if any.
    pub fn role(&self, words: &str) -> Option<u32> {
        self.role_aliases.get(words).copied()
    }

    /// How many personal names the names lexicons hold.
    pub fn name_count(&self) -> usize {
        self.word_table
            .values()
            .filter(|w| w.name.is_some())
            .count()
    }

    /// How many common words the words lexicons hold.
    pub fn common_word_count(&self) -> usize {
        self.word_table.values().filter(|w| w.common).count()
    }

    /// How the names lexicon knows a folded word, if it does.
    pub fn name_class(&self, folded: &str) -> Option<NameClass> {
        self.word(folded)?.name
    }

    /// Whether a folded word is a common word of the press (the `words` lexicons): words
    /// the press writes in lowercase, so that a capitalized one is a sentence start or
    /// part of a name of something, not evidence of a person.
    pub fn is_common(&self, folded: &str) -> bool {
        self.word(folded).is_some_and(|w| w.common)
    }

    /// What the lexicons say of a folded word (common word, personal name, one-word term),
    /// if anything.
    pub fn word(&self, folded: &str) -> Option<&WordInfo> {
        self.word_table.get(folded)
    }

    /// Whether the folded word is a one-word alias of a term of word class `kind`.
    pub fn word_is(&self, folded: &str, kind: &str) -> bool {
        match term_kind_bit(kind) {
            kind::OTHER => self
                .word(folded)
                .is_some_and(|w| w.terms.iter().any(|&t| self.terms[t as usize].kind == kind)),
            // The small table of closed classes has the same bits.
            bit => self.closed(folded).kinds & bit != 0,
        }
    }

    /// The term kinds of a folded word, as bits of [`kind`].
    pub fn word_kinds(&self, folded: &str) -> u32 {
        self.closed(folded).kinds
    }

    /// What the closed classes say of a folded word (term kinds, descriptions).
    pub fn closed(&self, folded: &str) -> ClosedWord {
        self.closed_words.get(folded).copied().unwrap_or_default()
    }

    /// The one-word aliases (folded) of the terms of word class `kind`, with their term.
    pub fn term_words<'a>(
        &'a self,
        kind: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a TermEntry)> + 'a {
        let run = self.term_word_runs.get(kind).cloned().unwrap_or_default();
        self.term_words[run]
            .iter()
            .map(|(w, i)| (w.as_str(), &self.terms[*i as usize]))
    }

    /// The `context` words and phrases of `events` that folded sentence `sentence` holds
    /// on word boundaries, as ids for [`Lexicons::event_context_wanted`], into `out`
    /// (cleared first).
    pub fn event_contexts_in(&self, sentence: &str, out: &mut Vec<u32>) {
        out.clear();
        let Some(ac) = &self.event_context else {
            return;
        };
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
        out.extend(
            ac.find_overlapping_iter(sentence)
                .filter(|m| {
                    !word(sentence[..m.start()].chars().next_back())
                        && !word(sentence[m.end()..].chars().next())
                })
                .map(|m| m.pattern().as_u32()),
        );
    }

    /// Whether a sentence holding the context ids `found` (from
    /// [`Lexicons::event_contexts_in`]) gives row `row` of `events` the context it asks
    /// for (true for a row without context words).
    pub fn event_context_wanted(&self, row: usize, found: &[u32]) -> bool {
        self.event_context_rows
            .get(row)
            .is_none_or(|w| w.is_empty() || w.iter().any(|id| found.contains(id)))
    }

    /// The honorific, rank or degree written as `token` with or without its dots
    /// ("Dr", "dr.", "SE", "MSi"): its index into `terms`.
    pub fn compact_term(&self, token: &str) -> Option<u32> {
        self.compact_terms.get(&compact(token)).copied()
    }

    /// The place with id `id`.
    pub fn place(&self, id: &str) -> Option<&PlaceEntry> {
        self.place_index(id).map(|i| &self.places[i as usize])
    }

    /// The rows of `officials` of the person with official id `id` (the same person
    /// holds one row per office and term).
    pub fn official_rows(&self, id: &str) -> impl Iterator<Item = &OfficialEntry> + '_ {
        self.official_rows
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.officials[i as usize])
    }

    /// The rows of `officials` (index and row, in file order) of the office of title
    /// `title` over the place with id `jurisdiction`, whatever their terms.
    pub fn office_rows<'a>(
        &'a self,
        title: &str,
        jurisdiction: &str,
    ) -> impl Iterator<Item = (u32, &'a OfficialEntry)> + 'a {
        self.office_rows
            .get(title)
            .and_then(|by_place| by_place.get(jurisdiction))
            .into_iter()
            .flatten()
            .map(|&i| (i, &self.officials[i as usize]))
    }

    /// The index in `places` of the place with id `id`.
    pub fn place_index(&self, id: &str) -> Option<u32> {
        self.place_index.get(id).copied()
    }

    /// The index in `places` of the parent of place `p` (an index in `places`).
    pub fn place_parent(&self, p: u32) -> Option<u32> {
        self.place_parents.get(p as usize).copied().flatten()
    }
}

impl Loader {
    fn file(&mut self, path: &Path, text: &str) {
        let Some(kind) = kind_of(path) else {
            let msg =
                format!("unknown lexicon kind; expected a name starting with one of {KINDS:?}");
            self.problems.push(problem(path, 0, msg));
            return;
        };
        match kind {
            "places" => self.places(path, text),
            "place-aliases" => self.place_aliases(path, text),
            "institutions" => self.institutions(path, text),
            "titles" => self.titles(path, text),
            "units" => self.units(path, text),
            "officials" => self.officials(path, text),
            "events" => self.events(path, text),
            "elections" => self.elections(path, text),
            "groups" => self.groups(path, text),
            "names" => self.names(path, text),
            "words" => self.words(path, text),
            _ => self.terms(path, text),
        }
    }

    fn table<'a>(&mut self, path: &'a Path, text: &'a str, req: &[&str]) -> Option<Table<'a>> {
        Table::parse(path, text, req, &mut self.problems)
    }

    fn places(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["id", "name", "level", "parent"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(id), Some(name), Some(level)) = (
                t.required(row, "id", p),
                t.required(row, "name", p),
                t.required(row, "level", p),
            ) else {
                continue;
            };
            let Some(level) = Level::parse(level) else {
                p.push(problem(path, row.line, format!("unknown level '{level}'")));
                continue;
            };
            let parent = non_empty(t.get(row, "parent"));
            let i = self.lex.places.len();
            self.at
                .insert(("places", i), (path.to_path_buf(), row.line));
            let aliases = t.list(row, "aliases");
            self.lex.places.push(PlaceEntry {
                id: id.into(),
                name: name.into(),
                level,
                parent,
                aliases,
            });
        }
    }

    fn place_aliases(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["id", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            if let Some(id) = t.required(row, "id", &mut self.problems) {
                let at = (path.to_path_buf(), row.line);
                self.place_aliases
                    .push((id.to_string(), t.list(row, "aliases"), at));
            }
        }
    }

    fn institutions(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["type", "name", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(kind), Some(name)) = (t.required(row, "type", p), t.required(row, "name", p))
            else {
                continue;
            };
            let aliases = t.list(row, "aliases");
            let exact = t.list(row, "exact");
            let context: Vec<String> = t
                .list(row, "context")
                .iter()
                .map(|w| crate::normalize::fold(w))
                .collect();
            if let Some(x) = exact.iter().find(|x| !x.chars().any(char::is_uppercase)) {
                let msg = format!("exact form '{x}' has no capital letter");
                self.problems.push(problem(path, row.line, msg));
            }
            let pattern = match t.get(row, "pattern") {
                "" => None,
                "compose" => Some(NamePattern::Compose),
                "named" => Some(NamePattern::Named),
                other => {
                    let msg = format!("unknown pattern '{other}': expected compose or named");
                    self.problems.push(problem(path, row.line, msg));
                    None
                }
            };
            self.lex.institutions.push(InstitutionEntry {
                kind: kind.into(),
                name: name.into(),
                aliases,
                category: non_empty(t.get(row, "category")),
                exact,
                context,
                pattern,
            });
        }
    }

    fn titles(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["id", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            let Some(id) = t.required(row, "id", &mut self.problems) else {
                continue;
            };
            let i = self.lex.titles.len();
            self.at
                .insert(("titles", i), (path.to_path_buf(), row.line));
            let class = match t.get(row, "class") {
                "" | "office" => TitleClass::Office,
                "role" => TitleClass::Role,
                other => {
                    let msg = format!("unknown title class '{other}': expected office or role");
                    self.problems.push(problem(path, row.line, msg));
                    continue;
                }
            };
            self.lex.titles.push(TitleEntry {
                id: id.into(),
                institution: non_empty(t.get(row, "institution")),
                aliases: t.list(row, "aliases"),
                class,
            });
        }
    }

    fn units(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["type", "unit", "name", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(kind), Some(unit), Some(name)) = (
                t.required(row, "type", p),
                t.required(row, "unit", p),
                t.required(row, "name", p),
            ) else {
                continue;
            };
            let i = self.lex.units.len();
            self.at.insert(("units", i), (path.to_path_buf(), row.line));
            self.lex.units.push(UnitEntry {
                kind: kind.into(),
                unit: unit.into(),
                name: name.into(),
                aliases: t.list(row, "aliases"),
                jurisdiction: non_empty(t.get(row, "jurisdiction")),
            });
        }
    }

    fn officials(&mut self, path: &Path, text: &str) {
        let req = ["id", "name", "title", "jurisdiction", "from"];
        let Some(t) = self.table(path, text, &req) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(id), Some(name), Some(title), Some(from)) = (
                t.required(row, "id", p),
                t.required(row, "name", p),
                t.required(row, "title", p),
                t.required(row, "from", p),
            ) else {
                continue;
            };
            let Some(from) = parse_date(from, false) else {
                p.push(problem(
                    path,
                    row.line,
                    format!("bad date in 'from': '{from}'"),
                ));
                continue;
            };
            let to_cell = t.get(row, "to");
            let to = if to_cell.is_empty() {
                None
            } else if let Some(d) = parse_date(to_cell, true) {
                Some(d)
            } else {
                p.push(problem(
                    path,
                    row.line,
                    format!("bad date in 'to': '{to_cell}'"),
                ));
                continue;
            };
            if to.is_some_and(|to| to < from) {
                p.push(problem(
                    path,
                    row.line,
                    format!("'to' {to_cell} is before 'from'"),
                ));
            }
            let acting = non_empty(t.get(row, "acting"));
            if let Some(a) = acting
                .as_deref()
                .filter(|a| !matches!(*a, "pj" | "pjs" | "plt" | "plh"))
            {
                p.push(problem(
                    path,
                    row.line,
                    format!("unknown acting '{a}' (pj, pjs, plt, plh)"),
                ));
            }
            let i = self.lex.officials.len();
            self.at
                .insert(("officials", i), (path.to_path_buf(), row.line));
            self.lex.officials.push(OfficialEntry {
                id: id.into(),
                name: name.into(),
                short_names: t.list(row, "short_names"),
                title: title.into(),
                acting,
                jurisdiction: non_empty(t.get(row, "jurisdiction")),
                institution: non_empty(t.get(row, "institution")),
                from,
                to,
            });
        }
    }

    fn events(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["kind", "subtype", "triggers"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(kind), Some(subtype)) =
                (t.required(row, "kind", p), t.required(row, "subtype", p))
            else {
                continue;
            };
            self.lex.events.push(EventEntry {
                kind: kind.into(),
                subtype: subtype.into(),
                triggers: t.list(row, "triggers"),
                qualifiers: t.list(row, "qualifiers"),
                context: t
                    .list(row, "context")
                    .iter()
                    .map(|w| crate::normalize::fold(w))
                    .collect(),
            });
        }
    }

    fn groups(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["type", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            let Some(kind) = t.required(row, "type", &mut self.problems) else {
                continue;
            };
            let aliases = t.list(row, "aliases");
            if aliases.is_empty() {
                let msg = format!("group '{kind}' has no aliases");
                self.problems.push(problem(path, row.line, msg));
                continue;
            }
            self.lex.groups.push(GroupEntry {
                kind: kind.into(),
                aliases,
            });
        }
    }

    fn elections(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["id", "kind", "year", "date"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(id), Some(kind), Some(year), Some(date)) = (
                t.required(row, "id", p),
                t.required(row, "kind", p),
                t.required(row, "year", p),
                t.required(row, "date", p),
            ) else {
                continue;
            };
            let Ok(year) = year.parse::<i16>() else {
                p.push(problem(path, row.line, format!("bad year '{year}'")));
                continue;
            };
            let Ok(date) = date.parse::<Date>() else {
                p.push(problem(
                    path,
                    row.line,
                    format!("bad date '{date}' (YYYY-MM-DD)"),
                ));
                continue;
            };
            let aliases = t.list(row, "aliases");
            self.lex.elections.push(ElectionEntry {
                id: id.into(),
                kind: kind.into(),
                year,
                date,
                aliases,
            });
        }
    }

    fn names(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["name", "class"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(name), Some(class)) =
                (t.required(row, "name", p), t.required(row, "class", p))
            else {
                continue;
            };
            let class = match class {
                "given" => NameClass::Given,
                "family" => NameClass::Family,
                "particle" => NameClass::Particle,
                other => {
                    let msg =
                        format!("unknown name class '{other}': expected given, family or particle");
                    p.push(problem(path, row.line, msg));
                    continue;
                }
            };
            let info = self
                .lex
                .word_info
                .entry(crate::normalize::fold(name))
                .or_default();
            info.name.get_or_insert(class);
        }
    }

    fn words(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["word"]) else {
            return;
        };
        for row in t.rows() {
            if let Some(w) = t.required(row, "word", &mut self.problems) {
                let key = if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                    crate::normalize::fold(w)
                } else {
                    w.to_string()
                };
                let count = |c: &str| t.get(row, c).parse::<u64>().ok();
                let share = match (count("lower"), count("capitalized")) {
                    (Some(l), Some(c)) if l + c > 0 => (100 * l / (l + c)) as u8,
                    _ => 100,
                };
                let info = self.lex.word_info.entry(key).or_default();
                info.common = true;
                info.lower_share = info.lower_share.max(share);
            }
        }
    }

    fn terms(&mut self, path: &Path, text: &str) {
        let Some(t) = self.table(path, text, &["kind", "value", "aliases"]) else {
            return;
        };
        for row in t.rows() {
            let p = &mut self.problems;
            let (Some(kind), Some(value)) =
                (t.required(row, "kind", p), t.required(row, "value", p))
            else {
                continue;
            };
            let aliases = t.list(row, "aliases");
            if LOOKUP_KINDS.contains(&kind) {
                if let Some(a) = aliases.iter().find(|a| a.contains(' ')) {
                    let msg = format!("'{kind}' terms are single words: '{a}'");
                    p.push(problem(path, row.line, msg));
                }
            }
            self.lex.terms.push(TermEntry {
                kind: kind.into(),
                value: value.into(),
                aliases,
            });
        }
    }

    /// Cross-references: place parents, alias ids, official titles and places, unique ids.
    fn finish(mut self) -> Result<Lexicons, Error> {
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, p) in self.lex.places.iter().enumerate() {
            if index.insert(p.id.clone(), i).is_some() {
                let (path, line) = &self.at[&("places", i)];
                self.problems.push(problem(
                    path,
                    *line,
                    format!("duplicate place id '{}'", p.id),
                ));
            }
        }
        for (i, p) in self.lex.places.iter().enumerate() {
            if let Some(parent) = p.parent.as_deref().filter(|q| !index.contains_key(*q)) {
                let (path, line) = &self.at[&("places", i)];
                let msg = format!("unknown parent '{parent}' of place '{}'", p.id);
                self.problems.push(problem(path, *line, msg));
            }
        }
        for (id, aliases, (path, line)) in std::mem::take(&mut self.place_aliases) {
            match index.get(&id) {
                Some(&i) => self.lex.places[i].aliases.extend(aliases),
                None => {
                    let msg = format!("unknown place id '{id}'");
                    self.problems.push(problem(&path, line, msg));
                }
            }
        }
        self.check_refs(&index);
        self.lex.place_parents = self
            .lex
            .places
            .iter()
            .map(|p| {
                let parent = index.get(p.parent.as_deref()?)?;
                Some(*parent as u32)
            })
            .collect();
        self.lex.place_index = index.into_iter().map(|(k, v)| (k, v as u32)).collect();
        if self.problems.is_empty() {
            Ok(self.lex)
        } else {
            Err(Error::Lexicon(self.problems))
        }
    }

    fn check_refs(&mut self, places: &HashMap<String, usize>) {
        let titles: HashSet<&str> = self.lex.titles.iter().map(|t| t.id.as_str()).collect();
        let title_bodies: HashSet<(&str, &str)> = self
            .lex
            .titles
            .iter()
            .filter_map(|t| Some((t.id.as_str(), t.institution.as_deref()?)))
            .collect();
        let types: HashSet<&str> = self
            .lex
            .institutions
            .iter()
            .map(|i| i.kind.as_str())
            .collect();
        let mut bad = Vec::new();
        for (i, o) in self.lex.officials.iter().enumerate() {
            let at = &self.at[&("officials", i)];
            if !titles.contains(o.title.as_str()) {
                bad.push((at.clone(), format!("unknown title '{}'", o.title)));
            }
            if let Some(k) = o.institution.as_deref() {
                if !types.contains(k) {
                    bad.push((at.clone(), format!("unknown institution type '{k}'")));
                } else if !title_bodies.is_empty()
                    && titles.contains(o.title.as_str())
                    && !title_bodies.contains(&(o.title.as_str(), k))
                    && self
                        .lex
                        .titles
                        .iter()
                        .any(|t| t.id == o.title && t.institution.is_some())
                {
                    let msg = format!("no title '{}' of institution '{k}'", o.title);
                    bad.push((at.clone(), msg));
                }
            }
            if let Some(j) = o
                .jurisdiction
                .as_deref()
                .filter(|j| !places.contains_key(*j))
            {
                bad.push((at.clone(), format!("unknown jurisdiction '{j}'")));
            }
        }
        for (i, t) in self.lex.titles.iter().enumerate() {
            if let Some(inst) = t.institution.as_deref().filter(|k| !types.contains(*k)) {
                let at = &self.at[&("titles", i)];
                bad.push((at.clone(), format!("unknown institution type '{inst}'")));
            }
        }
        for (i, u) in self.lex.units.iter().enumerate() {
            let at = &self.at[&("units", i)];
            if let Some(j) = u
                .jurisdiction
                .as_deref()
                .filter(|j| !places.contains_key(*j))
            {
                bad.push((at.clone(), format!("unknown jurisdiction '{j}'")));
            }
            if !types.contains(u.kind.as_str()) {
                bad.push((at.clone(), format!("unknown institution type '{}'", u.kind)));
            }
        }
        for ((path, line), msg) in bad {
            self.problems.push(problem(&path, line, msg));
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date is its first day, or its
/// last day when `end` is set.
fn parse_date(s: &str, end: bool) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let year: i16 = parts.first()?.parse().ok()?;
    let num = |i: usize| parts.get(i).and_then(|x| x.parse::<i8>().ok());
    match parts.len() {
        1 if end => Date::new(year, 12, 31).ok(),
        1 => Date::new(year, 1, 1).ok(),
        2 => {
            let first = Date::new(year, num(1)?, 1).ok()?;
            Some(if end { first.last_of_month() } else { first })
        }
        3 => Date::new(year, num(1)?, num(2)?).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> LexiconFiles {
        let mut f = LexiconFiles::empty();
        for (name, text) in list {
            f.add(PathBuf::from(name), text.to_string());
        }
        f
    }

    #[test]
    fn place_parents_by_index() {
        let lex = Lexicons::load(&LexiconFiles::embedded()).unwrap();
        let kukar = lex.place_index("64.02").unwrap();
        let kaltim = lex.place_index("64").unwrap();
        let country = lex.place_index("ID").unwrap();
        assert_eq!(lex.places[kukar as usize].name, "Kutai Kartanegara");
        assert_eq!(lex.place_parent(kukar), Some(kaltim));
        assert_eq!(lex.place_parent(kaltim), Some(country));
        assert_eq!(lex.place_parent(country), None);
        assert_eq!(lex.place_parent(u32::MAX), None);
    }

    #[test]
    fn partial_dates() {
        assert_eq!(
            parse_date("2023-10-02", false),
            Some(jiff::civil::date(2023, 10, 2))
        );
        assert_eq!(
            parse_date("2024-02", true),
            Some(jiff::civil::date(2024, 2, 29))
        );
        assert_eq!(
            parse_date("2024", false),
            Some(jiff::civil::date(2024, 1, 1))
        );
        assert_eq!(parse_date("2024-13-01", false), None);
        assert_eq!(parse_date("kemarin", false), None);
        assert_eq!(parse_date("2024-1-2-3", false), None);
    }

    #[test]
    fn kinds_from_file_names() {
        assert_eq!(kind_of(Path::new("a/places.tsv")), Some("places"));
        assert_eq!(kind_of(Path::new("places-extra.tsv")), Some("places"));
        assert_eq!(
            kind_of(Path::new("place-aliases.tsv")),
            Some("place-aliases")
        );
        assert_eq!(kind_of(Path::new("placesx.tsv")), None);
        assert_eq!(kind_of(Path::new("notes.tsv")), None);
    }

    #[test]
    fn all_problems_at_once_with_path_and_line() {
        let f = files(&[
            ("places.tsv", "id\tname\tlevel\tparent\n64\tKaltim\tprovinsi\t\n64.02\tKukar\tkabupaten\t99\n64.03\tBerau\tregency\t64\n64\tDup\tprovinsi\t\n"),
            ("place-aliases.tsv", "id\taliases\n65\tKaltara\n"),
            ("titles.tsv", "id\tinstitution\taliases\ngubernur\t\tGubernur\n"),
            ("officials.tsv", "id\tname\ttitle\tacting\tjurisdiction\tfrom\tto\nx\tX\tgubernur\tpj\t64\t2023-99-01\t\ny\tY\tcamat\tacting\t64\t2023\t2022\n"),
            ("notes.tsv", "a\n"),
        ]);
        let err = Lexicons::load(&f).unwrap_err();
        let got: Vec<String> = err
            .lexicon_problems()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "places.tsv:4: unknown level 'regency'",
                "officials.tsv:2: bad date in 'from': '2023-99-01'",
                "officials.tsv:3: 'to' 2022 is before 'from'",
                "officials.tsv:3: unknown acting 'acting' (pj, pjs, plt, plh)",
                "notes.tsv: unknown lexicon kind; expected a name starting with one of [\"places\", \"place-aliases\", \"institutions\", \"titles\", \"units\", \"officials\", \"events\", \"elections\", \"groups\", \"terms\", \"names\", \"words\"]",
                "places.tsv:5: duplicate place id '64'",
                "places.tsv:3: unknown parent '99' of place '64.02'",
                "place-aliases.tsv:2: unknown place id '65'",
                "officials.tsv:3: unknown title 'camat'",
            ]
        );
    }

    #[test]
    fn a_folder_file_replaces_the_embedded_one_of_the_same_name() {
        let mut f = files(&[(
            "lexicons/places.tsv",
            "id\tname\tlevel\tparent\n64\tA\tprovinsi\t\n",
        )]);
        f.add(
            PathBuf::from("/tmp/x/places.tsv"),
            "id\tname\tlevel\tparent\n65\tB\tprovinsi\t\n".into(),
        );
        let lex = Lexicons::load(&f).unwrap();
        assert_eq!(lex.places.len(), 1);
        assert_eq!(lex.places[0].id, "65");
    }

    #[test]
    fn embedded_lexicons_load_without_problems() {
        let lex = Lexicons::load(&LexiconFiles::embedded()).unwrap();
        assert!(lex
            .places
            .iter()
            .any(|p| p.id == "64.02" && p.aliases.iter().any(|a| a == "Kukar")));
        assert!(lex
            .titles
            .iter()
            .any(|t| t.id == "kapolda" && t.institution.as_deref() == Some("polda")));
    }
}
