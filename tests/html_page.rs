//! `warta show` and `warta::html::page`: every span is highlighted with exactly its text,
//! crossing spans are split, nested ones nest, and nothing from the input runs.
//!
//! The pages are read back with a small scanner written here (no HTML parser
//! dependency): it relies on the renderer escaping `<`, `>` and quotes in attribute
//! values, which is itself one of the things tested.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use warta::html::page;
use warta::record::{
    Doc, ErrorDoc, ErrorRecord, Event, Figure, FigureKind, Group, Institution, Level, Person,
    Place, Quote, Record, Span, Time, TimeKind,
};
use warta::{Article, Extractor};

#[path = "common/cli.rs"]
mod cli;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| Extractor::new().expect("extractor"));

/// One `<mark>` element of a page: its attributes and its whole text content.
#[derive(Debug)]
struct Frag {
    attrs: BTreeMap<String, String>,
    text: String,
}

impl Frag {
    fn key(&self) -> (String, usize, usize) {
        (
            self.attrs["data-type"].clone(),
            self.attrs["data-start"].parse().unwrap(),
            self.attrs["data-end"].parse().unwrap(),
        )
    }
    fn part(&self) -> Option<&str> {
        self.attrs.get("data-part").map(String::as_str)
    }
}

/// A tag of the page: its name (`/mark` for a closing tag) and its attributes, decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Decodes the character references the renderer writes.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').expect("a reference ends with ;") + i;
        let name = &rest[i + 1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            _ => {
                let n = name.strip_prefix('#').expect("a known reference");
                char::from_u32(n.parse().unwrap()).unwrap()
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Parses the inside of a start tag: `name a="v" b="w" c`. Panics on anything else, so
/// an attribute value that broke out of its quotes fails the test.
fn parse_tag(inner: &str) -> Tag {
    let (name, mut rest) = inner.split_once(' ').unwrap_or((inner, ""));
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let stop = rest.find([' ', '=']).unwrap_or(rest.len());
        let key = rest[..stop].to_string();
        assert!(
            key.bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()),
            "odd attribute name {key:?} in <{inner}>"
        );
        rest = &rest[stop..];
        if let Some(r) = rest.strip_prefix("=\"") {
            let end = r.find('"').expect("a closing quote");
            attrs.push((key, decode(&r[..end])));
            rest = &r[end + 1..];
        } else {
            attrs.push((key, String::new()));
        }
    }
    Tag {
        name: name.to_string(),
        attrs,
    }
}

/// Every tag of `html`, and the marks with their text contents, in document order.
/// The contents of `<style>` are skipped.
fn scan(html: &str) -> (Vec<Tag>, Vec<Frag>) {
    let mut tags = Vec::new();
    let mut frags: Vec<Frag> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = decode(&rest[..lt]);
        for &i in &open {
            frags[i].text.push_str(&text);
        }
        let gt = rest[lt..].find('>').expect("a tag ends") + lt;
        let inner = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if inner.starts_with('!') {
            continue;
        }
        let tag = parse_tag(inner);
        if tag.name == "style" {
            rest = &rest[rest.find("</style>").unwrap()..];
        } else if tag.name == "mark" {
            open.push(frags.len());
            frags.push(Frag {
                attrs: tag.attrs.iter().cloned().collect(),
                text: String::new(),
            });
        } else if tag.name == "/mark" {
            open.pop().expect("a </mark> closes an open mark");
        }
        tags.push(tag);
    }
    assert!(open.is_empty(), "marks left open");
    (tags, frags)
}

/// The concatenated text of the fragments of each (type, start, end).
fn joined(frags: &[Frag]) -> BTreeMap<(String, usize, usize), String> {
    let mut m: BTreeMap<_, String> = BTreeMap::new();
    for f in frags {
        m.entry(f.key()).or_default().push_str(&f.text);
    }
    m
}

/// Every (type, start, end, text) of a record, as the page should highlight it.
fn expected(record: &Record) -> BTreeMap<(String, usize, usize), String> {
    let mut m = BTreeMap::new();
    let mut add = |ty: &str, s: &Span| {
        m.insert((ty.to_string(), s.start, s.end), s.text.clone());
    };
    record
        .places
        .iter()
        .flat_map(|p| &p.mentions)
        .for_each(|s| add("place", s));
    let inst = record.institutions.iter().flat_map(|i| &i.mentions);
    inst.for_each(|s| add("institution", s));
    record
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .for_each(|s| add("person", s));
    record
        .groups
        .iter()
        .flat_map(|g| &g.mentions)
        .for_each(|s| add("group", s));
    record.times.iter().for_each(|t| add("time", &t.span));
    record.figures.iter().for_each(|f| add("figure", &f.span));
    record.quotes.iter().for_each(|q| add("quote", &q.span));
    record
        .events
        .iter()
        .for_each(|e| add("trigger", &e.trigger));
    m
}

/// The text of the `<div class="body">` elements, tags dropped and references decoded.
fn body_texts(html: &str) -> Vec<String> {
    html.split("<div class=\"body\">")
        .skip(1)
        .map(|s| {
            let s = &s[..s.find("</div>").unwrap()];
            let mut out = String::new();
            for (i, piece) in s.split('<').enumerate() {
                let text = if i == 0 {
                    piece
                } else {
                    &piece[piece.find('>').unwrap() + 1..]
                };
                out.push_str(&decode(text));
            }
            out
        })
        .collect()
}

fn span(text: &str, s: &str, nth: usize) -> Span {
    let start = text.match_indices(s).nth(nth).expect("in the text").0;
    Span::of(text, start, start + s.len()).unwrap()
}

fn doc(id: &str) -> Doc {
    Doc {
        id: id.into(),
        ..Doc::default()
    }
}

fn trigger_event(kind: &str, trigger: Span) -> Event {
    Event {
        kind: kind.into(),
        subtype: None,
        title: None,
        date: None,
        venue: None,
        place: Some("64.02".into()),
        place_precision: Some("kabupaten".into()),
        scope: None,
        election: None,
        chair: Some("edi-damansyah".into()),
        participants: vec![],
        actors: Default::default(),
        counts: vec![],
        speakers: vec![],
        trigger,
    }
}

/// A record built by hand: crossing, nested, identical, repeated and invalid spans over
/// a text with multi-byte characters.
fn handmade() -> (String, Record) {
    let text = "Bupati Kutai Kartanegara – “Edi Damansyah” hadir.".to_string();
    let t = text.as_str();
    let mut r = Record::empty(doc("tangan"));
    r.institutions.push(Institution {
        id: "bupati@64.02".into(),
        kind: "pemkab".into(),
        category: None,
        name: "Bupati Kutai".into(),
        jurisdiction: Some("64.02".into()),
        unit: None,
        mentions: vec![span(t, "Bupati Kutai", 0)],
    });
    r.places.push(Place {
        id: "64.02".into(),
        name: "Kutai Kartanegara".into(),
        level: Level::Kabupaten,
        parent: Some("64".into()),
        // The second mention does not point into the text: it is not drawn.
        mentions: vec![
            span(t, "Kutai Kartanegara", 0),
            Span {
                start: 0,
                end: 5,
                text: "Kutai".into(),
            },
        ],
    });
    r.times.push(Time {
        value: None,
        end: None,
        kind: TimeKind::Duration,
        precision: None,
        weekday: None,
        weekday_ok: None,
        year: None,
        time: None,
        zone: None,
        part_of_day: None,
        publication: false,
        span: span(t, "Kartanegara –", 0),
    });
    r.quotes.push(Quote {
        text: "Edi Damansyah".into(),
        speaker: None,
        cue: None,
        channel: None,
        span: span(t, "Edi Damansyah", 0),
    });
    r.people.push(Person {
        id: "edi-damansyah".into(),
        name: "Edi Damansyah".into(),
        honorifics: vec![],
        known: false,
        roles: vec![],
        mentions: vec![span(t, "Edi Damansyah", 0)],
    });
    // Two events with the same trigger: drawn once.
    r.events.push(trigger_event("visit", span(t, "hadir", 0)));
    r.events.push(trigger_event("meeting", span(t, "hadir", 0)));
    (text, r)
}

#[test]
fn crossing_spans_are_split_and_nested_spans_nest() {
    let (text, record) = handmade();
    let html = page::page(&record, &text);
    let (_, frags) = scan(&html);
    let got: Vec<(String, usize, usize, Option<&str>, &str)> = frags
        .iter()
        .map(|f| {
            let (ty, s, e) = f.key();
            (ty, s, e, f.part(), f.text.as_str())
        })
        .collect();
    let o = |ty: &str, s, e, part, t| (ty.to_string(), s, e, part, t);
    // Offsets by hand: "–", "“" and "”" are 3 bytes each.
    assert_eq!(
        got,
        vec![
            o("institution", 0, 12, None, "Bupati Kutai"),
            o("place", 7, 24, None, "Kutai"),
            o("place", 7, 24, Some("1"), " Kartanegara"),
            o("time", 13, 28, None, "Kartanegara"),
            o("time", 13, 28, Some("1"), " –"),
            o("quote", 32, 45, None, "Edi Damansyah"),
            o("person", 32, 45, None, "Edi Damansyah"),
            o("trigger", 49, 54, None, "hadir"),
        ]
    );
    // The person is inside the quote, the place's first fragment inside the institution.
    let q = html.find("data-type=\"quote\"").unwrap();
    let p = html.find("data-type=\"person\"").unwrap();
    assert!(q < p && !html[q..p].contains("</mark>"));
    // The exact markup of the contract.
    assert!(html.contains(
        "<mark class=\"w w-place\" data-type=\"place\" data-start=\"7\" data-end=\"24\" data-id=\"64.02\" tabindex=\"0\" "
    ));
    assert_eq!(frags[7].attrs["data-id"], "event:0");
    assert_eq!(frags[7].attrs["id"], "d1-t49-54");
    assert!(html.contains("<a href=\"#d1-t49-54\">hadir</a>"));
    assert_eq!(frags[3].attrs["data-id"], "time:0");
    // Fragments carry the same data as the first one.
    assert_eq!(frags[2].attrs["data-id"], "64.02");
    assert_eq!(frags[2].attrs["tabindex"], "0");
    for f in &frags {
        let (ty, s, e) = f.key();
        assert_eq!(f.attrs["class"], format!("w w-{ty}"));
        assert!(text.get(s..e).is_some());
    }
    // Every span's fragments together are its text; the invalid span is reported.
    let mut want = expected(&record);
    want.remove(&("place".to_string(), 0, 5));
    assert_eq!(joined(&frags), want);
    assert!(html.contains("1 span(s) of the record do not point into this text"));
    assert_eq!(body_texts(&html), vec![text.clone()]);
}

#[test]
fn every_span_of_every_fixture_is_drawn_with_its_text() {
    let mut files: Vec<_> = std::fs::read_dir("fixtures")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() > 50);
    let mut quotes_with_inner_marks = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let record = EXTRACTOR.extract(&Article::new("f", text.as_str()));
        let html = page::page(&record, &text);
        let (_, frags) = scan(&html);
        let name = path.display();
        assert_eq!(joined(&frags), expected(&record), "{name}");
        assert_eq!(body_texts(&html), vec![text.clone()], "{name}");
        for f in &frags {
            let (_, s, e) = f.key();
            assert!(text[s..e].contains(&f.text), "{name}: {f:?}");
        }
        quotes_with_inner_marks += record
            .quotes
            .iter()
            .filter(|q| {
                record
                    .people
                    .iter()
                    .flat_map(|p| &p.mentions)
                    .any(|m| q.span.start <= m.start && m.end <= q.span.end)
            })
            .count();
        assert!(
            !html.contains("span(s) of the record do not point"),
            "{name}"
        );
    }
    assert!(quotes_with_inner_marks > 0, "no nesting was exercised");
}

#[test]
fn a_fixture_through_the_command_line() {
    let path = "fixtures/event-protest-medan-dprd-sumut-ricuh.txt";
    let text = std::fs::read_to_string(path).unwrap();
    let out = cli::warta(&["show", "-", "--quiet"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    // The dateline "MEDAN" is Kota Medan (12.71); the main event is the protest ("Demo"),
    // both checked by hand against the article.
    let medan = text.find("MEDAN").unwrap();
    assert!(html.contains(&format!(
        "<mark class=\"w w-place\" data-type=\"place\" data-start=\"{medan}\" data-end=\"{}\" data-id=\"12.71\" tabindex=\"0\" ",
        medan + 5
    )));
    assert!(
        html.contains("data-type=\"trigger\" data-start=\"0\" data-end=\"4\" data-id=\"event:0\"")
    );
    assert!(html.contains("<span class=\"kind\">protest</span>"));
    assert!(html.contains("<article class=\"doc\" id=\"doc-1\" data-doc-id=\"-\">"));
    assert!(!html.contains("<nav"), "one article has no list");
    let (_, frags) = scan(&html);
    let record = EXTRACTOR.extract(&Article::new("-", text.as_str()));
    assert_eq!(joined(&frags), expected(&record));
}

#[test]
fn multibyte_text_keeps_byte_offsets() {
    let text = "Samarinda – Wali Kota Samarinda Andi Harun meninjau banjir pada Senin (9/9/2019) pukul 10.00 WITA. “Air sudah surut di 12 kelurahan,” kata Andi Harun.";
    let record = EXTRACTOR.extract(&Article::new("mb", text));
    let html = page::page(&record, text);
    let (_, frags) = scan(&html);
    let joined = joined(&frags);
    for ((ty, s, e), t) in &joined {
        assert_eq!(&text[*s..*e], t, "{ty}");
    }
    // Byte offsets counted by hand: "–" and "“" are 3 bytes each.
    let k = |ty: &str, s: usize, e: usize| (ty.to_string(), s, e);
    let want = [
        (k("place", 0, 9), "Samarinda"),
        (k("place", 24, 33), "Samarinda"),
        (k("person", 34, 44), "Andi Harun"),
        (k("time", 66, 99), "Senin (9/9/2019) pukul 10.00 WITA"),
        (k("quote", 104, 135), "Air sudah surut di 12 kelurahan"),
        (k("figure", 123, 135), "12 kelurahan"),
        (k("person", 145, 155), "Andi Harun"),
    ];
    for (key, t) in want {
        assert_eq!(joined.get(&key).map(String::as_str), Some(t), "{key:?}");
    }
    // The figure ends where the quote ends: nested, both closed at byte 135.
    let q = html.find("data-type=\"quote\"").unwrap();
    let f = html.find("data-type=\"figure\"").unwrap();
    assert!(q < f && !html[q..f].contains("</mark>"));
    assert!(html[f..].contains(">12 kelurahan</mark></mark>,” kata "));
    assert!(frags.iter().all(|f| f.part().is_none()));
    assert_eq!(body_texts(&html), vec![text.to_string()]);
}

#[test]
fn an_empty_record_is_the_text_alone() {
    let text = "Tidak ada apa-apa di sini.\r\nBaris kedua & <terakhir>.";
    let record = Record::empty(doc("kosong"));
    let html = page::page(&record, text);
    assert!(!html.contains("<mark"));
    assert!(html.contains("No event found."));
    assert!(html.contains("nothing found"));
    assert!(html.contains(
        "<div class=\"body\">Tidak ada apa-apa di sini.&#13;\nBaris kedua &amp; &lt;terakhir&gt;.</div>"
    ));
    assert_eq!(body_texts(&html), vec![text.to_string()]);
    let (tags, frags) = scan(&html);
    assert!(frags.is_empty() && !tags.is_empty());
    // An empty text, too.
    let html = page::page(&record, "");
    assert!(html.contains("<div class=\"body\"></div>"));
}

/// The tags a page may contain, and the attributes they may carry.
fn assert_inert(html: &str) {
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a script tag"
    );
    assert!(
        !html.to_ascii_lowercase().contains("<textarea"),
        "a textarea tag"
    );
    assert!(!html.to_ascii_lowercase().contains("<img"), "an img tag");
    let allowed = [
        "html", "head", "meta", "title", "style", "body", "header", "span", "ul", "ol", "li",
        "nav", "h2", "h3", "h4", "main", "article", "dl", "dt", "dd", "div", "section", "aside",
        "p", "b", "q", "a", "mark", "details", "summary",
    ];
    let (tags, _) = scan(html);
    for t in &tags {
        let name = t.name.trim_start_matches('/');
        assert!(allowed.contains(&name), "unexpected tag <{}>", t.name);
        for (k, v) in &t.attrs {
            assert!(!k.starts_with("on"), "event handler {k}={v:?}");
            assert!(
                [
                    "lang",
                    "charset",
                    "name",
                    "content",
                    "class",
                    "id",
                    "href",
                    "rel",
                    "tabindex",
                    "aria-label"
                ]
                .contains(&k.as_str())
                    || k.starts_with("data-"),
                "unexpected attribute {k}={v:?} on <{}>",
                t.name
            );
            if k == "href" {
                assert!(
                    v.starts_with('#') || v.starts_with("https://") || v.starts_with("http://"),
                    "href {v:?}"
                );
            }
        }
    }
}

const HOSTILE_TEXT: &str = "Warga Samarinda menulis <script>alert(1)</script> lalu </textarea><img src=x onerror=alert(2)> dan \"kutip\" serta 'tunggal' – “selesai”.";

#[test]
fn hostile_text_ids_and_urls_are_inert() {
    let article = Article {
        title: Some("<b onmouseover=\"alert(3)\">Judul</b>".into()),
        url: Some("javascript:alert(4)".into()),
        ..Article::new("x\" onmouseover=\"alert(5)\" <i>'", HOSTILE_TEXT)
    };
    let mut record = EXTRACTOR.extract(&article);
    // A record from elsewhere may carry anything in its ids and names.
    record.groups.push(Group {
        id: "g\"><script>alert(6)</script>".into(),
        kind: "warga'".into(),
        name: "Warga </mark> Samarinda".into(),
        mentions: vec![span(HOSTILE_TEXT, "kutip", 0)],
    });
    record.figures.push(Figure {
        kind: FigureKind::Count,
        value: 1.0,
        unit: Some("\" autofocus onfocus=\"alert(7)".into()),
        span: span(HOSTILE_TEXT, "<script>", 0),
    });
    record.warnings.push("<script>alert(8)</script>".into());
    let html = page::page(&record, HOSTILE_TEXT);
    assert_inert(&html);
    for escaped in [
        "&lt;script&gt;",
        "alert(1)&lt;/script&gt; lalu &lt;/textarea&gt;&lt;img src=x onerror=alert(2)&gt; dan ",
    ] {
        assert!(html.contains(escaped), "{escaped}");
    }
    assert!(
        html.contains("data-doc-id=\"x&quot; onmouseover=&quot;alert(5)&quot; &lt;i&gt;&#39;\"")
    );
    assert!(html.contains("<span class=\"url\">javascript:alert(4)</span>"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("<li>&lt;script&gt;alert(8)&lt;/script&gt;</li>"));
    let (tags, frags) = scan(&html);
    let article = tags.iter().find(|t| t.name == "article").unwrap();
    assert!(article.attrs.contains(&(
        "data-doc-id".into(),
        "x\" onmouseover=\"alert(5)\" <i>'".into()
    )));
    let group = frags
        .iter()
        .find(|f| f.attrs["data-id"].starts_with("g\""))
        .unwrap();
    assert_eq!(group.attrs["data-id"], "g\"><script>alert(6)</script>");
    assert_eq!(group.text, "kutip");
    assert!(group.attrs["data-tip"].contains("Warga </mark> Samarinda"));
    let figure = frags.iter().find(|f| f.key().0 == "figure").unwrap();
    assert_eq!(figure.text, "<script>");
    assert!(figure.attrs["data-tip"].ends_with("\" autofocus onfocus=\"alert(7)"));
    assert_eq!(body_texts(&html), vec![HOSTILE_TEXT.to_string()]);
}

#[test]
fn jsonl_renders_every_line_and_fails_at_the_end() {
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"id":"a-1","text":"Rakor Forkopimda digelar di Samarinda, Kamis (6/7/2023).","url":"https://contoh.id/a?x=1&y=2"}"#);
    input.push(b'\n');
    input.extend_from_slice(br#"{"id":"a-2","text":"#);
    input.push(b'\n');
    input.extend_from_slice(b"{\"id\":\"a-3\",\"text\":\"Balikpapan \xff hujan\"}\n");
    let hostile = serde_json::json!({
        "id": "a\"4<script>",
        "text": HOSTILE_TEXT,
        "url": "JavaScript:alert(1)",
        "title": "</title><script>alert(2)</script>",
        "rubrik": "<script>alert(3)</script>",
    });
    input.extend_from_slice(hostile.to_string().as_bytes());
    input.push(b'\n');
    input.extend_from_slice(br#"{"text":"Warga Bontang bergotong royong."}"#);
    input.push(b'\n');
    let out = cli::warta(&["show", "--jsonl", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("line 3: invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("3 docs shown, 2 errors"), "{stderr}");
    let html = String::from_utf8(out.stdout).unwrap();
    assert_inert(&html);
    let (tags, _) = scan(&html);
    let articles: Vec<(String, String, String)> = tags
        .iter()
        .filter(|t| t.name == "article")
        .map(|t| {
            let get = |k: &str| t.attrs.iter().find(|a| a.0 == k).unwrap().1.clone();
            (get("class"), get("id"), get("data-doc-id"))
        })
        .collect();
    let a = |c: &str, i: &str, d: &str| (c.to_string(), i.to_string(), d.to_string());
    assert_eq!(
        articles,
        vec![
            a("doc", "doc-1", "a-1"),
            a("doc failed", "doc-2", "2"), // invalid JSON: no id, the line number
            a("doc failed", "doc-3", "a-3"),
            a("doc", "doc-4", "a\"4<script>"),
            a("doc", "doc-5", "5"),
        ]
    );
    assert!(html.contains("<h2>5 articles, 2 failed</h2>"));
    for n in 1..=5 {
        assert!(html.contains(&format!("<a href=\"#doc-{n}\">")));
    }
    assert!(html.contains("<title>warta · 5 articles</title>"));
    assert!(html.contains(
        "<a rel=\"noopener noreferrer nofollow\" href=\"https://contoh.id/a?x=1&amp;y=2\">"
    ));
    assert!(html.contains("<span class=\"url\">JavaScript:alert(1)</span>"));
    assert!(html.contains("<h2>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h2>"));
    assert!(html.contains("<dt>rubrik</dt><dd>&lt;script&gt;alert(3)&lt;/script&gt;</dd>"));
    assert_eq!(body_texts(&html).len(), 3);

    // --limit stops after N lines.
    let out = cli::warta(&["show", "--jsonl", "-", "--limit", "1", "-q"], &input);
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html.matches("<article ").count(), 1);
}

#[test]
fn a_bad_single_input_is_an_error_not_a_panic() {
    let out = cli::warta(&["show", "-"], b"Samarinda \xff\xfe banjir");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-: invalid UTF-8 at byte 10"), "{stderr}");
    let out = cli::warta(&["show", "-"], b" \n\t ");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty text"));
    let out = cli::warta(&["show", "tests/no-such-file.txt"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn pages_and_error_entries() {
    let (text, record) = handmade();
    let error = ErrorRecord::new(
        ErrorDoc {
            id: Some("rusak".into()),
            path: None,
            line: Some(2),
        },
        "json",
        "line 2: invalid JSON <here>",
    );
    let html = page::pages([
        page::Entry::Article {
            record: &record,
            text: &text,
        },
        page::Entry::Error(&error),
    ]);
    assert_inert(&html);
    assert!(html.contains("<h2>2 articles, 1 failed</h2>"));
    assert!(html.contains(
        "<li class=\"failed\"><a href=\"#doc-2\">rusak</a> <span class=\"n\">json</span></li>"
    ));
    assert!(html.contains("<p class=\"error\"><b>json</b>: line 2: invalid JSON &lt;here&gt;</p>"));
    // Written to a stream, the page is the same.
    let mut p = page::Page::new();
    p.push(&record, &text);
    p.push_error(&error);
    assert_eq!((p.len(), p.failed()), (2, 1));
    let mut bytes = Vec::new();
    p.write_to(&mut bytes).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), html);
    // The fragment alone, for embedding.
    let mut fragment = String::new();
    page::article(&mut fragment, 7, &record, &text);
    assert!(fragment.starts_with("<article class=\"doc\" id=\"doc-7\" data-doc-id=\"tangan\">"));
    assert!(fragment.contains("id=\"d7-t49-54\""));
    let ids: BTreeSet<String> = scan(&fragment)
        .1
        .iter()
        .filter_map(|f| f.attrs.get("id").cloned())
        .collect();
    assert_eq!(ids, BTreeSet::from(["d7-t49-54".to_string()]));
}

#[test]
fn a_chain_of_crossing_spans_is_split_once_per_crossing() {
    // 20,000 figures over "xx…x", each [i, i + 2) crossing the next. At byte i + 1,
    // figure i - 1 ends inside figure i, which is reopened together with figure i + 1,
    // the longer outermost: so figure i + 1 is not split again when figure i ends. By
    // hand: the even figures are one fragment, the odd ones two.
    let n = 20_000;
    let text = "x".repeat(n + 1);
    let mut record = Record::empty(doc("kette"));
    for i in 0..n {
        record.figures.push(Figure {
            kind: FigureKind::Count,
            value: i as f64,
            unit: None,
            span: Span::of(&text, i, i + 2).unwrap(),
        });
    }
    let html = page::page(&record, &text);
    let (_, frags) = scan(&html);
    let mut per_figure = vec![0; n];
    for f in &frags {
        let (_, start, end) = f.key();
        assert_eq!(end, start + 2);
        per_figure[start] += 1;
        let expected_part = (per_figure[start] > 1).then_some("1");
        assert_eq!(f.part(), expected_part);
    }
    for (i, parts) in per_figure.iter().enumerate() {
        assert_eq!(*parts, if i % 2 == 0 { 1 } else { 2 }, "figure {i}");
    }
    assert_eq!(frags.len(), n + n / 2);
    assert_eq!(joined(&frags), expected(&record));
    assert_eq!(body_texts(&html), vec![text]);
}
