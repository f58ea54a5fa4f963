//! `warta report` and `warta::html::report`: counts checked by hand on small archives,
//! the week and month bucketing, bad lines, empty input, and hostile record values that
//! must never reach the page unescaped.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use warta::html::report::{Period, Report};
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::record::Record;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/records.rs"]
mod records;

use cli::warta;

fn lex() -> Lexicons {
    Lexicons::load(&LexiconFiles::embedded()).unwrap()
}

use records::span;

/// An event; `date` is `(value, precision)`.
fn event(kind: &str, date: Option<(&str, &str)>, place: Option<&str>) -> Value {
    records::event(kind, None, place, date)
}

fn record(id: &str, events: Vec<Value>) -> Value {
    records::record(id, None, None, events)
}

fn person(id: &str, name: &str) -> Value {
    json!({"id": id, "name": name, "honorifics": [], "known": false, "roles": [],
           "mentions": [span(name)]})
}

fn institution(id: &str, kind: &str, name: &str) -> Value {
    json!({"id": id, "type": kind, "name": name, "jurisdiction": null, "unit": null,
           "mentions": [span(name)]})
}

fn group(id: &str, kind: &str, name: &str) -> Value {
    json!({"id": id, "type": kind, "name": name, "mentions": [span(name)]})
}

fn place(id: &str, name: &str, level: &str, parent: Option<&str>) -> Value {
    json!({"id": id, "name": name, "level": level, "parent": parent, "mentions": [span(name)]})
}

fn add(report: &mut Report, v: &Value) {
    let r: Record = serde_json::from_value(v.clone()).unwrap();
    report.add(&r);
}

fn jsonl(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

/// The buckets of a timeline as (first day, {kind: events}).
fn buckets(r: &Report) -> Vec<(String, BTreeMap<String, u64>)> {
    let t = r.timeline();
    t.buckets
        .into_iter()
        .map(|(d, k)| (d.to_string(), k))
        .collect()
}

fn kinds(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

#[test]
fn counts_per_kind_and_per_month() {
    let mut r = Report::new();
    // 2019-01-10 to 2019-08-01 is 203 days: more than half a year, so months.
    add(
        &mut r,
        &record(
            "a",
            vec![
                event("meeting", Some(("2019-01-10", "day")), Some("64.72")),
                event("meeting", Some(("2019-01-20", "day")), Some("64.72")),
                event("protest", Some(("2019-03-05", "day")), Some("64")),
            ],
        ),
    );
    add(
        &mut r,
        &record(
            "b",
            vec![
                event("meeting", Some(("2019-08-01", "day")), Some("32.01")),
                event("protest", Some(("2019-08", "month")), None),
                event("visit", None, Some("ID")),
                event("attack", Some(("2019", "year")), None),
            ],
        ),
    );
    add(&mut r, &record("c", vec![]));
    assert_eq!((r.records(), r.events(), r.error_records()), (3, 7, 0));
    let by_kind: Vec<(&str, u64)> = r.events_by_kind().into_iter().collect();
    assert_eq!(
        by_kind,
        [("attack", 1), ("meeting", 3), ("protest", 2), ("visit", 1)]
    );
    let t = r.timeline();
    assert_eq!(t.period, Period::Month);
    assert_eq!((t.undated, t.coarse, t.before, t.after), (1, 1, 0, 0));
    let b = buckets(&r);
    let firsts: Vec<&str> = b.iter().map(|(d, _)| d.as_str()).collect();
    assert_eq!(
        firsts,
        [
            "2019-01-01",
            "2019-02-01",
            "2019-03-01",
            "2019-04-01",
            "2019-05-01",
            "2019-06-01",
            "2019-07-01",
            "2019-08-01"
        ]
    );
    assert_eq!(b[0].1, kinds(&[("meeting", 2)]));
    assert!(b[1].1.is_empty());
    assert_eq!(b[2].1, kinds(&[("protest", 1)]));
    assert_eq!(b[7].1, kinds(&[("meeting", 1), ("protest", 1)]));

    let page = r.render(&lex());
    assert!(page.contains("<h2>Events by kind, by month</h2>"));
    assert!(page.contains(r#"id="n-records" data-value="3">3<"#));
    assert!(page.contains(r#"id="n-events" data-value="7">7<"#));
    assert!(page.contains(r#"id="n-without-events" data-value="1">1<"#));
    // 64.72 is Samarinda, a city of Kalimantan Timur (64); 32.01 Kabupaten Bogor, Jawa
    // Barat; ID the country itself.
    assert!(page.contains("Kota Samarinda"));
    assert!(page.contains("Kab. Bogor"));
    let provinces = section(&page, "table-provinces");
    assert!(provinces.contains(
        "<b>Kalimantan Timur</b></td><td class=\"n\"><b>3</b></td></tr>\
         <tr class=\"sub\"><td>Kota Samarinda</td><td class=\"n\">2</td></tr>\
         <tr class=\"sub\"><td><i>the province as a whole</i></td><td class=\"n\">1</td></tr>"
    ));
    assert!(provinces.contains("<b>Jawa Barat</b></td><td class=\"n\"><b>1</b>"));
    let chart = section(&page, "chart-provinces");
    assert!(chart.contains(">Kalimantan Timur</text>"));
    assert!(page.contains(
        "Not in a province: 2 without a place, 1 in Indonesia above any province (the \
         country, an island)."
    ));
    // The year-only date stretches the range to the end of 2019; the central 90% of the
    // first days runs from the first to the last day.
    assert!(page.contains(
        "2019-01-01 to 2019-12-31 (6 dated; the central 90% from 2019-01-10 to 2019-08-01)"
    ));
    assert!(page.contains("Not in the chart: 1 without a date, 1 dated only by year."));
}

/// The page from the element with id `id` on.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let at = page.find(&format!("id=\"{id}\"")).expect(id);
    &page[at..]
}

#[test]
fn places_abroad_are_in_no_province() {
    let mut r = Report::new();
    let mut rec = record(
        "p",
        vec![
            // Texas is a `provinsi` of the United States in the lexicons.
            event("visit", None, Some("us-texas")),
            event("visit", None, Some("in-new-delhi")),
            event("meeting", None, Some("64.72")),
            event("meeting", None, Some("nowhere")),
            // A record's own place, in a province with a Kemendagri code whose parent
            // the record does not give.
            event("meeting", None, Some("99.01")),
        ],
    );
    rec["places"] = json!([
        place("99.01", "Kampung Uji", "kabupaten", Some("99")),
        place("99", "Provinsi Uji", "provinsi", None),
    ]);
    add(&mut r, &rec);
    let page = r.render(&lex());
    let chart = section(&page, "chart-provinces");
    assert!(!chart.contains("Texas"));
    assert!(chart.contains(">Kalimantan Timur</text>"));
    assert!(chart.contains(">Provinsi Uji</text>"));
    assert!(page.contains("Kab. Kampung Uji"));
    assert!(page.contains("Not in a province: 2 abroad, 1 at a place warta does not know."));
}

#[test]
fn weeks_start_on_monday() {
    let mut r = Report::new();
    add(
        &mut r,
        &record(
            "w",
            vec![
                // Thursday and Sunday of the week of Monday 2019-09-02.
                event("meeting", Some(("2019-09-05", "day")), None),
                event("meeting", Some(("2019-09-08", "day")), None),
                // Monday 2019-09-09 opens the next week.
                event("protest", Some(("2019-09-09", "day")), None),
                // ISO week 38 of 2019 starts on Monday 2019-09-16.
                event("protest", Some(("2019-W38", "week")), None),
                // A month is too coarse for weeks.
                event("meeting", Some(("2019-09", "month")), None),
            ],
        ),
    );
    let t = r.timeline();
    assert_eq!(t.period, Period::Week);
    assert_eq!((t.undated, t.coarse), (0, 1));
    assert_eq!(
        buckets(&r),
        [
            ("2019-09-02".to_string(), kinds(&[("meeting", 2)])),
            ("2019-09-09".to_string(), kinds(&[("protest", 1)])),
            ("2019-09-16".to_string(), kinds(&[("protest", 1)])),
        ]
    );
    let page = r.render(&lex());
    assert!(page.contains("<h2>Events by kind, by week</h2>"));
    let chart = section(&page, "chart-timeline");
    // The axis: "2 Sep" with the year under it, then "9 Sep", "16 Sep".
    assert!(chart.contains(">2 Sep</text>"));
    assert!(chart.contains(">2019</text>"));
    assert!(chart.contains(">16 Sep</text>"));
    assert!(chart.contains(">4 events</text>"));
}

#[test]
fn outliers_do_not_stretch_the_chart() {
    let mut r = Report::new();
    let mut events: Vec<Value> = (1..=28)
        .map(|d| event("meeting", Some((&format!("2019-09-{d:02}"), "day")), None))
        .collect();
    // A date of 1945 in an article of 2019: counted apart, the chart keeps its weeks.
    events.push(event("declaration", Some(("1945-08-17", "day")), None));
    add(&mut r, &record("x", events));
    let t = r.timeline();
    assert_eq!(t.period, Period::Week);
    assert_eq!((t.before, t.after), (1, 0));
    assert_eq!(t.buckets.len(), 5); // the weeks of 26 Aug, 2, 9, 16 and 23 Sep
    assert_eq!(t.buckets[0].0.to_string(), "2019-08-26");
    let page = r.render(&lex());
    assert!(page.contains("1 dated before the first period drawn"));
}

#[test]
fn actors_are_counted_once_per_record() {
    let mut r = Report::new();
    for i in 0..3 {
        let mut rec = record(&format!("r{i}"), vec![]);
        rec["people"] = json!([person("sri-wahyuni", "Sri Wahyuni")]);
        if i < 2 {
            rec["people"]
                .as_array_mut()
                .unwrap()
                .push(person("isran-noor", "Isran Noor"));
            rec["institutions"] = json!([institution("kpu@64", "kpu", "KPU Kaltim")]);
        }
        rec["groups"] = json!([group("group:mahasiswa", "mahasiswa", "mahasiswa")]);
        add(&mut r, &rec);
    }
    let page = r.render(&lex());
    let people = section(&page, "top-people");
    let sri = people.find("Sri Wahyuni").unwrap();
    let isran = people.find("Isran Noor").unwrap();
    assert!(sri < isran, "the most named first");
    assert!(people.contains("Sri Wahyuni<br><code>sri-wahyuni</code></td><td class=\"n\">3</td>"));
    assert!(people.contains("Isran Noor<br><code>isran-noor</code></td><td class=\"n\">2</td>"));
    let inst = section(&page, "top-institutions");
    assert!(inst.contains("KPU Kaltim<br><code>kpu@64</code></td><td class=\"n\">2</td>"));
    assert!(section(&page, "top-groups").contains("<td class=\"n\">3</td>"));
}

#[test]
fn bad_lines_and_error_records_are_counted() {
    let mut r = Report::new();
    let good = record("ok", vec![event("meeting", None, None)]).to_string();
    let error = r#"{"schema":"warta/1","doc":{"id":"17","line":17},"error":{"kind":"json","message":"archive.jsonl:17: invalid JSON"}}"#;
    let lines: [&[u8]; 6] = [
        good.as_bytes(),
        b"not json",
        b"",
        error.as_bytes(),
        br#"{"schema":"warta/1"}"#,
        b"\xff\xfe",
    ];
    let mut bad = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Err(e) = r.add_line(line, "in.jsonl", i as u64 + 1) {
            bad.push(e.line);
        }
    }
    assert_eq!(bad, [2, 5, 6]);
    assert_eq!(
        (r.records(), r.error_records(), r.bad_lines(), r.events()),
        (1, 1, 3, 1)
    );
    let page = r.render(&lex());
    assert!(page.contains(r#"id="n-bad-lines" data-value="3""#));
    assert!(page.contains(r#"id="n-error-records" data-value="1""#));
    let table = section(&page, "bad-lines");
    assert!(table.contains("<td class=\"n\">2</td><td>invalid JSON"));
    assert!(table.contains("<td class=\"n\">5</td><td>not a warta/1 record"));
    assert!(table.contains("<td class=\"n\">6</td><td>invalid UTF-8 at byte 0"));
    assert!(page.contains("archive.jsonl:17: invalid JSON"));
}

#[test]
fn an_empty_archive_renders() {
    let page = Report::new().render(&lex());
    assert!(page.contains(r#"id="n-records" data-value="0""#));
    assert!(page.contains("The input held no records."));
    assert!(page.contains("No events."));
    assert!(page.ends_with("</html>\n"));
    assert_well_formed(&page);

    let out = warta(&["report", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("The input held no records."));
}

#[test]
fn the_command_reports_bad_lines_and_exits_1() {
    let input = format!(
        "{}not json\n{}",
        jsonl(&[record("a", vec![event("meeting", None, None)])]),
        jsonl(&[record("b", vec![event("protest", None, None)])])
    );
    let dir = std::env::temp_dir().join(format!("warta-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("report.html");
    let out = warta(
        &["report", "-", "-o", out_path.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("-:2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("2 records, 0 error records, 1 bad lines, 2 events"));
    assert!(out.stdout.is_empty());
    let page = std::fs::read_to_string(&out_path).unwrap();
    assert!(page.contains(r#"id="n-records" data-value="2""#));
    assert!(page.contains(r#"id="n-bad-lines" data-value="1""#));
    std::fs::remove_dir_all(&dir).unwrap();
}

const HOSTILE: [&str; 5] = [
    "<script>alert(1)</script>",
    "</textarea><img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "javascript:alert(1)",
];

#[test]
fn hostile_values_never_reach_the_page_unescaped() {
    let mut r = Report::new();
    r.set_source("<script>alert('src')</script>");
    for (i, h) in HOSTILE.iter().enumerate() {
        let mut rec = record(h, vec![]);
        let mut e = event(h, Some(("2019-09-05", "day")), Some(h));
        e["place"] = json!(format!("{h}{i}"));
        rec["events"] = json!([e, event(h, None, Some("64.72"))]);
        rec["people"] = json!([person(h, h)]);
        rec["institutions"] = json!([institution(h, h, h)]);
        rec["groups"] = json!([group(h, h, h)]);
        // A province and a regency named by the record itself (the lexicons do not know
        // these ids), so that their names reach the places table and chart.
        rec["places"] = json!([
            place(&format!("{h}{i}"), h, "kota", Some(&format!("p{h}"))),
            place(&format!("p{h}"), h, "provinsi", Some("ID")),
        ]);
        rec["doc"]["reference_date"] = json!(h);
        let line = rec.to_string();
        r.add_line(line.as_bytes(), h, i as u64 + 1).unwrap();
        // Error records and bad lines carry hostile ids and messages too.
        let err = json!({"schema": "warta/1", "doc": {"id": h},
                          "error": {"kind": h, "message": h}});
        r.add_line(err.to_string().as_bytes(), h, 100).unwrap();
        let bad = json!({"schema": "warta/1", "doc": {"id": h}, "events": [], "places": [
            {"id": h, "name": h, "level": h, "parent": null, "mentions": []}]});
        assert!(r.add_line(bad.to_string().as_bytes(), h, 200).is_err());
    }
    assert_eq!((r.records(), r.error_records(), r.bad_lines()), (5, 5, 5));
    let page = r.render(&lex());
    // The values are on the page, escaped.
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(page.contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("Kota &lt;script&gt;"), "the regency's name");
    let lower = page.to_ascii_lowercase();
    for needle in ["<script", "</textarea", "<img", "javascript:alert(1)\""] {
        assert!(!lower.contains(needle), "{needle} on the page");
    }
    assert_well_formed(&page);
}

/// Every tag on the page is one the report writes, with known attributes whose values
/// are double-quoted, hold no `"`, `'`, `<` or `>`, and no `javascript:` URL.
fn assert_well_formed(page: &str) {
    const TAGS: &[&str] = &[
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
        "code", "dl", "dt", "dd", "div", "table", "tr", "th", "td", "b", "i", "br", "span", "svg",
        "text", "rect", "line",
    ];
    const ATTRS: &[&str] = &[
        "lang",
        "charset",
        "name",
        "content",
        "id",
        "class",
        "data-value",
        "xmlns",
        "viewbox",
        "width",
        "height",
        "role",
        "aria-label",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "text-anchor",
        "html",
    ];
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let closing = tag.starts_with('/');
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let tag = tag.strip_suffix('/').unwrap_or(tag);
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            TAGS.contains(&name.to_ascii_lowercase().as_str()),
            "tag <{name}> in <{tag}>"
        );
        if name == "style" && !closing {
            // The fixed stylesheet: skip to its end.
            let end = rest.find("</style>").unwrap();
            assert!(!rest[..end].contains('<'));
            rest = &rest[end..];
        }
        while !attrs.trim().is_empty() {
            attrs = attrs.trim_start();
            let (attr, after) = attrs.split_once('=').unwrap_or((attrs, ""));
            if after.is_empty() {
                // A bare word: only `html` of the doctype.
                assert!(
                    ATTRS.contains(&attr.to_ascii_lowercase().as_str()),
                    "{attr}"
                );
                break;
            }
            assert!(
                ATTRS.contains(&attr.to_ascii_lowercase().as_str()),
                "attribute {attr}"
            );
            let value = after.strip_prefix('"').expect("a double-quoted value");
            let close = value.find('"').unwrap();
            let v = &value[..close];
            assert!(!v.contains(['\'', '<', '>']), "{attr}={v}");
            assert!(
                !v.to_ascii_lowercase().contains("javascript:"),
                "{attr}={v}"
            );
            attrs = &value[close + 1..];
        }
    }
}

#[test]
fn many_kinds_and_long_values_stay_bounded() {
    let mut r = Report::new();
    let events: Vec<Value> = (0..50)
        .map(|i| event(&format!("kind-{i:02}"), Some(("2019-09-05", "day")), None))
        .collect();
    let mut rec = record("k", events);
    rec["people"] = json!([person("long", &"x".repeat(100_000))]);
    add(&mut r, &rec);
    r.add_bad_line(2, &"y".repeat(100_000));
    let page = r.render(&lex());
    let kinds = section(&page, "chart-kinds");
    let kinds = &kinds[..kinds.find("</svg>").unwrap()];
    // 39 kinds, then the other 11 summed.
    assert_eq!(kinds.matches("<rect").count(), 40);
    assert!(kinds.contains(">11 other kinds</text>"));
    let timeline = section(&page, "chart-timeline");
    let timeline = &timeline[..timeline.find("</svg>").unwrap()];
    // All events, then 40 kinds: one bar each.
    assert_eq!(timeline.matches("<rect").count(), 41);
    assert!(page.len() < 60_000, "{} bytes", page.len());
}
