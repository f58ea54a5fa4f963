//! The annotated article: the original text with every span of its record highlighted,
//! and the events as cards beside it (`warta show`).
//!
//! ```
//! use warta::{Article, Extractor};
//!
//! let extractor = Extractor::new()?;
//! let article = Article::new("demo", "Rakor Forkopimda digelar di Samarinda, Kamis (6/7/2023).");
//! let record = extractor.extract(&article);
//! let html = warta::html::page::page(&record, &article.text);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! let start = article.text.find("Samarinda").unwrap();
//! let mark = format!(
//!     r#"<mark class="w w-place" data-type="place" data-start="{start}" data-end="{}" data-id="64.72" tabindex="0""#,
//!     start + "Samarinda".len(),
//! );
//! assert!(html.contains(&mark));
//! # Ok::<(), warta::Error>(())
//! ```
//!
//! # The markup of a highlighted span
//!
//! Every span of the record that points into the text (`text[start..end] == span.text`,
//! non-empty) is rendered as
//!
//! ```text
//! <mark class="w w-TYPE" data-type="TYPE" data-start="S" data-end="E" data-id="ID" tabindex="0" data-tip="…">…</mark>
//! ```
//!
//! - `TYPE` is one of `place institution person group time figure quote trigger`;
//! - `S`, `E` are the span's byte offsets into the original text;
//! - `ID` is the entity's id for places, institutions, people and groups, and the index
//!   into the record's list for the others: `time:K`, `figure:K`, `quote:K`, and
//!   `event:K` for an event's trigger (K from 0);
//! - `data-tip` is the tooltip (id, name, roles, value and resolution), drawn by CSS from
//!   the attribute on `:hover` and `:focus`: there is no tooltip element, so the text
//!   content of the marks is the article's text and nothing else (no `.tip` elements);
//! - a trigger's first fragment also has `id="dN-tS-E"` (N the article's number), which
//!   its event card links to.
//!
//! Nested spans become nested marks (for the same range, in the order `quote trigger group
//! institution person place time figure`, outermost first). A span that crosses the
//! boundary of another is split into fragments that carry the same `data-type`,
//! `data-start`, `data-end` and `data-id`; the fragments after the first also carry
//! `data-part="K"`, K = 1, 2 … (the first fragment is part 0, without the attribute). The
//! text contents of the fragments of one (type, start, end), concatenated in document
//! order, equal the span's text. A (type, start, end) given twice (two events with the
//! same trigger) is drawn once, with the first id.
//!
//! The renderer sorts the spans once and walks their boundaries in one pass; the cost is
//! linear in the text and the spans, times the depth of nesting.
//!
//! # Safety
//!
//! Everything a record or a text carries is untrusted: text nodes go through
//! [`push_text`] (and a carriage return becomes `&#13;`, so the page's
//! text is the input's byte for byte), attribute values through
//! [`push_attr`]. A URL becomes a link only when it starts with
//! `http://` or `https://`; otherwise it is shown as text. The page has no script.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{push_attr, push_text};
use crate::record::{ErrorRecord, Event, FigureKind, Person, Place, Record, Span, Time};

/// The kinds of highlighted spans. Their order is the nesting order of spans with the
/// same range (outermost first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SpanType {
    /// A direct quotation (`Record::quotes`).
    Quote,
    /// The trigger words of an event (`Event::trigger`).
    Trigger,
    /// A mention of a group.
    Group,
    /// A mention of an institution.
    Institution,
    /// A mention of a person.
    Person,
    /// A mention of a place.
    Place,
    /// A time expression.
    Time,
    /// A figure.
    Figure,
}

impl SpanType {
    /// Every type, in the order of the legend.
    pub const ALL: [SpanType; 8] = [
        SpanType::Place,
        SpanType::Institution,
        SpanType::Person,
        SpanType::Group,
        SpanType::Time,
        SpanType::Figure,
        SpanType::Quote,
        SpanType::Trigger,
    ];

    /// The name used in `class="w-TYPE"` and `data-type`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpanType::Quote => "quote",
            SpanType::Trigger => "trigger",
            SpanType::Group => "group",
            SpanType::Institution => "institution",
            SpanType::Person => "person",
            SpanType::Place => "place",
            SpanType::Time => "time",
            SpanType::Figure => "figure",
        }
    }

    /// What the legend says about the type.
    fn legend(self) -> &'static str {
        match self {
            SpanType::Trigger => "event trigger",
            other => other.as_str(),
        }
    }
}

/// The page's style sheet (inline in every page; exposed for pages that embed
/// [`article`] fragments).
pub const STYLE: &str = r#":root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1c1c; background: #f4f4f1; }
header.page { position: sticky; top: 0; z-index: 20; display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; padding: .5rem 1.2rem; background: #fff; border-bottom: 1px solid #d6d6d0; }
.brand { font-weight: 700; letter-spacing: .04em; }
.legend, .counts { display: flex; flex-wrap: wrap; gap: .35rem; margin: 0; padding: 0; list-style: none; align-items: center; }
.legend .hint { color: #555; font-size: .85rem; }
.key { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .85rem; }
nav.docs { margin: 1rem 1.2rem; padding: .6rem 1rem; background: #fff; border: 1px solid #d6d6d0; border-radius: 6px; }
nav.docs h2 { font-size: 1rem; margin: 0 0 .3rem; }
nav.docs ol { margin: 0; padding-left: 2.6rem; columns: 2 28rem; column-gap: 4rem; max-height: 45vh; overflow: auto; }
nav.docs li { break-inside: avoid; }
nav.docs li.failed a { color: #a11; }
.n { color: #666; font-size: .85em; font-weight: 400; }
article.doc { margin: 1rem 1.2rem; padding: 1rem 1.2rem; background: #fff; border: 1px solid #d6d6d0; border-radius: 6px; }
article.failed { border-color: #c33; }
.error { color: #a11; }
.doc-head h2 { margin: 0 0 .3rem; font-size: 1.3rem; line-height: 1.3; }
dl.meta { display: flex; flex-wrap: wrap; gap: .1rem 0; margin: 0 0 .6rem; font-size: .85rem; color: #444; }
dl.meta dt { font-weight: 600; }
dl.meta dt::after { content: ":"; }
dl.meta dd { margin: 0 1rem 0 .3rem; overflow-wrap: anywhere; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(17rem, 25rem); gap: 1.5rem; align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: minmax(0, 1fr); } }
.counts { margin: 0 0 .5rem; font-size: .85rem; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.06rem/1.85 Georgia, "Times New Roman", serif; }
mark.w { position: relative; color: inherit; background: none; border-radius: 2px; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.w:focus { outline: 2px solid #111; outline-offset: 1px; }
mark.w-place, .k-place { background: #d5efcf; box-shadow: inset 0 -2px #1b7837; }
mark.w-institution, .k-institution { background: #d6e6f7; box-shadow: inset 0 -2px #2166ac; }
mark.w-person, .k-person { background: #fddcbf; box-shadow: inset 0 -2px #c85200; }
mark.w-group, .k-group { background: #eadcf0; box-shadow: inset 0 -2px #762a83; }
mark.w-time, .k-time { background: #fff1a8; box-shadow: inset 0 -2px #8c6d00; }
mark.w-figure, .k-figure { background: #d3f2f0; box-shadow: inset 0 -2px #01665e; }
mark.w-quote, .k-quote { background: #f1f1ee; box-shadow: inset 0 -1px #777; font-style: italic; }
mark.w-trigger, .k-trigger { background: #fbd5d5; box-shadow: inset 0 -3px #b2182b; font-weight: 700; }
mark.w::after { content: attr(data-tip); display: none; position: absolute; left: 0; top: calc(100% + 3px); z-index: 10; width: max-content; max-width: 26rem; padding: .35rem .55rem; border-radius: 4px; background: #1e1e1e; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); white-space: pre-line; font: 400 normal .8rem/1.4 system-ui, sans-serif; text-align: left; pointer-events: none; }
mark.w:hover:not(:has(mark.w:hover))::after, mark.w:focus::after { display: block; }
.side h3 { font-size: 1rem; margin: .2rem 0 .5rem; }
.event { margin: 0 0 .8rem; padding: .5rem .7rem; border: 1px solid #d9d9d3; border-left: 4px solid #b2182b; border-radius: 4px; background: #fcfcfa; font-size: .88rem; }
.event h4 { margin: 0 0 .2rem; font-size: .95rem; }
.event .kind { text-transform: uppercase; letter-spacing: .03em; }
.event .sub { font-weight: 400; color: #444; }
.event .main { font-size: .75rem; font-weight: 600; padding: 0 .3rem; border-radius: 3px; background: #b2182b; color: #fff; vertical-align: middle; }
.event .etitle { margin: 0 0 .3rem; font-style: italic; }
.event dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem .6rem; margin: 0; }
.event dt { color: #555; }
.event dd { margin: 0; overflow-wrap: anywhere; }
.event ul { margin: 0; padding-left: 1rem; }
.at { color: #777; font-size: .8em; }
.warnings { margin: 0 0 .8rem; padding-left: 1.1rem; color: #7a4b00; font-size: .88rem; }
.none { color: #666; font-size: .9rem; }
details.ents { font-size: .88rem; margin: 0 0 .3rem; }
details.ents summary { cursor: pointer; font-weight: 600; }
details.ents ul { margin: .2rem 0 .4rem; padding-left: 1.1rem; }
a { color: #1a4f8b; }
@media print {
  body { background: #fff; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.page { position: static; }
  nav.docs, .legend .hint { display: none; }
  article.doc { border: 0; margin: 0 0 1.5rem; padding: 0; break-before: page; }
  article.doc:first-of-type { break-before: auto; }
  .cols { grid-template-columns: minmax(0, 1fr); }
  mark.w::after { display: none !important; }
  .event { break-inside: avoid; }
  details.ents > ul { display: block; }
}
"#;

/// One entry of a page of many articles (see [`pages`]).
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// An article's record and its original text.
    Article {
        /// The record extracted from `text`.
        record: &'a Record,
        /// The text the record's spans point into.
        text: &'a str,
    },
    /// An input that gave no record: shown as an error entry.
    Error(&'a ErrorRecord),
}

/// One article as a whole HTML document: the text with its spans highlighted, the events
/// and warnings beside it. `text` is the input the record was extracted from; spans that
/// do not point into it are not highlighted (the page says how many).
pub fn page(record: &Record, text: &str) -> String {
    let mut p = Page::new();
    p.push(record, text);
    p.finish()
}

/// Many articles (and error entries) as one HTML document, with a list at the top that
/// links to each.
pub fn pages<'a>(entries: impl IntoIterator<Item = Entry<'a>>) -> String {
    let mut p = Page::new();
    for e in entries {
        match e {
            Entry::Article { record, text } => p.push(record, text),
            Entry::Error(err) => p.push_error(err),
        }
    }
    p.finish()
}

/// A page being built, one article at a time: [`Page::push`] renders an article at once
/// (the record and text can be dropped afterwards), [`Page::finish`] writes the document.
#[derive(Debug, Default)]
pub struct Page {
    nav: String,
    body: String,
    title: Option<String>,
    entries: usize,
    failed: usize,
}

impl Page {
    /// An empty page.
    pub fn new() -> Page {
        Page::default()
    }

    /// Adds an article: `record` extracted from `text`.
    pub fn push(&mut self, record: &Record, text: &str) {
        self.entries += 1;
        let n = self.entries;
        article(&mut self.body, n, record, text);
        let title = doc_title(record);
        let events = record.events.len();
        let _ = write!(self.nav, "<li><a href=\"#doc-{n}\">");
        push_text(&mut self.nav, title);
        let plural = if events == 1 { "" } else { "s" };
        let _ = write!(
            self.nav,
            "</a> <span class=\"n\">{events} event{plural}</span></li>"
        );
        if n == 1 {
            self.title = Some(title.to_string());
        }
    }

    /// Adds an input that gave no record.
    pub fn push_error(&mut self, error: &ErrorRecord) {
        self.entries += 1;
        self.failed += 1;
        let n = self.entries;
        error_article(&mut self.body, n, error);
        let _ = write!(self.nav, "<li class=\"failed\"><a href=\"#doc-{n}\">");
        push_text(&mut self.nav, error.doc.id.as_deref().unwrap_or("?"));
        self.nav.push_str("</a> <span class=\"n\">");
        push_text(&mut self.nav, &error.error.kind);
        self.nav.push_str("</span></li>");
    }

    /// The number of entries (articles and errors) so far.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// The number of error entries so far.
    pub fn failed(&self) -> usize {
        self.failed
    }

    /// The whole document: head and style, the legend, the list of entries (when there is
    /// more than one), the entries.
    pub fn finish(self) -> String {
        let mut out = self.head();
        out.reserve(self.body.len() + TAIL.len());
        out.push_str(&self.body);
        out.push_str(TAIL);
        out
    }

    /// Writes the document that [`Page::finish`] returns to `w`, without making one
    /// string of it.
    pub fn write_to<W: std::io::Write>(self, w: &mut W) -> std::io::Result<()> {
        w.write_all(self.head().as_bytes())?;
        w.write_all(self.body.as_bytes())?;
        w.write_all(TAIL.as_bytes())
    }

    /// Everything before the entries.
    fn head(&self) -> String {
        let mut out = String::with_capacity(self.nav.len() + STYLE.len() + 2048);
        out.push_str("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<title>warta · ");
        match (self.entries, &self.title) {
            (1, Some(t)) => push_text(&mut out, t),
            (1, None) => out.push_str("1 article"),
            (n, _) => {
                let _ = write!(out, "{n} articles");
            }
        }
        out.push_str("</title>\n<style>\n");
        out.push_str(STYLE);
        out.push_str(
            "</style>\n</head>\n<body>\n<header class=\"page\"><span class=\"brand\">warta</span>",
        );
        legend(&mut out);
        out.push_str("</header>\n");
        if self.entries > 1 {
            let _ = write!(out, "<nav class=\"docs\"><h2>{} articles", self.entries);
            if self.failed > 0 {
                let _ = write!(out, ", {} failed", self.failed);
            }
            out.push_str("</h2><ol>");
            out.push_str(&self.nav);
            out.push_str("</ol></nav>\n");
        }
        out.push_str("<main>\n");
        out
    }
}

/// Everything after the entries.
const TAIL: &str = "</main>\n</body>\n</html>\n";

/// Writes the legend: one key per span type, in its colours.
pub fn legend(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"legend\">");
    for t in SpanType::ALL {
        let _ = write!(
            out,
            "<li><span class=\"key k-{}\">{}</span></li>",
            t.as_str(),
            t.legend()
        );
    }
    out.push_str("<li class=\"hint\">hover or focus (Tab) a highlight for its details</li></ul>");
}

/// The headline shown for a record: its title, else its id.
fn doc_title(record: &Record) -> &str {
    match record.doc.title.as_deref() {
        Some(t) if !t.trim().is_empty() => t,
        _ => &record.doc.id,
    }
}

/// Writes one article as `<article class="doc" id="doc-N" data-doc-id="ID">`: its head,
/// the text with its spans highlighted, and beside it the events, the warnings and the
/// entities. `n` numbers the article in its page (ids of its anchors are `doc-N` and
/// `dN-…`).
pub fn article(out: &mut String, n: usize, record: &Record, text: &str) {
    let names = Names::of(record);
    let _ = write!(out, "<article class=\"doc\" id=\"doc-{n}\" data-doc-id=\"");
    push_attr(out, &record.doc.id);
    out.push_str("\">\n");
    doc_head(out, record, &names);
    let marks = collect(record, text, &names);
    out.push_str("<div class=\"cols\">\n<section class=\"text\" aria-label=\"text\">");
    counts(out, &marks.marks);
    out.push_str("<div class=\"body\">");
    body(out, n, text, &marks);
    out.push_str("</div></section>\n<aside class=\"side\">");
    events(out, n, record, text, &names);
    warnings(out, record, marks.invalid);
    entities(out, record, &names);
    out.push_str("</aside>\n</div>\n</article>\n");
}

/// Writes an input that gave no record as `<article class="doc failed" id="doc-N"
/// data-doc-id="ID">` with the error's kind and message.
pub fn error_article(out: &mut String, n: usize, error: &ErrorRecord) {
    let id = error.doc.id.as_deref().unwrap_or("");
    let _ = write!(
        out,
        "<article class=\"doc failed\" id=\"doc-{n}\" data-doc-id=\""
    );
    push_attr(out, id);
    out.push_str("\">\n<h2>");
    push_text(out, if id.is_empty() { "?" } else { id });
    out.push_str("</h2>\n<p class=\"error\"><b>");
    push_text(out, &error.error.kind);
    out.push_str("</b>: ");
    push_text(out, &error.error.message);
    out.push_str("</p>\n</article>\n");
}

/// Names of the record's people, institutions, groups and places, by id.
struct Names<'r> {
    names: HashMap<&'r str, &'r str>,
    places: HashMap<&'r str, &'r Place>,
}

impl<'r> Names<'r> {
    fn of(record: &'r Record) -> Names<'r> {
        let mut names = HashMap::new();
        for p in &record.people {
            names.entry(p.id.as_str()).or_insert(p.name.as_str());
        }
        for i in &record.institutions {
            names.entry(i.id.as_str()).or_insert(i.name.as_str());
        }
        for g in &record.groups {
            names.entry(g.id.as_str()).or_insert(g.name.as_str());
        }
        let mut places = HashMap::new();
        for p in &record.places {
            names.entry(p.id.as_str()).or_insert(p.name.as_str());
            places.entry(p.id.as_str()).or_insert(p);
        }
        Names { names, places }
    }

    /// "Name [id]", or the id alone when the record does not name it.
    fn label(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(name) if *name != id => format!("{name} [{id}]"),
            None if id == "ID" => "Indonesia [ID]".to_string(),
            _ => id.to_string(),
        }
    }

    /// A place with its level and its parent: "Samarinda [64.72] (kota), in Kalimantan
    /// Timur [64]".
    fn place(&self, id: &str) -> String {
        let Some(p) = self.places.get(id) else {
            return self.label(id);
        };
        let mut s = format!("{} [{}] ({})", p.name, p.id, p.level.as_str());
        if let Some(parent) = &p.parent {
            let _ = write!(s, ", in {}", self.label(parent));
        }
        s
    }
}

/// One span to highlight.
struct Mark {
    ty: SpanType,
    start: usize,
    end: usize,
    id: String,
    /// Index into [`Marks::tips`].
    tip: usize,
}

/// The spans of a record that point into its text, sorted, and their tooltips.
struct Marks {
    marks: Vec<Mark>,
    tips: Vec<String>,
    /// Spans that do not point into the text.
    invalid: usize,
}

impl Marks {
    fn add(&mut self, text: &str, ty: SpanType, span: &Span, id: &str, tip: usize) {
        if text.get(span.start..span.end) != Some(span.text.as_str()) {
            self.invalid += 1;
        } else if span.start < span.end {
            self.marks.push(Mark {
                ty,
                start: span.start,
                end: span.end,
                id: id.to_string(),
                tip,
            });
        }
    }

    fn tip(&mut self, tip: String) -> usize {
        self.tips.push(tip);
        self.tips.len() - 1
    }
}

/// Every span of `record`, checked against `text`, sorted by start, longest first, then
/// by nesting order; a repeated (type, start, end) is kept once.
fn collect(record: &Record, text: &str, names: &Names<'_>) -> Marks {
    let mut m = Marks {
        marks: Vec::new(),
        tips: Vec::new(),
        invalid: 0,
    };
    for p in &record.places {
        let tip = m.tip(format!("place · {}", names.place(&p.id)));
        for s in &p.mentions {
            m.add(text, SpanType::Place, s, &p.id, tip);
        }
    }
    for i in &record.institutions {
        let mut t = format!("institution · {}\n{}", i.id, i.name);
        let _ = write!(t, "\ntype: {}", i.kind);
        if let Some(c) = &i.category {
            let _ = write!(t, " ({c})");
        }
        if let Some(j) = &i.jurisdiction {
            let _ = write!(t, "\njurisdiction: {}", names.place(j));
        }
        if let Some(u) = &i.unit {
            let _ = write!(t, "\nunit: {u}");
        }
        let tip = m.tip(t);
        for s in &i.mentions {
            m.add(text, SpanType::Institution, s, &i.id, tip);
        }
    }
    for p in &record.people {
        let tip = m.tip(person_tip(p, names));
        for s in &p.mentions {
            m.add(text, SpanType::Person, s, &p.id, tip);
        }
    }
    for g in &record.groups {
        let tip = m.tip(format!("group · {}\n{} (type: {})", g.id, g.name, g.kind));
        for s in &g.mentions {
            m.add(text, SpanType::Group, s, &g.id, tip);
        }
    }
    for (k, t) in record.times.iter().enumerate() {
        let tip = m.tip(format!("time:{k} · {}", time_text(t)));
        m.add(text, SpanType::Time, &t.span, &format!("time:{k}"), tip);
    }
    for (k, f) in record.figures.iter().enumerate() {
        let mut t = format!("figure:{k} · {}: {}", figure_kind(f.kind), number(f.value));
        if let Some(u) = &f.unit {
            let _ = write!(t, " {u}");
        }
        let tip = m.tip(t);
        m.add(text, SpanType::Figure, &f.span, &format!("figure:{k}"), tip);
    }
    for (k, q) in record.quotes.iter().enumerate() {
        let mut t = format!("quote:{k}");
        match &q.speaker {
            Some(s) => {
                let _ = write!(t, " · speaker: {}", names.label(s));
            }
            None => t.push_str(" · speaker unknown"),
        }
        if let Some(c) = &q.channel {
            let _ = write!(t, "\nthrough: {}", names.label(c));
        }
        if let Some(c) = &q.cue {
            let _ = write!(t, "\ncue: {c}");
        }
        let tip = m.tip(t);
        m.add(text, SpanType::Quote, &q.span, &format!("quote:{k}"), tip);
    }
    for (k, e) in record.events.iter().enumerate() {
        let tip = m.tip(trigger_tip(k, e, names));
        m.add(
            text,
            SpanType::Trigger,
            &e.trigger,
            &format!("event:{k}"),
            tip,
        );
    }
    // Stable: for equal keys, the order above (the record's order) decides.
    m.marks
        .sort_by(|a, b| (a.start, b.end, a.ty).cmp(&(b.start, a.end, b.ty)));
    m.marks
        .dedup_by(|b, a| (a.ty, a.start, a.end) == (b.ty, b.start, b.end));
    m
}

/// The JSON name of a figure's kind.
fn figure_kind(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
        FigureKind::Count => "count",
        FigureKind::Rank => "rank",
    }
}

fn person_tip(p: &Person, names: &Names<'_>) -> String {
    let mut t = format!("person · {}\n", p.id);
    for h in &p.honorifics {
        t.push_str(h);
        t.push(' ');
    }
    t.push_str(&p.name);
    for r in &p.roles {
        t.push_str("\nrole: ");
        if let Some(a) = &r.acting {
            let _ = write!(t, "{a} ");
        }
        t.push_str(&r.title);
        if let Some(j) = &r.jurisdiction {
            let _ = write!(t, " of {}", names.place(j));
        }
        if let Some(i) = &r.institution {
            let _ = write!(t, " · {}", names.label(i));
        }
    }
    if p.known {
        t.push_str("\nin the officials lexicon");
    }
    t
}

fn trigger_tip(k: usize, e: &Event, names: &Names<'_>) -> String {
    let mut t = format!("event:{k} · {}", e.kind);
    if let Some(s) = &e.subtype {
        let _ = write!(t, " / {s}");
    }
    if k == 0 {
        t.push_str(" (main event)");
    }
    if let Some(d) = &e.date {
        let _ = write!(t, "\ndate: {}", time_text(d));
    }
    if let Some(p) = &e.place {
        let _ = write!(t, "\nplace: {}", names.place(p));
    }
    t
}

/// A time's resolution in words: "2023-07-06 (date, day) · kamis ✓ · 20:15 WITA".
fn time_text(t: &Time) -> String {
    let mut s = t.value.clone().unwrap_or_else(|| "no value".into());
    if let Some(e) = &t.end {
        let _ = write!(s, " – {e}");
    }
    let kind = serde_json::to_value(t.kind).ok();
    let kind = kind.as_ref().and_then(|v| v.as_str()).unwrap_or("?");
    let _ = write!(s, " ({kind}");
    if let Some(p) = t.precision.and_then(|p| serde_json::to_value(p).ok()) {
        let _ = write!(s, ", {}", p.as_str().unwrap_or("?"));
    }
    s.push(')');
    if let Some(w) = &t.weekday {
        let ok = match t.weekday_ok {
            Some(true) => " ✓",
            Some(false) => " ✗ contradicts the date",
            None => "",
        };
        let _ = write!(s, " · {w}{ok}");
    }
    for x in [&t.time, &t.zone, &t.part_of_day].into_iter().flatten() {
        let _ = write!(s, " · {x}");
    }
    if t.publication {
        s.push_str(" · publication date");
    }
    s
}

/// A number as the record gives it, without a useless ".0".
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Writes the text with its marks: one pass over the sorted span boundaries. At each
/// boundary the marks ending there are closed (a mark above them on the stack is closed
/// too and reopened as its next fragment), then the reopened and the starting marks are
/// opened, the longest outermost.
fn body(out: &mut String, n: usize, text: &str, marks: &Marks) {
    let m = &marks.marks;
    let mut parts = vec![0usize; m.len()];
    let mut stack: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0; // the next mark to open, in start order
    let mut pos = 0;
    loop {
        // Close every mark that ends here, with whatever is above it.
        if let Some(low) = stack.iter().position(|&i| m[i].end == pos) {
            for i in stack.drain(low..).rev() {
                out.push_str("</mark>");
                if m[i].end != pos {
                    open.push(i);
                }
            }
        }
        while next < m.len() && m[next].start == pos {
            open.push(next);
            next += 1;
        }
        // Longest first (outermost); for the same end, the earlier in sort order.
        open.sort_unstable_by_key(|&i| (std::cmp::Reverse(m[i].end), i));
        for i in open.drain(..) {
            open_tag(out, n, &m[i], &marks.tips[m[i].tip], parts[i]);
            parts[i] += 1;
            stack.push(i);
        }
        let close = stack.iter().map(|&i| m[i].end).min();
        let start = m.get(next).map(|x| x.start);
        let to = match (close, start) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(text.len()),
        };
        push_body(out, &text[pos..to]);
        pos = to;
        if pos >= text.len() && stack.is_empty() && next >= m.len() {
            break;
        }
    }
}

fn open_tag(out: &mut String, n: usize, mark: &Mark, tip: &str, part: usize) {
    let ty = mark.ty.as_str();
    let _ = write!(
        out,
        "<mark class=\"w w-{ty}\" data-type=\"{ty}\" data-start=\"{}\" data-end=\"{}\" data-id=\"",
        mark.start, mark.end
    );
    push_attr(out, &mark.id);
    out.push_str("\" tabindex=\"0\"");
    if part > 0 {
        let _ = write!(out, " data-part=\"{part}\"");
    } else if mark.ty == SpanType::Trigger {
        let _ = write!(out, " id=\"d{n}-t{}-{}\"", mark.start, mark.end);
    }
    out.push_str(" data-tip=\"");
    push_attr(out, tip);
    out.push_str("\">");
}

/// Escapes article text for a text node; a carriage return becomes `&#13;`, which the
/// HTML parser keeps (a literal one would be read as a line feed).
fn push_body(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'\r' {
            push_text(out, &s[last..i]);
            out.push_str("&#13;");
            last = i + 1;
        }
    }
    push_text(out, &s[last..]);
}

/// The number of highlighted spans per type, in the legend's colours.
fn counts(out: &mut String, marks: &[Mark]) {
    let mut n = [0usize; 8];
    for m in marks {
        n[m.ty as usize] += 1;
    }
    out.push_str("<p class=\"counts\">");
    for t in SpanType::ALL {
        if n[t as usize] > 0 {
            let _ = write!(
                out,
                "<span class=\"key k-{}\">{} {}</span> ",
                t.as_str(),
                n[t as usize],
                t.legend()
            );
        }
    }
    if marks.is_empty() {
        out.push_str("nothing found");
    }
    out.push_str("</p>");
}

/// The article's headline and document fields.
fn doc_head(out: &mut String, record: &Record, names: &Names<'_>) {
    let d = &record.doc;
    out.push_str("<header class=\"doc-head\"><h2>");
    push_text(out, doc_title(record));
    out.push_str("</h2>\n<dl class=\"meta\">");
    field(out, "id", &d.id);
    if let Some(url) = &d.url {
        out.push_str("<dt>url</dt><dd>");
        link(out, url);
        out.push_str("</dd>");
    }
    let opt = [
        ("reference date", d.reference_date.clone()),
        ("dateline", d.dateline.as_deref().map(|p| names.place(p))),
        ("publisher", d.publisher.clone()),
        ("author", d.author.clone()),
        ("editor", d.editor.clone()),
    ];
    for (k, v) in opt {
        if let Some(v) = v {
            field(out, k, &v);
        }
    }
    field(out, "bytes", &d.bytes.to_string());
    for (k, v) in d.meta.iter().flatten() {
        let v = match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::Bool(b) => b.to_string(),
            _ => continue,
        };
        out.push_str("<dt>");
        push_text(out, k);
        out.push_str("</dt><dd>");
        push_text(out, clip(&v, 120));
        out.push_str("</dd>");
    }
    out.push_str("</dl></header>\n");
}

/// The first `max` bytes of `s` (cut at a char boundary).
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, "<dt>{name}</dt><dd>");
    push_text(out, value);
    out.push_str("</dd>");
}

/// A URL as a link when it is `http(s)://`, as text otherwise.
fn link(out: &mut String, url: &str) {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        out.push_str("<a rel=\"noopener noreferrer nofollow\" href=\"");
        push_attr(out, url);
        out.push_str("\">");
        push_text(out, url);
        out.push_str("</a>");
    } else {
        out.push_str("<span class=\"url\">");
        push_text(out, url);
        out.push_str("</span>");
    }
}

/// The events as cards, the main event first.
fn events(out: &mut String, n: usize, record: &Record, text: &str, names: &Names<'_>) {
    let _ = write!(
        out,
        "<h3>Events <span class=\"n\">{}</span></h3>",
        record.events.len()
    );
    if record.events.is_empty() {
        out.push_str("<p class=\"none\">No event found.</p>");
    }
    for (k, e) in record.events.iter().enumerate() {
        event(out, n, k, e, text, names);
    }
}

fn event(out: &mut String, n: usize, k: usize, e: &Event, text: &str, names: &Names<'_>) {
    let _ = write!(out, "<section class=\"event\" data-event=\"{k}\"><h4>");
    out.push_str("<span class=\"kind\">");
    push_text(out, &e.kind);
    out.push_str("</span>");
    if let Some(s) = &e.subtype {
        out.push_str(" <span class=\"sub\">");
        push_text(out, s);
        out.push_str("</span>");
    }
    if k == 0 {
        out.push_str(" <span class=\"main\">main</span>");
    }
    out.push_str("</h4>");
    if let Some(t) = &e.title {
        out.push_str("<p class=\"etitle\">");
        push_text(out, t);
        out.push_str("</p>");
    }
    out.push_str("<dl>");
    let t = &e.trigger;
    out.push_str("<dt>trigger</dt><dd>");
    if t.start < t.end && text.get(t.start..t.end) == Some(t.text.as_str()) {
        let _ = write!(out, "<a href=\"#d{n}-t{}-{}\">", t.start, t.end);
        push_text(out, &t.text);
        out.push_str("</a>");
    } else {
        push_text(out, &t.text);
    }
    let _ = write!(out, " <span class=\"at\">@{}</span></dd>", t.start);
    if let Some(d) = &e.date {
        out.push_str("<dt>date</dt><dd>");
        push_text(out, &time_text(d));
        out.push_str(" <q>");
        push_text(out, &d.span.text);
        out.push_str("</q></dd>");
    }
    if let Some(v) = &e.venue {
        let mut s = v.name.clone();
        if let Some(p) = &v.place {
            let _ = write!(s, " · {}", names.place(p));
        }
        field(out, "venue", &s);
    }
    if let Some(p) = &e.place {
        let mut s = names.place(p);
        if let Some(pr) = &e.place_precision {
            let _ = write!(s, " · precision: {pr}");
        }
        field(out, "place", &s);
    }
    if let Some(s) = &e.scope {
        field(out, "scope", &names.place(s));
    }
    if let Some(el) = &e.election {
        field(out, "election", &format!("{} {}", el.kind, el.year));
    }
    if let Some(c) = &e.chair {
        field(out, "chair", &names.label(c));
    }
    ids(out, "actor 1", &e.actors.actor1, names);
    ids(out, "actor 2", &e.actors.actor2, names);
    if !e.counts.is_empty() {
        out.push_str("<dt>counts</dt><dd><ul>");
        for c in &e.counts {
            let about = if c.approx { "≈ " } else { "" };
            let _ = write!(out, "<li>");
            push_text(out, &c.kind);
            let _ = write!(out, ": {about}{} <q>", number(c.value));
            push_text(out, &c.span.text);
            out.push_str("</q></li>");
        }
        out.push_str("</ul></dd>");
    }
    ids(out, "participants", &e.participants, names);
    ids(out, "speakers", &e.speakers, names);
    out.push_str("</dl></section>");
}

/// A list of ids as names, when there are any.
fn ids(out: &mut String, name: &str, ids: &[String], names: &Names<'_>) {
    if ids.is_empty() {
        return;
    }
    let _ = write!(out, "<dt>{name}</dt><dd><ul>");
    for id in ids {
        out.push_str("<li>");
        push_text(out, &names.label(id));
        out.push_str("</li>");
    }
    out.push_str("</ul></dd>");
}

/// The record's warnings, and the spans that could not be shown.
fn warnings(out: &mut String, record: &Record, invalid: usize) {
    if record.warnings.is_empty() && invalid == 0 {
        return;
    }
    out.push_str("<h3>Warnings</h3><ul class=\"warnings\">");
    for w in &record.warnings {
        out.push_str("<li>");
        push_text(out, w);
        out.push_str("</li>");
    }
    if invalid > 0 {
        let _ = write!(
            out,
            "<li>{invalid} span(s) of the record do not point into this text and are not highlighted</li>"
        );
    }
    out.push_str("</ul>");
}

/// The entities of the record, one folded list per kind.
fn entities(out: &mut String, record: &Record, names: &Names<'_>) {
    let people: Vec<String> = record
        .people
        .iter()
        .map(|p| {
            let roles: Vec<&str> = p.roles.iter().map(|r| r.title.as_str()).collect();
            if roles.is_empty() {
                format!("{} [{}]", p.name, p.id)
            } else {
                format!("{} [{}] — {}", p.name, p.id, roles.join(", "))
            }
        })
        .collect();
    let institutions: Vec<String> = record
        .institutions
        .iter()
        .map(|i| format!("{} [{}]", i.name, i.id))
        .collect();
    let groups: Vec<String> = record
        .groups
        .iter()
        .map(|g| format!("{} [{}]", g.name, g.id))
        .collect();
    let places: Vec<String> = record.places.iter().map(|p| names.place(&p.id)).collect();
    for (title, items) in [
        ("People", people),
        ("Institutions", institutions),
        ("Groups", groups),
        ("Places", places),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<details class=\"ents\"><summary>{title} <span class=\"n\">{}</span></summary><ul>",
            items.len()
        );
        for i in &items {
            out.push_str("<li>");
            push_text(out, i);
            out.push_str("</li>");
        }
        out.push_str("</ul></details>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Doc;

    fn span(text: &str, start: usize, end: usize) -> Span {
        Span::of(text, start, end).unwrap()
    }

    #[test]
    fn crossing_spans_are_split_and_nested_ones_nest() {
        let text = "abcdef";
        let mut r = Record::empty(Doc::default());
        r.figures.push(crate::record::Figure {
            kind: crate::record::FigureKind::Count,
            value: 1.0,
            unit: None,
            span: span(text, 0, 4),
        });
        r.quotes.push(crate::record::Quote {
            text: "cdef".into(),
            speaker: None,
            cue: None,
            channel: None,
            span: span(text, 2, 6),
        });
        let names = Names::of(&r);
        let marks = collect(&r, text, &names);
        let mut out = String::new();
        body(&mut out, 1, text, &marks);
        let tags: Vec<&str> = out
            .split('<')
            .filter(|s| !s.is_empty())
            .map(|s| {
                if let Some(rest) = s.strip_prefix("/mark>") {
                    if rest.is_empty() {
                        "/"
                    } else {
                        rest
                    }
                } else {
                    s
                }
            })
            .collect();
        assert_eq!(tags.len(), 6, "{out}");
        assert!(tags[0].contains("data-type=\"figure\"") && tags[0].ends_with(">ab"));
        assert!(tags[1].contains("data-type=\"quote\"") && tags[1].ends_with(">cd"));
        assert!(!tags[1].contains("data-part"));
        assert_eq!((tags[2], tags[3]), ("/", "/"));
        assert!(tags[4].contains("data-type=\"quote\"") && tags[4].contains("data-part=\"1\""));
        assert!(tags[4].ends_with(">ef"));
        assert_eq!(tags[5], "/");
    }

    #[test]
    fn numbers_and_kinds() {
        assert_eq!(number(103000000000.0), "103000000000");
        assert_eq!(number(79.5), "79.5");
        assert_eq!(figure_kind(FigureKind::Percent), "percent");
    }
}
