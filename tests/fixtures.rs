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
    /// Every place id of the record; a subset when `institutions` is absent.
    #[serde(default)]
    places: Vec<String>,
    /// Every institution id of the record. A fixture without it checks only what it
    /// states (no publisher, units or institutions; its places are a subset): the event
    /// fixtures.
    institutions: Option<Vec<String>>,
    #[serde(default)]
    units: Vec<String>,
    #[serde(default)]
    people: Vec<ExpectedPerson>,
    #[serde(default)]
    absent: Vec<String>,
    /// Capitalized words that must not be (part of) any person's name.
    #[serde(default)]
    not_people: Vec<String>,
    /// Every quote of the article (checked as a complete list when given).
    quotes: Option<Vec<ExpectedQuote>>,
    /// Every figure of the article (kind and value; a complete list when given).
    figures: Option<Vec<ExpectedFigure>>,
    /// Checks this fixture is known to fail today, by the start of their message after
    /// the fixture's name ("main event date", "event kinds"): reported, not failed. A
    /// known gap that no longer fails fails the test, so that the list only shrinks.
    #[serde(default)]
    known_gaps: Vec<String>,
    /// Group ids that must be among the record's groups.
    #[serde(default)]
    groups: Vec<String>,
    /// The events: the first is the main event, checked field by field; the kinds of
    /// all of them must be the kinds reported (as sets: several arrests of one case are
    /// one arrest event) (when given).
    events: Option<Vec<ExpectedEvent>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedCount {
    kind: String,
    value: f64,
    approx: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    /// The first words of the quote.
    starts: String,
    /// The speaker's name; absent means no findable speaker.
    speaker: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFigure {
    kind: String,
    value: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedEvent {
    kind: String,
    subtype: Option<String>,
    /// `YYYY-MM-DD`, or "none".
    date: Option<String>,
    /// Words the venue name must contain, or "none".
    venue: Option<String>,
    place: Option<String>,
    /// A place id, or "none".
    scope: Option<String>,
    /// "pilkada-2024", or "none".
    election: Option<String>,
    /// The chair's name, or "none".
    chair: Option<String>,
    /// The level of `place`.
    place_precision: Option<String>,
    /// Who acted: group or institution ids, or people's names; all must be there (an
    /// empty list: nobody).
    actor1: Option<Vec<String>>,
    /// On whom: as `actor1`.
    actor2: Option<Vec<String>>,
    /// Every count of the main event (kind, value, approx), as a set.
    counts: Option<Vec<ExpectedCount>>,
    /// Every participant of the main event, as the fixture names them (people by name,
    /// others by id), as a set.
    participants: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedPerson {
    name: String,
    /// The role's title; absent for a person the text gives no role.
    title: Option<String>,
    institution: Option<String>,
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
    let full = want.institutions.is_some();
    if full || want.publisher.is_some() {
        eq(
            "publisher",
            rec.doc.publisher.as_deref(),
            want.publisher.as_deref(),
        );
    }
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
    let want_places = set(want.places.iter().map(String::as_str).collect());
    let places_ok = if full {
        places == want_places
    } else {
        want_places.is_subset(&places)
    };
    if !places_ok {
        bad.push(format!(
            "{name}: places: got {places:?}, want {:?}",
            want.places
        ));
    }
    let insts = set(rec.institutions.iter().map(|p| p.id.as_str()).collect());
    let want_insts = want.institutions.clone().unwrap_or_default();
    if full && insts != set(want_insts.iter().map(String::as_str).collect()) {
        bad.push(format!(
            "{name}: institutions: got {insts:?}, want {want_insts:?}"
        ));
    }
    let units = set(rec
        .institutions
        .iter()
        .filter_map(|p| p.unit.as_deref())
        .collect());
    if full && units != set(want.units.iter().map(String::as_str).collect()) {
        bad.push(format!(
            "{name}: units: got {units:?}, want {:?}",
            want.units
        ));
    }
    for p in &want.people {
        let found = rec.people.iter().find(|q| q.name == p.name);
        let role_ok = found.is_some_and(|q| match &p.title {
            Some(title) => q.roles.iter().any(|r| {
                &r.title == title
                    && r.jurisdiction == p.jurisdiction
                    && r.acting == p.acting
                    && p.institution
                        .as_ref()
                        .is_none_or(|i| r.institution.as_ref() == Some(i))
            }),
            None => true,
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
    for w in &want.not_people {
        if let Some(p) = rec
            .people
            .iter()
            .find(|p| p.name.split(' ').any(|x| x == w) || &p.name == w)
        {
            bad.push(format!("{name}: {w:?} is not a person, got {:?}", p.name));
        }
    }
    let person_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| rec.people.iter().find(|p| &p.id == id))
            .map(|p| p.name.clone())
    };
    if let Some(quotes) = &want.quotes {
        let got: Vec<(String, Option<String>)> = rec
            .quotes
            .iter()
            .map(|q| (q.text.clone(), person_name(&q.speaker)))
            .collect();
        let mut left = got.clone();
        for q in quotes {
            match left.iter().position(|(t, _)| t.starts_with(&q.starts)) {
                Some(k) => {
                    let (_, who) = left.remove(k);
                    if who != q.speaker {
                        bad.push(format!(
                            "{name}: quote {:?}: speaker {who:?}, want {:?}",
                            q.starts, q.speaker
                        ));
                    }
                }
                None => bad.push(format!("{name}: quote {:?} missing", q.starts)),
            }
        }
        for (t, _) in left {
            bad.push(format!("{name}: extra quote {t:?}"));
        }
    }
    if let Some(figures) = &want.figures {
        let mut got: Vec<(String, f64)> = rec
            .figures
            .iter()
            .map(|f| {
                let kind = serde_json::to_value(f.kind).unwrap();
                (kind.as_str().unwrap_or("").to_string(), f.value)
            })
            .collect();
        for f in figures {
            match got
                .iter()
                .position(|(k, v)| *k == f.kind && (v - f.value).abs() < 1e-6)
            {
                Some(k) => {
                    got.remove(k);
                }
                None => bad.push(format!("{name}: figure {f:?} missing")),
            }
        }
        for f in got {
            bad.push(format!("{name}: extra figure {f:?}"));
        }
    }
    let group_ids: Vec<&str> = rec.groups.iter().map(|g| g.id.as_str()).collect();
    for g in &want.groups {
        if !group_ids.contains(&g.as_str()) {
            bad.push(format!("{name}: group {g} missing (got {group_ids:?})"));
        }
    }
    if let Some(events) = &want.events {
        check_events(name, rec, events, &person_name, &mut bad);
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

fn check_events(
    name: &str,
    rec: &Record,
    want: &[ExpectedEvent],
    person_name: &dyn Fn(&Option<String>) -> Option<String>,
    bad: &mut Vec<String>,
) {
    let mut kinds: Vec<&str> = rec.events.iter().map(|e| e.kind.as_str()).collect();
    let mut want_kinds: Vec<&str> = want.iter().map(|e| e.kind.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    want_kinds.sort();
    want_kinds.dedup();
    if kinds != want_kinds {
        bad.push(format!(
            "{name}: event kinds {kinds:?}, want {want_kinds:?}"
        ));
    }
    let (Some(m), Some(e)) = (want.first(), rec.events.first()) else {
        return;
    };
    let none = |v: &Option<String>| v.as_deref() == Some("none");
    let mut field = |what: &str, ok: bool, got: String, want: &Option<String>| {
        if want.is_some() && !ok {
            bad.push(format!(
                "{name}: main event {what}: got {got}, want {want:?}"
            ));
        }
    };
    field(
        "kind",
        e.kind == m.kind,
        e.kind.clone(),
        &Some(m.kind.clone()),
    );
    field(
        "subtype",
        e.subtype == m.subtype,
        format!("{:?}", e.subtype),
        &m.subtype,
    );
    let date = e.date.as_ref().and_then(|d| d.value.clone());
    field(
        "date",
        if none(&m.date) {
            date.is_none()
        } else {
            date == m.date
        },
        format!("{date:?}"),
        &m.date,
    );
    let venue = e.venue.as_ref().map(|v| v.name.clone());
    let venue_ok = match (&m.venue, &venue) {
        (Some(w), None) => w == "none",
        (Some(w), Some(v)) => w != "none" && w.split(' ').all(|x| v.contains(x)),
        (None, _) => true,
    };
    field("venue", venue_ok, format!("{venue:?}"), &m.venue);
    field(
        "place",
        e.place == m.place,
        format!("{:?}", e.place),
        &m.place,
    );
    let scope_ok = if none(&m.scope) {
        e.scope.is_none()
    } else {
        e.scope == m.scope
    };
    field("scope", scope_ok, format!("{:?}", e.scope), &m.scope);
    let election = e
        .election
        .as_ref()
        .map(|x| format!("{}-{}", x.kind, x.year));
    let election_ok = if none(&m.election) {
        election.is_none()
    } else {
        election == m.election
    };
    field(
        "election",
        election_ok,
        format!("{election:?}"),
        &m.election,
    );
    let chair = person_name(&e.chair);
    let chair_ok = if none(&m.chair) {
        chair.is_none()
    } else {
        chair == m.chair
    };
    field("chair", chair_ok, format!("{chair:?}"), &m.chair);
    field(
        "place_precision",
        e.place_precision == m.place_precision,
        format!("{:?}", e.place_precision),
        &m.place_precision,
    );
    // Actors as the fixture names them: a person by name, others by id.
    let named = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| person_name(&Some(id.clone())).unwrap_or_else(|| id.clone()))
            .collect()
    };
    let sides = [
        ("actor1", &m.actor1, named(&e.actors.actor1)),
        ("actor2", &m.actor2, named(&e.actors.actor2)),
    ];
    for (what, want, got) in sides {
        let Some(want) = want else { continue };
        let ok = if want.is_empty() {
            got.is_empty()
        } else {
            want.iter().all(|w| got.contains(w))
        };
        if !ok {
            bad.push(format!(
                "{name}: main event {what}: got {got:?}, want {want:?}"
            ));
        }
    }
    if let Some(want) = &m.participants {
        let mut got = named(&e.participants);
        let mut want = want.clone();
        got.sort();
        want.sort();
        if got != want {
            bad.push(format!(
                "{name}: main event participants: got {got:?}, want {want:?}"
            ));
        }
    }
    if let Some(counts) = &m.counts {
        let mut got: Vec<(String, f64, bool)> = e
            .counts
            .iter()
            .map(|c| (c.kind.clone(), c.value, c.approx))
            .collect();
        let mut want: Vec<(String, f64, bool)> = counts
            .iter()
            .map(|c| (c.kind.clone(), c.value, c.approx))
            .collect();
        got.sort_by(|a, b| a.partial_cmp(b).unwrap());
        want.sort_by(|a, b| a.partial_cmp(b).unwrap());
        if got != want {
            bad.push(format!(
                "{name}: main event counts: got {got:?}, want {want:?}"
            ));
        }
    }
}

/// The fixture texts (`fixtures/*.txt`), sorted.
fn fixture_texts() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn fixtures_match_their_hand_checked_expectations() {
    let ex = Extractor::new().unwrap();
    let names = fixture_texts();
    assert!(names.len() >= 4, "fixtures missing");
    let filter = std::env::var("WARTA_CASE").unwrap_or_default();
    let mut bad = Vec::new();
    let mut gaps_seen = 0;
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
        let found = check(&name, &text, &rec, &want);
        let prefix = format!("{name}: ");
        let is_gap = |msg: &String| {
            let rest = msg.strip_prefix(&prefix).unwrap_or(msg);
            want.known_gaps.iter().any(|g| rest.starts_with(g.as_str()))
        };
        for gap in &want.known_gaps {
            let still = found.iter().any(|m| {
                m.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.starts_with(gap.as_str()))
            });
            if !still {
                bad.push(format!(
                    "{name}: known gap {gap:?} no longer fails: remove it"
                ));
            }
        }
        let (gaps, real): (Vec<String>, Vec<String>) = found.into_iter().partition(is_gap);
        gaps_seen += gaps.len();
        bad.extend(real);
    }
    eprintln!("fixtures: {gaps_seen} known gap(s) tolerated (known_gaps in the expected files)");
    assert!(
        bad.is_empty(),
        "{} mismatch(es):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn a_batch_gives_each_article_the_record_it_gets_alone() {
    let ex = Extractor::new().unwrap();
    let mut articles: Vec<Article> = fixture_texts()
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            Article::new(name, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    // Between them, texts with nothing to find: the stages of a batch keep no state
    // from one article to the next.
    articles.insert(3, Article::new("empty", ""));
    articles.insert(
        7,
        Article::new("junk", "\u{0}\u{fffd}<<>> ((( 12/ 99/ Rp ,,, \"\n\n"),
    );
    assert!(articles.len() > 50, "{} fixtures", articles.len());
    for size in [1, 5, articles.len()] {
        for chunk in articles.chunks(size) {
            let batch = ex.extract_batch(chunk);
            assert_eq!(batch.len(), chunk.len());
            for (a, rec) in chunk.iter().zip(&batch) {
                assert_eq!(rec, &ex.extract(a), "{} in a batch of {size}", a.id);
            }
        }
    }
}
