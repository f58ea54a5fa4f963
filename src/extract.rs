//! The extractor: builds the automaton and grammars once, then runs the pipeline per
//! article and assembles the `warta/1` [`Record`].
//!
//! ```
//! use warta::{Article, Extractor};
//!
//! let ex = Extractor::builder().build()?;
//! let rec = ex.extract(&Article::new("a1", "Bontang - Polres Bontang menggelar rakor."));
//! let polres = rec.institutions.iter().find(|i| i.kind == "polres").unwrap();
//! assert_eq!(polres.id, "polres@64.74");
//! # Ok::<(), warta::Error>(())
//! ```

use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::document;
use crate::entities::institutions::Mention;
use crate::entities::people::FoundPerson;
use crate::entities::proper::Runs;
use crate::entities::{self, Context};
use crate::error::Error;
use crate::events::{self, FoundEvent};
use crate::figures::FigureScanner;
use crate::gazetteer::{Gazetteer, Hit};
use crate::lexicon::{LexiconFiles, Lexicons, WordInfo};
use crate::normalize::Normalized;
use crate::quotes;
use crate::record::{
    Actors, Count, Doc, Election, Event, Figure, Group, Institution, Person, Place, Quote, Record,
    Role, Span, Venue,
};
use crate::time::{TimeHit, TimeParser};

/// An article to extract from.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// Caller-supplied id (a file stem, a JSONL `id`).
    pub id: String,
    /// The article text, as published.
    pub text: String,
    /// Publication date; anchors partial and relative dates.
    pub published: Option<Date>,
    /// Headline given separately from the text.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
}

impl Article {
    /// An article with an id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }
}

/// Builds an [`Extractor`]: which lexicons to use.
#[derive(Debug)]
pub struct ExtractorBuilder {
    embedded: bool,
    dirs: Vec<PathBuf>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            embedded: true,
            dirs: Vec::new(),
        }
    }
}

impl ExtractorBuilder {
    /// Adds the lexicon files of `dir`: a file named like an embedded one replaces it,
    /// any other adds to the set.
    pub fn lexicons(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dirs.push(dir.into());
        self
    }

    /// Whether to start from the embedded lexicons (default `true`). With `false`, only
    /// the folders given with [`ExtractorBuilder::lexicons`] are used.
    pub fn embedded(mut self, yes: bool) -> Self {
        self.embedded = yes;
        self
    }

    /// Loads and validates the lexicons and compiles the automaton and grammars.
    pub fn build(self) -> Result<Extractor, Error> {
        let mut files = if self.embedded {
            LexiconFiles::embedded()
        } else {
            LexiconFiles::empty()
        };
        for dir in &self.dirs {
            files.add_dir(dir)?;
        }
        Extractor::from_lexicons(Lexicons::load(&files)?)
    }
}

/// Extracts records. Build once; `extract` takes `&self`, so one extractor serves
/// every document and thread.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicons,
    gazetteer: Gazetteer,
    times: TimeParser,
    figures: FigureScanner,
}

impl Extractor {
    /// An extractor over the embedded lexicons.
    pub fn new() -> Result<Extractor, Error> {
        Extractor::builder().build()
    }

    /// A builder, to choose lexicons.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor over already loaded lexicons.
    pub fn from_lexicons(lex: Lexicons) -> Result<Extractor, Error> {
        let gazetteer = Gazetteer::new(&lex)?;
        Ok(Extractor {
            times: TimeParser::for_lexicons(&lex),
            figures: FigureScanner::new(),
            gazetteer,
            lex,
        })
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    /// The gazetteer automaton in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts one record. Never fails: problems become `warnings`.
    pub fn extract(&self, article: &Article) -> Record {
        self.run(article, &mut None, None)
    }

    /// Extracts one record like [`Extractor::extract`], with every decision taken about a
    /// capitalized name that no lexicon explains: its span, whether it became a person,
    /// and the rule that decided (see [`entities::names`]).
    ///
    /// ```
    /// use warta::{Article, Extractor};
    ///
    /// let ex = Extractor::new()?;
    /// let text = "Samarinda - Menurut warga, Pak Slamet Riyadi menutup warungnya.";
    /// let (rec, decisions) = ex.explain(&Article::new("x", text));
    /// let d = decisions.iter().find(|d| d.text == "Slamet Riyadi").unwrap();
    /// assert!(d.person);
    /// assert_eq!(d.rule, "honorific");
    /// assert_eq!(rec.people[0].name, "Slamet Riyadi");
    /// # Ok::<(), warta::Error>(())
    /// ```
    pub fn explain(&self, article: &Article) -> (Record, Vec<NameDecision>) {
        let mut log = Vec::new();
        let rec = self.run(article, &mut None, Some(&mut log));
        (rec, log)
    }

    /// Extracts one record like [`Extractor::extract`] and adds the time each stage took
    /// to `profile` (for `warta bench` and profiling; costs a clock read per stage).
    pub fn extract_profiled(&self, article: &Article, profile: &mut Profile) -> Record {
        let mut clock = Some((profile, Instant::now()));
        self.run(article, &mut clock, None)
    }

    /// Extracts the records of `articles`, in their order, like [`Extractor::extract`]
    /// on each (the records are the same), stage by stage over the batch: the
    /// normalization of every article, then the gazetteer's scan of every one, then the
    /// time grammar's, then the rest article by article. A stage's automaton then stays
    /// in the processor's cache across the batch instead of being pushed out by the
    /// other stages' at every article: faster, for batches of a few dozen articles.
    ///
    /// ```
    /// use warta::{Article, Extractor};
    ///
    /// let ex = Extractor::new()?;
    /// let articles = [
    ///     Article::new("a", "Samarinda - Gubernur Kaltim memimpin rapat, Senin (3/7/2023)."),
    ///     Article::new("b", ""),
    /// ];
    /// let records = ex.extract_batch(&articles);
    /// assert_eq!(records.len(), 2);
    /// assert_eq!(records[0], ex.extract(&articles[0]));
    /// # Ok::<(), warta::Error>(())
    /// ```
    pub fn extract_batch<A: Borrow<Article>>(&self, articles: &[A]) -> Vec<Record> {
        self.run_batch(articles, None)
    }

    /// Extracts a batch like [`Extractor::extract_batch`] and adds the time each stage
    /// took to `profile`.
    pub fn extract_batch_profiled<A: Borrow<Article>>(
        &self,
        articles: &[A],
        profile: &mut Profile,
    ) -> Vec<Record> {
        self.run_batch(articles, Some(profile))
    }

    fn run_batch<A: Borrow<Article>>(
        &self,
        articles: &[A],
        profile: Option<&mut Profile>,
    ) -> Vec<Record> {
        let mut clock = profile.map(|p| (p, Instant::now()));
        let norms: Vec<Normalized> = articles
            .iter()
            .map(|a| Normalized::new(a.borrow().text.as_str()))
            .collect();
        lap(&mut clock, Stage::Normalize);
        let hits: Vec<Vec<Hit>> = norms
            .iter()
            .map(|n| self.gazetteer.scan_cased(n.folded(), Some(n.text())))
            .collect();
        lap(&mut clock, Stage::Gazetteer);
        let time_hits: Vec<Vec<TimeHit>> = norms
            .iter()
            .map(|n| self.times.scan(n.text(), n.folded()))
            .collect();
        lap(&mut clock, Stage::Times);
        // The capitalized words and what the lexicons say of them: most lookups miss
        // the cache, less so when a batch's words (many of them the same) come together.
        let runs: Vec<(Runs, Vec<Option<&WordInfo>>)> = norms
            .iter()
            .map(|n| {
                let runs = Runs::scan(n.text());
                let infos = entities::names::word_infos(&self.lex, n.folded(), &runs);
                (runs, infos)
            })
            .collect();
        lap(&mut clock, Stage::Entities);
        articles
            .iter()
            .zip(norms.iter().zip(hits).zip(time_hits).zip(runs))
            .map(|(article, (((norm, hits), time_hits), (runs, infos)))| {
                let scans = Scans {
                    norm,
                    hits,
                    time_hits,
                    runs,
                    infos,
                };
                self.rest(article.borrow(), scans, &mut clock, None)
            })
            .collect()
    }

    fn run(
        &self,
        article: &Article,
        clock: &mut Option<(&mut Profile, Instant)>,
        explain: Option<&mut Vec<NameDecision>>,
    ) -> Record {
        let norm = Normalized::new(article.text.as_str());
        lap(clock, Stage::Normalize);
        let hits = self.gazetteer.scan_cased(norm.folded(), Some(norm.text()));
        lap(clock, Stage::Gazetteer);
        let time_hits = self.times.scan(norm.text(), norm.folded());
        let runs = Runs::scan(norm.text());
        let infos = entities::names::word_infos(&self.lex, norm.folded(), &runs);
        let scans = Scans {
            norm: &norm,
            hits,
            time_hits,
            runs,
            infos,
        };
        self.rest(article, scans, clock, explain)
    }

    /// Every stage after the scans of the text (normalization, gazetteer, time grammar).
    fn rest(
        &self,
        article: &Article,
        scans: Scans<'_>,
        clock: &mut Option<(&mut Profile, Instant)>,
        explain: Option<&mut Vec<NameDecision>>,
    ) -> Record {
        let input = article.text.as_str();
        let Scans {
            norm,
            hits,
            time_hits,
            runs,
            infos,
        } = scans;
        let (published, date_warning) =
            document::publication_date(article.published, article.url.as_deref());
        let times = self.times.resolve(&time_hits, published);
        lap(clock, Stage::Times);
        let fields = document::read(norm.text());
        let ctx = Context {
            text: norm.text(),
            folded: norm.folded(),
            hits: &hits,
            gazetteer: &self.gazetteer,
            lex: &self.lex,
        };
        let places = entities::places::resolve(&ctx, fields.dateline.clone());
        let mentions = entities::institutions::resolve(&ctx, &places, &runs);
        let mut people = entities::people::resolve(&ctx, &places, &mentions, times.reference);
        let headline = fields
            .title
            .clone()
            .filter(|h| title_case(&norm.text()[h.clone()]));
        let names_input = entities::names::Input {
            ctx: &ctx,
            places: &places,
            bodies: &mentions,
            runs: &runs,
            infos: &infos,
            title_case_headline: headline,
            reference: times.reference,
        };
        let mut decisions = explain.is_some().then(Vec::new);
        entities::names::resolve(&names_input, &mut people, decisions.as_mut());
        if let (Some(out), Some(decisions)) = (explain, decisions) {
            out.extend(decisions.into_iter().map(|d| NameDecision {
                span: norm.span(input, d.range),
                text: String::new(),
                person: d.person,
                rule: d.rule,
            }));
            for d in out.iter_mut() {
                d.text = d.span.text.clone();
            }
        }
        if let Some(h) = fields.title.clone() {
            // In a headline in Title Case, verbs are capitalized too ("Kapolda Pimpin
            // Rakor"): a name found only there is not trusted.
            if title_case(&norm.text()[h.clone()]) {
                people.people.retain(|p| {
                    p.official.is_some() || p.mentions.iter().any(|m| m.start >= h.end)
                });
            }
        }
        let mut tagged: Vec<(Mention, bool)> = mentions.into_iter().map(|m| (m, false)).collect();
        tagged.extend(people.implied.into_iter().map(|m| (m, true)));
        tagged.sort_by_key(|(m, _)| m.range.start);
        let implied: Vec<bool> = tagged.iter().map(|(_, t)| *t).collect();
        let mut mentions: Vec<Mention> = tagged.into_iter().map(|(m, _)| m).collect();
        entities::institutions::inherit(norm.text(), &mut mentions, &implied);
        entities::institutions::units_of_bodies(norm.text(), &mut mentions);
        entities::institutions::unify_bare(&mut mentions);
        entities::people::bodies_of_roles(&mut people.people, &mentions);
        let groups = entities::groups::resolve(&ctx, &places, &mentions);
        lap(clock, Stage::Entities);

        let mut exclude: Vec<Range<usize>> = times.times.iter().map(|t| t.range.clone()).collect();
        exclude.extend(
            mentions
                .iter()
                .filter(|m| m.unit.is_some())
                .map(|m| m.range.clone()),
        );
        exclude.sort_by_key(|r| r.start);
        let figures = self.figures.scan(norm.text(), norm.folded(), &exclude);
        let quotes = quotes::scan(norm.text());
        let speakers = entities::people::attribute(&ctx, &people.people, &quotes);
        lap(clock, Stage::FiguresQuotes);
        let speaker_of: Vec<Option<usize>> = speakers.iter().map(|a| a.speaker).collect();
        // A headline given apart from the text says what the article is about.
        let headline = match (&article.title, &fields.title) {
            (Some(title), None) => {
                events::headline::read(&self.lex, &self.gazetteer, title, times.reference)
            }
            _ => events::headline::HeadlineKinds::default(),
        };
        let found_events = events::find(&events::Input {
            ctx: &ctx,
            places: &places,
            institutions: &mentions,
            people: &people.people,
            offices: &people.offices,
            times: &times.times,
            quotes: &quotes,
            speakers: &speaker_of,
            headline: fields.title.clone(),
            reference: times.reference,
            groups: &groups,
            figures: &figures,
            title_kinds: &headline.kinds,
            title_subtypes: &headline.subtypes,
            title_harm: &headline.harm,
        });
        lap(clock, Stage::Events);

        let span = |r: Range<usize>| norm.span(input, r);
        let dateline_place = places.dateline;
        let place_range = dateline_place.and_then(|p| {
            let dl = fields.dateline.as_ref()?;
            let i = (0..hits.len())
                .find(|&i| dl.contains(&hits[i].range.start) && places.by_hit[i] == Some(p))?;
            Some(hits[i].range.clone())
        });
        let doc = Doc {
            id: article.id.clone(),
            bytes: input.len(),
            title: article
                .title
                .clone()
                .or_else(|| fields.title.clone().map(|r| span(r).text)),
            publisher: fields
                .dateline
                .as_ref()
                .and_then(|dl| document::publisher(norm.text(), dl, place_range.as_ref()))
                .map(|p| original_text(norm, input, norm.text(), &p)),
            dateline: dateline_place.map(|p| self.lex.places[p as usize].id.clone()),
            author: fields.author.clone(),
            editor: fields.editor.clone(),
            reference_date: times.reference.map(|d| d.to_string()),
            url: article.url.clone(),
            meta: None,
        };
        let mut rec = Record::empty(doc);
        rec.places = self.places(&hits, &places.by_hit, &span);
        rec.institutions = self.institutions(&mentions, norm.text(), &span);
        rec.groups = self.groups(&groups, &span);
        rec.people = self.people(&people.people, &span);
        let person_ids: Vec<String> = rec.people.iter().map(|p| p.id.clone()).collect();
        rec.times = times
            .times
            .iter()
            .map(|t| t.to_record(span(t.range.clone())))
            .collect();
        rec.figures = figures
            .into_iter()
            .map(|f| Figure {
                kind: f.kind,
                value: f.value,
                unit: f.unit,
                span: span(f.range),
            })
            .collect();
        rec.events = self.events(&found_events, &rec, &mentions, &span);
        rec.quotes = quotes
            .into_iter()
            .zip(speakers)
            .map(|(q, a)| {
                let s = span(q.inner);
                Quote {
                    text: s.text.clone(),
                    speaker: a.speaker.map(|k| person_ids[k].clone()),
                    cue: a.cue,
                    channel: a.channel.map(|k| person_ids[k].clone()),
                    span: s,
                }
            })
            .collect();
        rec.warnings = places.warnings;
        rec.warnings.extend(date_warning);
        rec.warnings.extend(times.warnings);
        lap(clock, Stage::Assemble);
        rec
    }

    fn events(
        &self,
        found: &[FoundEvent],
        rec: &Record,
        mentions: &[Mention],
        span: &impl Fn(Range<usize>) -> Span,
    ) -> Vec<Event> {
        let place_id = |p: u32| self.lex.places[p as usize].id.clone();
        let person_id = |k: usize| rec.people[k].id.clone();
        let inst_id = |k: usize| self.institution_id(&mentions[k]);
        let actor_id = |a: &events::sides::Actor| match *a {
            events::sides::Actor::Person(k) => person_id(k),
            events::sides::Actor::Institution(k) => inst_id(k),
            events::sides::Actor::Group(k) => rec.groups[k].id.clone(),
        };
        let ids = |actors: &[events::sides::Actor]| {
            let mut out: Vec<String> = Vec::new();
            for id in actors.iter().map(actor_id) {
                if !out.contains(&id) {
                    out.push(id);
                }
            }
            out
        };
        found
            .iter()
            .map(|e| {
                let mut participants: Vec<String> = Vec::new();
                for id in e
                    .people
                    .iter()
                    .map(|&k| person_id(k))
                    .chain(e.institutions.iter().map(|&k| inst_id(k)))
                {
                    if !participants.contains(&id) {
                        participants.push(id);
                    }
                }
                Event {
                    kind: e.kind.clone(),
                    subtype: e.subtype.clone(),
                    title: e.title.clone().map(|r| span(r).text),
                    date: e.date.and_then(|k| rec.times.get(k).cloned()),
                    venue: e.venue.as_ref().map(|v| Venue {
                        name: span(v.range.clone()).text,
                        place: v.place.map(place_id),
                    }),
                    place: e.place.map(place_id),
                    place_precision: e
                        .place
                        .map(|p| self.lex.places[p as usize].level.as_str().to_string()),
                    scope: e.scope.map(place_id),
                    election: e
                        .election
                        .clone()
                        .map(|(kind, year)| Election { kind, year }),
                    chair: e.chair.map(person_id),
                    participants,
                    actors: Actors {
                        actor1: ids(&e.actor1),
                        actor2: ids(&e.actor2),
                    },
                    counts: e
                        .counts
                        .iter()
                        .map(|c| Count {
                            kind: c.kind.clone(),
                            value: c.value,
                            approx: c.approx,
                            span: span(c.range.clone()),
                        })
                        .collect(),
                    speakers: e.speakers.iter().map(|&k| person_id(k)).collect(),
                    trigger: span(e.trigger.clone()),
                }
            })
            .collect()
    }

    fn groups(
        &self,
        found: &[entities::groups::FoundGroup],
        span: &impl Fn(Range<usize>) -> Span,
    ) -> Vec<Group> {
        found
            .iter()
            .map(|g| {
                let kind = self.lex.groups[g.kind as usize].kind.clone();
                let mut id = format!("group:{kind}");
                if let Some(p) = g.place {
                    id.push('@');
                    id.push_str(&self.lex.places[p as usize].id);
                }
                Group {
                    id,
                    kind,
                    name: span(g.name.clone()).text,
                    mentions: g.mentions.iter().map(|m| span(m.clone())).collect(),
                }
            })
            .collect()
    }

    /// A mention's record id: `<type>[:<label>][@<place id>]`.
    fn institution_id(&self, m: &Mention) -> String {
        let mut id = m.kind.clone();
        if let Some(label) = &m.label {
            id.push(':');
            id.push_str(label);
        }
        if let Some(j) = m.jurisdiction {
            id.push('@');
            id.push_str(&self.lex.places[j as usize].id);
        }
        id
    }

    fn places(
        &self,
        hits: &[crate::gazetteer::Hit],
        by_hit: &[Option<u32>],
        span: &impl Fn(Range<usize>) -> Span,
    ) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        let mut index: FxHashMap<u32, usize> = FxHashMap::default();
        for (h, p) in hits.iter().zip(by_hit) {
            let Some(p) = *p else { continue };
            let slot = *index.entry(p).or_insert_with(|| {
                let e = &self.lex.places[p as usize];
                out.push(Place {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    level: e.level,
                    parent: e.parent.clone(),
                    mentions: Vec::new(),
                });
                out.len() - 1
            });
            out[slot].mentions.push(span(h.range.clone()));
        }
        out
    }

    fn institutions(
        &self,
        mentions: &[Mention],
        text: &str,
        span: &impl Fn(Range<usize>) -> Span,
    ) -> Vec<Institution> {
        let mut out: Vec<Institution> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        for m in mentions {
            let jurisdiction = m
                .jurisdiction
                .map(|p| self.lex.places[p as usize].id.clone());
            let id = self.institution_id(m);
            let slot = *index.entry(id.clone()).or_insert_with(|| {
                out.push(Institution {
                    id,
                    kind: m.kind.clone(),
                    category: m.category.clone(),
                    name: String::new(),
                    jurisdiction,
                    unit: None,
                    mentions: Vec::new(),
                });
                out.len() - 1
            });
            let inst = &mut out[slot];
            let s = span(m.range.clone());
            if text[m.range.clone()].len() > inst.name.len() {
                inst.name = text[m.range.clone()].to_string();
            }
            if inst.unit.is_none() {
                inst.unit = m.unit.clone();
            }
            // Mentions come in text order: a repeat has the same start as the last ones.
            let repeat = inst
                .mentions
                .iter()
                .rev()
                .take_while(|m| m.start == s.start)
                .any(|m| m.end == s.end);
            if !repeat {
                inst.mentions.push(s);
            }
        }
        out
    }

    fn people(&self, found: &[FoundPerson], span: &impl Fn(Range<usize>) -> Span) -> Vec<Person> {
        found
            .iter()
            .map(|p| {
                let official = p.official.map(|o| &self.lex.officials[o as usize]);
                Person {
                    id: official.map_or_else(|| slug(&p.name), |o| o.id.clone()),
                    name: official.map_or_else(|| display_name(&p.name), |o| o.name.clone()),
                    honorifics: p.honorifics.clone(),
                    known: official.is_some(),
                    roles: p
                        .roles
                        .iter()
                        .map(|r| {
                            let jurisdiction = r
                                .jurisdiction
                                .map(|j| self.lex.places[j as usize].id.clone());
                            let institution = r.institution.as_ref().map(|k| match &jurisdiction {
                                Some(j) => format!("{k}@{j}"),
                                None => k.clone(),
                            });
                            Role {
                                title: r.title.clone(),
                                acting: r.acting.clone(),
                                jurisdiction,
                                institution,
                            }
                        })
                        .collect(),
                    mentions: p.mentions.iter().map(|r| span(r.clone())).collect(),
                }
            })
            .collect()
    }
}

/// A decision about a capitalized name, as [`Extractor::explain`] reports it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct NameDecision {
    /// Where the candidate is, in the original text.
    pub span: Span,
    /// The candidate's text (the same as `span.text`).
    pub text: String,
    /// Whether it became (a mention of) a person.
    pub person: bool,
    /// The rule that decided (see [`entities::names`]).
    pub rule: &'static str,
}

/// Time spent per pipeline stage, summed over the documents of a
/// [`Extractor::extract_profiled`] run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Profile {
    /// Normalization and the offset map.
    pub normalize: Duration,
    /// The gazetteer automaton scan.
    pub gazetteer: Duration,
    /// Document fields, places, institutions and people.
    pub entities: Duration,
    /// Time expressions: scan and resolution.
    pub times: Duration,
    /// Figures, quotes and quote attribution.
    pub figures_quotes: Duration,
    /// Events.
    pub events: Duration,
    /// Building the record: spans back to the input, ids, mentions.
    pub assemble: Duration,
}

impl Profile {
    /// The stages by name, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 7] {
        [
            ("normalize", self.normalize),
            ("gazetteer", self.gazetteer),
            ("times", self.times),
            ("entities", self.entities),
            ("figures+quotes", self.figures_quotes),
            ("events", self.events),
            ("assemble", self.assemble),
        ]
    }

    /// The sum of all stages.
    pub fn total(&self) -> Duration {
        self.stages().iter().map(|(_, d)| *d).sum()
    }

    /// Adds another profile to this one.
    pub fn add(&mut self, other: &Profile) {
        self.normalize += other.normalize;
        self.gazetteer += other.gazetteer;
        self.entities += other.entities;
        self.times += other.times;
        self.figures_quotes += other.figures_quotes;
        self.events += other.events;
        self.assemble += other.assemble;
    }
}

#[derive(Clone, Copy)]
enum Stage {
    Normalize,
    Gazetteer,
    Entities,
    Times,
    FiguresQuotes,
    Events,
    Assemble,
}

/// Charges the time since the last lap to `stage`, when profiling.
/// What the scans of one text found: the first stages' output.
struct Scans<'a> {
    norm: &'a Normalized,
    hits: Vec<Hit>,
    time_hits: Vec<TimeHit>,
    runs: Runs,
    infos: Vec<Option<&'a WordInfo>>,
}

fn lap(clock: &mut Option<(&mut Profile, Instant)>, stage: Stage) {
    let Some((profile, last)) = clock else { return };
    let now = Instant::now();
    let d = now - *last;
    *last = now;
    let slot = match stage {
        Stage::Normalize => &mut profile.normalize,
        Stage::Gazetteer => &mut profile.gazetteer,
        Stage::Entities => &mut profile.entities,
        Stage::Times => &mut profile.times,
        Stage::FiguresQuotes => &mut profile.figures_quotes,
        Stage::Events => &mut profile.events,
        Stage::Assemble => &mut profile.assemble,
    };
    *slot += d;
}

/// The original text behind a substring `part` of the normalized `text`.
fn original_text(norm: &Normalized, input: &str, text: &str, part: &str) -> String {
    match text.find(part) {
        Some(i) => norm.span(input, i..i + part.len()).text,
        None => part.to_string(),
    }
}

/// Whether most words of a line (four or more letters long) are capitalized.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split(' ')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capital = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    words.len() >= 3 && capital * 4 >= words.len() * 3
}

/// A name as a person id: lowercase, words joined by '-', apostrophes dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let w: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if !w.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&w);
        }
    }
    out
}

/// A name as written, with miscapitalized words fixed ("SUnggono" → "Sunggono");
/// all-caps words of two or more letters are kept only when short (initials).
fn display_name(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for w in name.split(' ') {
        // A glued initial ("M.Rizal") is written apart ("M. Rizal").
        let mut w = w;
        while w.len() > 2 {
            let mut cs = w.chars();
            let (Some(a), Some('.'), Some(b)) = (cs.next(), cs.next(), cs.next()) else {
                break;
            };
            if !(a.is_uppercase() && b.is_uppercase()) {
                break;
            }
            words.push(w[..a.len_utf8() + 1].to_string());
            w = &w[a.len_utf8() + 1..];
        }
        words.push(fix_case(w));
    }
    words.join(" ")
}

/// A word with miscapitalized letters fixed ("SUnggono" → "Sunggono").
fn fix_case(w: &str) -> String {
    let upper_inside = w.chars().skip(1).filter(|c| c.is_uppercase()).count();
    let lower_inside = w.chars().skip(1).filter(|c| c.is_lowercase()).count();
    if upper_inside > 0 && lower_inside > 0 && !w.contains(['\'', '-', '.']) {
        let mut cs = w.chars();
        cs.next().map_or(String::new(), |f| {
            f.to_uppercase()
                .chain(cs.flat_map(char::to_lowercase))
                .collect()
        })
    } else {
        w.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_display_names() {
        assert_eq!(slug("Hasanuddin Mas'ud"), "hasanuddin-masud");
        assert_eq!(slug("Sri  Juniarsih-Mas"), "sri-juniarsih-mas");
        assert_eq!(display_name("SUnggono"), "Sunggono");
        assert_eq!(display_name("Andi Harun"), "Andi Harun");
        assert_eq!(display_name("Rudy Mas'ud"), "Rudy Mas'ud");
        assert_eq!(display_name("M.Rizal Fahlevi"), "M. Rizal Fahlevi");
        assert_eq!(display_name("H.M.Yusuf"), "H. M. Yusuf");
        assert!(title_case("Kapolda Kalbar Pimpin Rakor Pengamanan Pilkada"));
        assert!(!title_case(
            "Kapolda Kalbar memimpin rapat pengamanan pilkada"
        ));
    }

    #[test]
    fn profiled_extraction_gives_the_same_record_and_times_the_stages() {
        let ex = Extractor::new().unwrap();
        let a = Article::new(
            "p",
            "Samarinda - Gubernur Kaltim membuka rakor, Senin (3/6/2024).",
        );
        let mut profile = Profile::default();
        let rec = ex.extract_profiled(&a, &mut profile);
        assert_eq!(
            serde_json::to_string(&rec).unwrap(),
            serde_json::to_string(&ex.extract(&a)).unwrap()
        );
        assert!(profile.normalize > Duration::ZERO);
        assert!(profile.gazetteer > Duration::ZERO);
        assert_eq!(profile.total(), profile.stages().iter().map(|s| s.1).sum());
    }

    #[test]
    fn a_misspelt_kepala_before_an_institution_is_a_title_but_kepada_is_not() {
        let ex = Extractor::new().unwrap();
        let people = |t: &str| {
            ex.extract(&Article::new("k", t))
                .people
                .into_iter()
                .map(|p| (p.name, p.roles[0].title.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            people("Bontang – Kapala Badan Kesbangpol Bontang Andi Saputra hadir."),
            [("Andi Saputra".to_string(), "kepala-kesbangpol".to_string())]
        );
        assert_eq!(
            people("Bontang – Kepala Kejaksaan Negeri Bontang Rina Wati hadir."),
            [("Rina Wati".to_string(), "kajari".to_string())]
        );
        assert!(
            people("Bontang – Bantuan Diserahkan Kepada Badan Kesbangpol Bontang Andi.").is_empty()
        );
        // An editing slip: the speech verb on both sides of the name.
        assert_eq!(
            people(
                "Bontang – Kepala Kesbangpol Bontang mengatakan H Andi Saputra mengatakan rapat."
            ),
            [("Andi Saputra".to_string(), "kepala-kesbangpol".to_string())]
        );
        // Found by tests/props.rs: a multibyte word and " - " before an institution.
        assert!(people("Bontang – \u{10d5}\u{1f74}c - KPU Bontang hadir.").is_empty());
    }

    #[test]
    fn navy_commanders_and_assistants_of_a_secretariat() {
        let ex = Extractor::new().unwrap();
        let rec = ex.extract(&Article::new(
            "n",
            "Sorong – Asisten I Setda PBD Yakob Kambu membuka rapat. Danlanal Sorong \
             Kolonel Laut (P) Budi Hartono hadir.",
        ));
        let got: Vec<(&str, &str, Vec<String>)> = rec
            .people
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.roles[0].title.as_str(),
                    p.honorifics.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Yakob Kambu", "asisten", vec![]),
                (
                    "Budi Hartono",
                    "danlanal",
                    vec!["Kolonel".to_string(), "Laut (P)".to_string()]
                ),
            ]
        );
        assert_eq!(rec.people[0].roles[0].jurisdiction.as_deref(), Some("96"));
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
