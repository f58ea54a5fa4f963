//! `warta export --format acled`: one CSV row per event, header always, bad lines reported.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{json, Value};
use warta::acled::COLUMNS;

#[path = "common/cli.rs"]
mod cli;
#[path = "common/records.rs"]
mod records;

use cli::warta;

use records::span;

fn event(kind: &str, subtype: &str, place: Option<&str>, date: Option<&str>) -> Value {
    records::event(kind, Some(subtype), place, date.map(|d| (d, "day")))
}

fn count(kind: &str, value: u32, approx: bool) -> Value {
    json!({"kind": kind, "value": value, "approx": approx, "span": span("x")})
}

fn record(id: &str, events: Vec<Value>) -> Value {
    records::record(id, Some("Judul berita uji"), Some("WARTA.UJI"), events)
}

/// A protest in Muara Badak that turned into a riot, and the arrests after it; the
/// students' name holds a comma and quotes.
fn demo_record() -> Value {
    let mut protest = event(
        "protest",
        "unjuk-rasa",
        Some("64.02.05"),
        Some("2023-07-06"),
    );
    protest["title"] = json!("Aksi \"Tolak Tambang\", Muara Badak");
    protest["actors"] = json!({"actor1": ["group:mahasiswa", "group:buruh"], "actor2": []});
    protest["counts"] = json!([
        count("participants", 100, true),
        count("arrested", 3, false)
    ]);
    let mut riot = event("riot", "kerusuhan", Some("64.02.05"), Some("2023-07-06"));
    riot["counts"] = json!([
        count("dead", 2, false),
        count("injured", 4, false),
        count("dead", 1, false)
    ]);
    let mut arrest = event("arrest", "penangkapan", Some("64.02"), None);
    arrest["actors"] = json!({"actor1": ["polres@64.02"], "actor2": ["as"]});
    let mut r = record("demo-1", vec![protest, riot, arrest]);
    r["groups"] = json!([
        {"id": "group:mahasiswa", "type": "mahasiswa", "name": "mahasiswa \"Cipayung\", Samarinda", "mentions": []},
        {"id": "group:buruh", "type": "buruh", "name": "buruh tambang", "mentions": []}
    ]);
    r["institutions"] = json!([{"id": "polres@64.02", "type": "polres", "category": "police",
        "name": "Polres Kukar", "jurisdiction": "64.02", "unit": null, "mentions": []}]);
    r["people"] = json!([{"id": "as", "name": "AS", "honorifics": [], "known": false,
        "roles": [], "mentions": []}]);
    r
}

/// The test input: a record with three events, an error record, a record without
/// events, a line that is not JSON, and a meeting without date or place.
fn input() -> Vec<u8> {
    let error = json!({"schema": "warta/1", "doc": {"id": "9", "line": 9},
                       "error": {"kind": "empty", "message": "x.jsonl:9: empty"}});
    let mut meeting = record("rapat-2", vec![event("meeting", "rapat", None, None)]);
    meeting["doc"]["publisher"] = Value::Null;
    meeting["doc"]["meta"] = json!({"source": "Uji.com"});
    let lines = [
        demo_record().to_string(),
        error.to_string(),
        record("empty-3", vec![]).to_string(),
        "{\"schema\": \"warta/1\", \"doc\": ".to_string(),
        meeting.to_string(),
    ];
    (lines.join("\n") + "\n").into_bytes()
}

fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_export");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Parses RFC 4180 CSV: fields split at commas outside quotes, records at LF (or CRLF)
/// outside quotes, `""` inside quotes is one quote.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) => {
                assert!(field.is_empty(), "quote inside an unquoted field: {field}");
                quoted = true;
            }
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(field.is_empty() && row.is_empty(), "last record without LF");
    rows
}

/// The rows of a CSV as maps from column name to value, checking the header.
fn table(csv: &[u8]) -> Vec<HashMap<String, String>> {
    let rows = parse_csv(std::str::from_utf8(csv).unwrap());
    assert_eq!(rows[0], COLUMNS.map(String::from).to_vec());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.len(), COLUMNS.len(), "row {i}: {r:?}");
    }
    rows[1..]
        .iter()
        .map(|r| {
            COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(r.iter().cloned())
                .collect()
        })
        .collect()
}

#[test]
fn one_row_per_event_and_a_bad_line_is_reported_with_file_and_line() {
    let path = file("recs.jsonl", &input());
    let out = warta(
        &["export", "--format", "acled", path.to_str().unwrap()],
        b"",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{}:4: invalid JSON", path.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("3 records (1 without events), 1 error records, 1 bad lines: 4 rows"),
        "{stderr}"
    );
    let rows = table(&out.stdout);
    let ids: Vec<&str> = rows.iter().map(|r| r["event_id_cnty"].as_str()).collect();
    assert_eq!(ids, ["demo-1#1", "demo-1#2", "demo-1#3", "rapat-2#1"]);

    let protest = &rows[0];
    let expect = [
        ("event_date", "2023-07-06"),
        ("year", "2023"),
        ("time_precision", "1"),
        ("disorder_type", "Demonstrations"),
        ("event_type", "Protests"),
        ("sub_event_type", "Protest with intervention"),
        ("actor1", "mahasiswa \"Cipayung\", Samarinda"),
        ("assoc_actor_1", "buruh tambang"),
        ("inter1", "6"),
        ("interaction", "60"),
        ("iso", "360"),
        ("region", "South-eastern Asia"),
        ("country", "Indonesia"),
        ("admin1", "Kalimantan Timur"),
        ("admin2", "Kutai Kartanegara"),
        ("admin3", "Muara Badak"),
        ("location", "Muara Badak"),
        ("latitude", ""),
        ("longitude", ""),
        ("geo_precision", "1"),
        ("source", "WARTA.UJI"),
        ("notes", "Aksi \"Tolak Tambang\", Muara Badak"),
        ("fatalities", "0"),
        ("tags", "crowd size=at least 100"),
        ("warta_kind", "protest"),
        ("warta_subtype", "unjuk-rasa"),
        ("warta_main", "true"),
        ("warta_doc_id", "demo-1"),
        ("warta_place_id", "64.02.05"),
    ];
    for (col, value) in expect {
        assert_eq!(protest[col], value, "{col}");
    }
    // The raw line quotes the name with the comma and doubles its quotes.
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(raw.contains(",\"mahasiswa \"\"Cipayung\"\", Samarinda\",buruh tambang,6,"));

    let riot = &rows[1];
    assert_eq!(riot["sub_event_type"], "Violent demonstration");
    assert_eq!(riot["fatalities"], "3");
    assert_eq!(riot["notes"], "kerusuhan");
    assert_eq!(riot["warta_main"], "false");

    let arrest = &rows[2];
    assert_eq!(
        (
            arrest["event_type"].as_str(),
            arrest["sub_event_type"].as_str()
        ),
        ("Strategic developments", "Arrests")
    );
    assert_eq!(
        (arrest["actor1"].as_str(), arrest["inter1"].as_str()),
        ("Polres Kukar", "1")
    );
    assert_eq!(
        (arrest["actor2"].as_str(), arrest["inter2"].as_str()),
        ("AS", "7")
    );
    assert_eq!(arrest["interaction"], "17");
    assert_eq!(
        (arrest["event_date"].as_str(), arrest["year"].as_str()),
        ("", "")
    );
    assert_eq!(
        (arrest["admin3"].as_str(), arrest["location"].as_str()),
        ("", "Kutai Kartanegara")
    );
    assert_eq!(arrest["geo_precision"], "2");

    let meeting = &rows[3];
    assert_eq!(meeting["event_type"], "");
    assert_eq!(meeting["disorder_type"], "");
    assert_eq!(meeting["warta_kind"], "meeting");
    assert_eq!(meeting["source"], "Uji.com");
    assert_eq!(
        (meeting["country"].as_str(), meeting["location"].as_str()),
        ("Indonesia", "")
    );
    assert_eq!(meeting["geo_precision"], "");
}

#[test]
fn stdin_in_and_a_file_out() {
    let out_path = file("out.csv", b"");
    let good: Vec<u8> = [demo_record().to_string(), String::new()]
        .join("\n")
        .into_bytes();
    let out = warta(
        &[
            "export",
            "--format",
            "acled",
            "-",
            "-o",
            out_path.to_str().unwrap(),
            "-q",
        ],
        &good,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
    let rows = table(&std::fs::read(&out_path).unwrap());
    assert_eq!(rows.len(), 3);
}

#[test]
fn header_only_without_events() {
    let out = warta(&["export", "--format", "acled", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(table(&out.stdout).is_empty());
    let header = String::from_utf8(out.stdout).unwrap();
    assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,"));
    assert!(header.ends_with(",warta_doc_id,warta_place_id\n"));
}

#[test]
fn a_missing_file_and_an_unknown_format_fail() {
    let out = warta(
        &["export", "--format", "acled", "/nonexistent/recs.jsonl"],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/recs.jsonl"));
    let out = warta(&["export", "--format", "gdelt", "-"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn records_of_warta_extract_export_one_row_per_event() {
    let articles = concat!(
        "{\"id\":\"a\",\"text\":\"Samarinda – Sekda Kaltim membuka Rakor Forkopimda se-Kaltim, Kamis (6/7/2023).\"}\n",
        "{\"id\":\"b\",\"text\":\"Hujan turun sejak pagi.\"}\n",
    );
    let recs = warta(&["extract", "--jsonl", "-", "--quiet"], articles.as_bytes());
    assert_eq!(recs.status.code(), Some(0));
    let events: usize = String::from_utf8(recs.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["events"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert!(events >= 1);
    let out = warta(&["export", "--format", "acled", "-"], &recs.stdout);
    assert_eq!(out.status.code(), Some(0));
    let rows = table(&out.stdout);
    assert_eq!(rows.len(), events);
    assert_eq!(rows[0]["event_id_cnty"], "a#1");
    assert_eq!(rows[0]["admin1"], "Kalimantan Timur");
}
