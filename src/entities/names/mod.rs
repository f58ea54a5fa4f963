//! People without titles: capitalized names read from how Indonesian news introduces a
//! person.
//!
//! The [`people`](super::people) stage finds people behind an office ("Bupati Kukar
//! Edi Damansyah"). This stage reads the other capitalized runs ([`Runs`]) that no hit
//! explains and decides, run by run, whether they name a person. Every decision carries
//! a rule id, so that a wrong one can be traced ([`Decision`]).
//!
//! # Rules
//! A run is first cut into candidates: a gazetteer hit inside it (a place, an
//! institution, a title, an event word) and a word of the closed `not-name` class
//! (weekdays, months, "Kota", "Jalan", "Universitas" …) end a candidate; honorifics and
//! ranks at its start are kept as the person's honorifics. A candidate is then
//!
//! * `known` — the full or short name of an official of the lexicon: a person, with the
//!   office the lexicon gives them on the reference day;
//! * `initials` — a word in capitals (2–4 letters) after "berinisial"/"inisial", after a
//!   description ("tersangka AS"), or before an age ("AS (32)"): a person named "AS";
//!   `acronym` otherwise: not a person;
//! * `headline` — in a headline written in Title Case, where capitals say nothing: left;
//! * `coref` — a name already found, or one word of it: a mention of that person;
//! * a person when the text introduces it as one: `honorific` ("Pak", "Bu", "H.",
//!   "dr."), `speech-before` ("kata Budi"), `named` ("bernama Budi"), `role` ("warga Desa
//!   X, Budi", "korban Budi": the description becomes the role), `kin` ("istri Budi"),
//!   `age` ("Budi (45)"), `born` ("Budi (lahir 1970)"), `degree` ("Budi, S.H."),
//!   `person-verb` ("Budi mengatakan", "Budi lahir di"), `apposition` ("Budi, warga Desa
//!   X," / "Budi, Kepala Dinas Kesehatan Riau,": the description or office becomes the
//!   role). Without a firm cue (an honorific, "bernama", an age, a birth note, a degree) a
//!   candidate is still rejected when its first word is a common word of the press (the
//!   `words` lexicon) and no known name (`common-word`), when its run began the name of
//!   something else right before it (`part-of-name`: "Masjid Nurul Iman", "The Lovely
//!   Bones"), or when it holds a word in capitals (`acronym-in-name`: "Peace TV");
//! * not a person after a noun that names things (`thing`: "film", "klub", "pesawat"),
//!   inside the name of something else (`part-of-name`), with a word in capitals
//!   (`acronym-in-name`), or inside quote marks (`quoted`: titles of works);
//! * `given-name` — every word a known given or family name, or two words or more of
//!   which one is and none is a common word;
//! * `proper` — otherwise, a run of two or more capitalized words that are no common
//!   words, not at a sentence start and not after a locative word ("di", "ke", "dari");
//!   single words are `unknown` and left; a run that a place noun opens or follows
//!   ("Prefektur Ibaraki", "puncaknya Seulawah Dara") is a place's name (`place-name`), and
//!   one holding a Roman numeral ("WrestleMania XXVI") numbers a thing (`numbered`).

mod around;
mod candidates;

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use jiff::civil::Date;

use super::institutions::Mention;
use super::people::{add_person, add_role, tidy, FoundRole, People};
use super::places::Places;
use super::proper::{Runs, Shape};
use super::Context;
use crate::lexicon::{Lexicons, NameClass, WordInfo};
use around::{After, Before};
use candidates::Candidate;

/// One decision about a candidate name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Normalized byte range of the candidate.
    pub range: Range<usize>,
    /// Whether it was taken as a person's name.
    pub person: bool,
    /// The rule that decided ("honorific", "common-word", …).
    pub rule: &'static str,
}

/// What this stage reads besides the context.
#[derive(Clone, Debug)]
pub struct Input<'a> {
    /// The gazetteer's hits and the lexicons.
    pub ctx: &'a Context<'a>,
    /// The places resolved for the hits.
    pub places: &'a Places,
    /// The institutions the article names, in text order (a description before a name
    /// may belong to one: "Rektor UGM Ova Emilia").
    pub bodies: &'a [Mention],
    /// The capitalized runs of the text.
    pub runs: &'a Runs,
    /// What the lexicons say of each word of `runs` ([`word_infos`]).
    pub infos: &'a [Option<&'a WordInfo>],
    /// The headline, when it is written in Title Case (its capitals are no evidence).
    pub title_case_headline: Option<Range<usize>>,
    /// The day the article speaks of, for the offices of known officials.
    pub reference: Option<Date>,
}

/// What the lexicons say of each word of `runs` (in `folded`, the folded text), looked
/// up once for [`Input::infos`].
pub fn word_infos<'l>(lex: &'l Lexicons, folded: &str, runs: &Runs) -> Vec<Option<&'l WordInfo>> {
    runs.words
        .iter()
        .map(|w| lex.word(folded[w.range.clone()].trim_end_matches('.')))
        .collect()
}

/// Finds the people that the runs name, adds them to `people` and, when `log` is given,
/// records every decision there.
pub fn resolve(input: &Input, people: &mut People, log: Option<&mut Vec<Decision>>) {
    let mut log = log;
    let mut index: FxHashMap<String, usize> = people
        .people
        .iter()
        .enumerate()
        .flat_map(|(k, p)| {
            p.mentions
                .iter()
                .map(move |m| (input.ctx.folded[m.clone()].to_string(), k))
        })
        .collect();
    let mut taken: Vec<Range<usize>> = people
        .people
        .iter()
        .flat_map(|p| p.mentions.iter().cloned())
        .chain(people.offices.iter().map(|o| o.range.clone()))
        // Bodies found by their form ("James Last Orchestra", "Universitas X"): their
        // words are theirs.
        .chain(
            input
                .bodies
                .iter()
                .filter(|m| m.label.is_some())
                .map(|m| m.range.clone()),
        )
        .collect();
    taken.sort_by_key(|r| r.start);
    let infos = input.infos;
    let mut hit = 0;
    let mut deferred: Vec<(Range<usize>, Option<usize>)> = Vec::new();
    let mut places_named: FxHashSet<&str> = FxHashSet::default();
    let mut coref = Coref {
        names: FxHashMap::default(),
        quotes: around::Quotes::new(input.ctx.text),
        seen: 0,
    };
    for run in input.runs.runs() {
        for cand in candidates::cut(input, infos, run, &mut hit, &taken) {
            let range = input.runs.range(cand.words.clone());
            coref.update(people, input.ctx.lex);
            let (mut verdict, mut rule) = decide(input, infos, &cand, people, &coref);
            // A name the article has written as a place's ("stasiun Clarke Quay") stays a
            // place's where nothing but its form says it is a person's.
            let folded = &input.ctx.folded[range.clone()];
            // (After a place noun only: "ke Erwin", "dari Marquez" are people as often.)
            if rule == "locative" && place_noun(input.ctx.word_before(range.start)) {
                places_named.insert(folded);
            } else if matches!(rule, "proper" | "given-name") && places_named.contains(folded) {
                (verdict, rule) = (Verdict::Left, "named-place");
            }
            if matches!(verdict, Verdict::Person(_))
                && cand.known.is_none()
                && spelled_out_after(input.ctx.text, range.clone())
            {
                (verdict, rule) = (Verdict::Left, "acronym-spelled-out");
            }
            if let Some(log) = log.as_deref_mut() {
                log.push(Decision {
                    range: range.clone(),
                    person: matches!(verdict, Verdict::Person(_) | Verdict::Mention(_)),
                    rule,
                });
            }
            match verdict {
                Verdict::Person(role) => {
                    // The description before the name (and its honorifics), if no cue
                    // gave one: "tokoh agama setempat, K.H. Abdul Mu'in".
                    // And the description of a list the name is in, beside its own
                    // ("tersangka adalah HR (52) dan MY (38), warga setempat").
                    let role = role.or_else(|| around::role_before(input, cand.lead));
                    let list = around::role_of_list(input, range.start);
                    let (role, list) = match role {
                        Some(r) => (Some(r), list),
                        None => (list, None),
                    };
                    let honorifics = if cand.honorifics.is_empty() {
                        around::honorifics_before(input.ctx, range.start)
                    } else {
                        cand.honorifics
                    };
                    let k = add_person(
                        input.ctx,
                        &mut people.people,
                        &mut index,
                        range,
                        honorifics,
                        role,
                    );
                    if let Some(list) = list {
                        add_role(&mut people.people[k], list);
                    }
                    let end = people.people[k].mentions.last().map_or(0, |m| m.end);
                    if let Some(extra) = around::apposition_role(input, end) {
                        add_role(&mut people.people[k], extra);
                    }
                    if let (Some(o), None) = (cand.known, people.people[k].official) {
                        people.people[k].official = Some(o);
                        if let Some(role) = known_role(input, o) {
                            add_role(&mut people.people[k], role);
                        }
                    }
                }
                Verdict::Mention(k) => people.people[k].mentions.push(range),
                Verdict::Apposition(o) => {
                    let list = around::role_of_list(input, range.start);
                    let office = people.offices.remove(o);
                    let k = add_person(
                        input.ctx,
                        &mut people.people,
                        &mut index,
                        range,
                        cand.honorifics,
                        Some(office.role),
                    );
                    people.people[k].mentions.push(office.range);
                    if let Some(role) = list {
                        add_role(&mut people.people[k], role);
                    }
                }
                // A name found later may be written before it alone ("Budi" …
                // "Budi Santoso"): looked up again at the end.
                Verdict::Left if DEFERRED.contains(&rule) => {
                    let logged = log.as_deref().map(|l| l.len() - 1);
                    deferred.push((range, logged));
                }
                Verdict::Left => {}
            }
        }
    }
    merge_short_names(people);
    // People were merged: their indices moved.
    coref.names.clear();
    coref.seen = 0;
    coref.update(people, input.ctx.lex);
    for (range, logged) in deferred {
        if place_noun(input.ctx.word_before(range.start)) {
            continue;
        }
        if let Some(k) = coref.find(input.ctx, &range) {
            if let Some(d) = logged.and_then(|i| log.as_deref_mut()?.get_mut(i)) {
                d.person = true;
                d.rule = "coref";
            }
            // Its description, if the text gives one there.
            if let Some(role) = around::role_of_list(input, range.start) {
                add_role(&mut people.people[k], role);
            }
            people.people[k].mentions.push(range);
        }
    }
    tidy(&mut people.people);
}

/// A person known by one word ("Menlu Retno" of a headline) who is one word of exactly
/// one other person's name ("Retno Marsudi") with no office that contradicts theirs is
/// that person.
fn merge_short_names(people: &mut People) {
    let mut k = 0;
    while k < people.people.len() {
        let short = crate::normalize::fold(&people.people[k].name);
        let target = if short.contains(' ') || short.chars().count() < 3 {
            None
        } else {
            let mut found = people.people.iter().enumerate().filter(|&(j, p)| {
                j != k
                    && crate::normalize::fold(&p.name)
                        .split(' ')
                        .any(|w| w == short)
                    && p.name.contains(' ')
            });
            match (found.next(), found.next()) {
                (Some((j, p)), None) => {
                    let roles = &people.people[k].roles;
                    let fits = roles
                        .iter()
                        .all(|r| p.roles.iter().any(|q| q.title == r.title) || p.roles.is_empty())
                        || roles.is_empty();
                    fits.then_some(j)
                }
                _ => None,
            }
        };
        match target {
            Some(j) => {
                let p = people.people.remove(k);
                let j = if j > k { j - 1 } else { j };
                let into = &mut people.people[j];
                into.mentions.extend(p.mentions);
                for r in p.roles {
                    add_role(into, r);
                }
                if into.official.is_none() {
                    into.official = p.official;
                }
            }
            None => k += 1,
        }
    }
}

/// Rules whose rejected candidates are looked up again once every person is known.
const DEFERRED: &[&str] = &[
    "unknown",
    "sentence-start",
    "common-word",
    "locative",
    "quoted",
];

/// Whether a word is a noun of a kind of place whose name follows it ("jalan Dewi
/// Sartika", "desa Sukamaju", "distrik Isa"): the name after it is the place's, even when
/// it is also a word of a person's name.
fn place_noun(word: &str) -> bool {
    // "desanya", "puncaknya": the place noun with its possessive.
    let word = word.strip_suffix("nya").unwrap_or(word);
    matches!(
        word,
        "jalan"
            | "jl"
            | "jl."
            | "jln"
            | "gang"
            | "gg"
            | "desa"
            | "dusun"
            | "kampung"
            | "kota"
            | "kabupaten"
            | "kecamatan"
            | "kelurahan"
            | "pulau"
            | "gunung"
            | "sungai"
            | "stasiun"
            | "bandara"
            | "pelabuhan"
            | "perumahan"
            | "kompleks"
            | "distrik"
            | "prefektur"
            | "provinsi"
            | "puncak"
            | "bukit"
            | "danau"
            | "teluk"
            | "tanjung"
            | "pantai"
            | "selat"
            | "lembah"
            // Venues and buildings named after people: "Stadion Si Jalak Harupat",
            // "Gelora Bung Karno", "Paviliun Kartika", "Gedung Juang".
            | "stadion"
            | "gelora"
            | "lapangan"
            | "gedung"
            | "wisma"
            | "graha"
            | "menara"
            | "paviliun"
            | "taman"
            | "monumen"
            | "museum"
            | "terminal"
            | "bundaran"
            | "tugu"
    )
}

/// Whether a place noun stands before `at`, right before it (`Some(false)`) or before
/// ranks, honorifics, "si", "sang" or "bung" there (`Some(true)`: "Jalan Jenderal
/// Sudirman", "Stadion Si Jalak Harupat", "Gelora Bung Karno").
fn place_noun_before(ctx: &Context, at: usize) -> Option<bool> {
    let mut pos = at;
    for skipped in 0..3 {
        let word = ctx.word_before(pos);
        // `word` is a slice of `ctx.folded`: where it starts.
        let start = word.as_ptr() as usize - ctx.folded.as_ptr() as usize;
        // "Selamat jalan, Pak Asmara": a farewell, no street.
        if place_noun(word) && !(word == "jalan" && ctx.word_before(start) == "selamat") {
            if skipped == 0 {
                return Some(false);
            }
            // Past titles, only a street's or a venue's noun written as a name's first
            // word: not "Polres Metro Bekasi Kota Kompol Arman" (a body's name ends in
            // "Kota"), not "selamat jalan Bapak Habibie".
            let written = ctx.text[start..].starts_with(char::is_uppercase);
            let admin = matches!(
                word,
                "kota" | "kabupaten" | "kecamatan" | "kelurahan" | "desa" | "provinsi" | "distrik"
            );
            return (written && !admin).then_some(true);
        }
        let title = matches!(word, "si" | "sang" | "bung")
            || ctx.lex.word_is(word, "rank")
            || ctx.lex.word_is(word, "honorific");
        if word.is_empty() || !title {
            return None;
        }
        pos = start;
    }
    None
}

/// Whether `word` is a Roman numeral in its usual form, up to 399 ("II", "XXVI", "XLII"):
/// of two letters or more, or "V" or "X" (a single "I" may be an initial).
fn is_roman_numeral(word: &str) -> bool {
    const TENS: [&str; 10] = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
    const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    if word.len() < 2 && !matches!(word, "V" | "X") {
        return false;
    }
    let rest = word.trim_start_matches('C');
    word.len() - rest.len() <= 3
        && TENS
            .iter()
            .any(|t| rest.strip_prefix(t).is_some_and(|r| ONES.contains(&r)))
}

/// Whether the one word at `range` is an acronym spelled out in parentheses after it:
/// "Kosgoro (Koperasi Serba Guna Gotong Royong)", "Bappeda (Badan Perencanaan Pembangunan
/// Daerah)": the word is made of the beginnings of at least two of the words in the
/// parentheses, in order, the first one's included. A person's name is not spelled out so
/// ("Agus (Anggota DPRD Sulsel)": "us" begins none of the words after "Ag").
fn spelled_out_after(text: &str, range: Range<usize>) -> bool {
    let word: Vec<char> = text[range.clone()]
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    if word.len() < 3 || word.contains(&' ') {
        return false;
    }
    let Some(inside) = text[range.end..]
        .trim_start_matches(' ')
        .strip_prefix('(')
        .and_then(|r| r.get(..r.find(')').filter(|&c| c <= 120)?))
    else {
        return false;
    };
    let words: Vec<Vec<char>> = inside
        .split_whitespace()
        .take(12)
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    let capitalized = inside.trim_start().starts_with(char::is_uppercase);
    capitalized && words.len() >= 2 && made_of_beginnings(&word, &words)
}

/// Whether `acronym` is the concatenation of beginnings of `words`, in order: of the
/// first word at least its first letter, of the others possibly nothing. A table of the
/// prefix lengths reachable after each word: linear in the words times the acronym.
fn made_of_beginnings(acronym: &[char], words: &[Vec<char>]) -> bool {
    let n = acronym.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for (j, word) in words.iter().enumerate() {
        let mut next = vec![false; n + 1];
        for i in (0..=n).filter(|&i| reach[i]) {
            let common = word
                .iter()
                .zip(&acronym[i..])
                .take_while(|(a, b)| a == b)
                .count();
            for k in usize::from(j == 0)..=common {
                next[i + k] = true;
            }
        }
        reach = next;
    }
    reach[n]
}

/// What a candidate is.
enum Verdict {
    /// A person, with a role when the text gives one.
    Person(Option<FoundRole>),
    /// Another mention of person `k`.
    Mention(usize),
    /// A person whose office follows as an apposition: `people.offices[k]`.
    Apposition(usize),
    /// Not a person.
    Left,
}

/// The decision about one candidate, and its rule.
fn decide(
    input: &Input,
    infos: &[Option<&WordInfo>],
    cand: &Candidate,
    people: &People,
    coref: &Coref,
) -> (Verdict, &'static str) {
    let ctx = input.ctx;
    let words = &input.runs.words[cand.words.clone()];
    let range = input.runs.range(cand.words.clone());
    if cand.known.is_some() {
        if let Some(k) = coref.find(ctx, &range) {
            return (Verdict::Mention(k), "coref");
        }
        return (Verdict::Person(None), "known");
    }
    // "jalan Sudirman" is a street even in an article about Sudirman; so are the names
    // that ranks and honorifics put between a place noun and a name ("Jalan Jenderal
    // Sudirman", "Jl Kapten Tendean", "Gelora Bung Karno").
    let after_place_noun = place_noun_before(ctx, range.start);
    if after_place_noun == Some(true) {
        return (Verdict::Left, "place-name");
    }
    let after_place_noun = after_place_noun.is_some();
    // A run that a venue's or a place's noun opens names it ("Paviliun Kartika").
    if words.len() >= 2 && place_noun(ctx.folded[words[0].range.clone()].trim_end_matches('.')) {
        return (Verdict::Left, "place-name");
    }
    if let Some(k) = coref.find(ctx, &range).filter(|_| !after_place_noun) {
        return (Verdict::Mention(k), "coref");
    }
    let upper_only = words
        .iter()
        .all(|w| matches!(w.shape, Shape::Upper | Shape::Initial));
    if upper_only {
        let before = Before::read(input, people, range.start, !cand.honorifics.is_empty());
        let after = After::read(input, people, range.end);
        // Capitals that a capitalized word follows are an acronym inside a name ("SMP
        // Negeri 1", "RSUD Kota Bogor"), not a suspect's initials.
        let named_on = ctx.text[range.end..]
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase));
        let initials = words.len() == 1
            && (2..=4).contains(&range.len())
            && !named_on
            && (matches!(before, Before::Initials | Before::Role(_))
                || matches!(after, After::Age));
        if !initials {
            return (Verdict::Left, "acronym");
        }
        // The description: before the initials, after their age, or before the list
        // they are in ("Ketiga tersangka adalah HR (52), AS (45) dan MY (38)").
        let role = match (before, after) {
            (Before::Role(r), _) => Some(r),
            (_, After::Age) => match around::apposition_after_note(input, people, range.end) {
                Some(After::Role(r)) => Some(r),
                _ => None,
            },
            _ => None,
        };
        let role = role.or_else(|| around::role_of_list(input, range.start));
        return (Verdict::Person(role), "initials");
    }
    if input
        .title_case_headline
        .as_ref()
        .is_some_and(|h| h.start <= range.start && range.end <= h.end)
    {
        return (Verdict::Left, "headline");
    }
    let info = |k: usize| infos[cand.words.start + k];
    let is_name = |i: Option<&WordInfo>| {
        i.is_some_and(|w| matches!(w.name, Some(NameClass::Given | NameClass::Family)))
    };
    let common = |i: Option<&WordInfo>| i.is_some_and(|w| w.common) && !is_name(i);
    let (mut names, mut real, mut any_common) = (0, 0, false);
    for (k, _) in words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.shape != Shape::Particle)
    {
        let i = info(k);
        real += 1;
        names += usize::from(is_name(i));
        any_common |= common(i);
    }
    let first_common = !words.is_empty() && common(info(0));
    // A word in capitals inside a longer name ("Peace TV", "Hamburger SV"), other than
    // a roman numeral ("Jonas II").
    let acronym = words.len() > 1
        && words.iter().any(|w| {
            w.shape == Shape::Upper
                && !ctx.text[w.range.clone()]
                    .chars()
                    .all(|c| matches!(c, 'I' | 'V' | 'X'))
        });
    // A common word first ("Sementara", "Program"), the continuation of another name or a
    // word in capitals leave a person only to a firm cue: those are looked for first,
    // cheaply.
    if (first_common || cand.prefixed || acronym)
        && cand.honorifics.is_empty()
        && !around::firm_before(input, range.start)
        && !around::firm_after(input, range.end)
    {
        // A description before a body and the name: "Rektor UGM Ova Emilia"; a given
        // name after a body: "Ketua Komisi II DPR Ahmad Doli …".
        if cand.prefixed && !first_common && !acronym {
            if let Some(r) = around::role_before(input, range.start) {
                return (Verdict::Person(Some(r)), "role");
            }
            let given = info(0).is_some_and(|w| w.name == Some(NameClass::Given));
            if cand.after_body && given && words.len() >= 2 {
                return (Verdict::Person(None), "given-name");
            }
        }
        let rule = if first_common {
            "common-word"
        } else if cand.prefixed {
            "part-of-name"
        } else {
            "acronym-in-name"
        };
        return (Verdict::Left, rule);
    }
    let before = Before::read(input, people, range.start, !cand.honorifics.is_empty());
    let after = After::read(input, people, range.end);
    let firm = matches!(before, Before::Honorific | Before::Named | Before::Initials)
        || matches!(after, After::Age | After::Born | After::Degree);
    let cue = match (&before, &after) {
        (Before::Honorific, _) => Some("honorific"),
        (Before::Named | Before::Initials, _) => Some("named"),
        (_, After::Age) => Some("age"),
        (_, After::Born) => Some("born"),
        (_, After::Degree) => Some("degree"),
        (Before::Speech, _) => Some("speech-before"),
        (Before::Role(_), _) => Some("role"),
        (Before::Kin, _) => Some("kin"),
        (_, After::Verb) => Some("person-verb"),
        (_, After::Role(_) | After::Office(_)) | (Before::Office(_), _) => Some("apposition"),
        _ => None,
    };
    if !firm {
        let rejected = if first_common && cue.is_some() {
            Some("common-word")
        } else if cand.prefixed {
            Some("part-of-name")
        } else if acronym {
            Some("acronym-in-name")
        } else if matches!(before, Before::Thing) {
            Some("thing")
        } else {
            None
        };
        if let Some(rule) = rejected {
            return (Verdict::Left, rule);
        }
    }
    if let Some(rule) = cue {
        return match (before, after) {
            (Before::Role(r), _) | (_, After::Role(r)) => (Verdict::Person(Some(r)), rule),
            (_, After::Office(o)) | (Before::Office(o), _) => (Verdict::Apposition(o), rule),
            // "Budi (45), warga Desa X," / "Budi (45), Kepala Desa X,": the description or
            // office after the age.
            (_, After::Age | After::Born) => {
                match around::apposition_after_note(input, people, range.end) {
                    Some(After::Role(r)) => (Verdict::Person(Some(r)), rule),
                    Some(After::Office(o)) => (Verdict::Apposition(o), rule),
                    _ => (Verdict::Person(None), rule),
                }
            }
            _ => (
                Verdict::Person(around::role_of_list(input, range.start)),
                rule,
            ),
        };
    }
    if coref.quotes.around(&range) {
        return (Verdict::Left, "quoted");
    }
    // A given name first ("Nurul Hidayah", "Putu Indah"): the words after it may be
    // common words too.
    let given_first = words.first().is_some_and(|w| w.shape == Shape::Capitalized)
        && info(0).is_some_and(|w| w.name == Some(NameClass::Given));
    if names > 0 && (!any_common || (given_first && real >= 2)) && (names == real || real >= 2) {
        // After a place noun a name is a street's or a place's ("jalan Dewi Sartika"),
        // after a preposition only a single word is ("di Sukamaju").
        let street = place_noun(ctx.word_before(range.start));
        if (real == 1 || street) && matches!(before, Before::Locative) {
            return (Verdict::Left, "locative");
        }
        return (
            Verdict::Person(around::role_of_list(input, range.start)),
            "given-name",
        );
    }
    if any_common {
        return (Verdict::Left, "common-word");
    }
    if real < 2 {
        return (Verdict::Left, "unknown");
    }
    if matches!(before, Before::Locative) {
        return (Verdict::Left, "locative");
    }
    if around::sentence_start(ctx.text, range.start) {
        return (Verdict::Left, "sentence-start");
    }
    // Unknown words that a place noun opens ("Prefektur Ibaraki") or follows
    // ("puncaknya Seulawah Dara") name a place.
    let first = ctx.folded[words[0].range.clone()].trim_end_matches('.');
    if place_noun(first) || after_place_noun {
        return (Verdict::Left, "place-name");
    }
    // A Roman numeral numbers an edition, a unit or a sequel ("WrestleMania XXVI", "Kodam
    // V Jaya"), not a person of unknown names.
    if words
        .iter()
        .any(|w| is_roman_numeral(&ctx.text[w.range.clone()]))
    {
        return (Verdict::Left, "numbered");
    }
    (Verdict::Person(None), "proper")
}

/// The names of the people found so far, for coreference: full names and their words
/// (of three letters or more), each with its person, or `None` once two people share it.
struct Coref {
    names: FxHashMap<String, Option<usize>>,
    /// The quote marks of the text (not coreference, but built once with it).
    quotes: around::Quotes,
    /// How many people have been indexed.
    seen: usize,
}

impl Coref {
    /// Indexes the people added since the last call.
    fn update(&mut self, people: &People, lex: &crate::lexicon::Lexicons) {
        if self.seen == people.people.len() {
            return;
        }
        for (k, p) in people.people.iter().enumerate().skip(self.seen) {
            let name = crate::normalize::fold(&p.name);
            let words = name
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .filter(|w| w.chars().count() >= 3);
            // A word the press writes in lowercase ("Seragam" of a headline's false name)
            // names no one alone.
            let mut keys: Vec<&str> = words
                .filter(|w| {
                    !lex.word(w).is_some_and(|i| {
                        i.common
                            && i.lower_share >= 75
                            && !matches!(i.name, Some(NameClass::Given | NameClass::Family))
                    })
                })
                .collect();
            keys.push(&name);
            keys.dedup();
            for key in keys {
                self.names
                    .entry(key.to_string())
                    .and_modify(|v| {
                        if *v != Some(k) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(k));
            }
        }
        self.seen = people.people.len();
    }

    /// The person that `range` names again: the same name, or one word of exactly one
    /// person's name ("Isran" for Isran Noor).
    fn find(&self, ctx: &Context, range: &Range<usize>) -> Option<usize> {
        self.names
            .get(&ctx.folded[range.clone()])
            .copied()
            .flatten()
    }
}

/// The office the lexicon gives official `o` on the reference day.
fn known_role(input: &Input, o: u32) -> Option<FoundRole> {
    let lex = input.ctx.lex;
    let id = &lex.officials[o as usize].id;
    let day = input.reference?;
    let row = lex.official_rows(id).find(|r| r.serves_on(day))?;
    Some(FoundRole {
        title: row.title.clone(),
        acting: row.acting.clone(),
        jurisdiction: row.jurisdiction.as_deref().and_then(|j| lex.place_index(j)),
        institution: row.institution.clone().or_else(|| {
            lex.titles
                .iter()
                .find(|t| t.id == row.title)
                .and_then(|t| t.institution.clone())
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::{is_roman_numeral, place_noun};

    #[test]
    fn roman_numerals() {
        for w in ["II", "III", "IV", "XXVI", "XLII", "V", "X", "CX"] {
            assert!(is_roman_numeral(w), "{w}");
        }
        for w in ["I", "Iwan", "IIII", "VV", "xx", "", "CIVIC", "IL", "CCCC"] {
            assert!(!is_roman_numeral(w), "{w}");
        }
    }

    #[test]
    fn place_nouns_with_their_possessive() {
        assert!(place_noun("prefektur"));
        assert!(place_noun("puncaknya"));
        assert!(place_noun("desanya"));
        assert!(!place_noun("warga"));
        assert!(!place_noun("nya"));
    }
}
