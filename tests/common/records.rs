//! warta/1 records written by hand as JSON, for the tests of the commands that read
//! records (`warta export`, `warta report`).

use serde_json::{json, Value};

/// A span of `text` at offset 0.
pub fn span(text: &str) -> Value {
    json!({"start": 0, "end": text.len(), "text": text})
}

/// An event of `kind` (and `subtype`, which is then its trigger's text; else the kind
/// is); `date` is `(value, precision)`.
pub fn event(
    kind: &str,
    subtype: Option<&str>,
    place: Option<&str>,
    date: Option<(&str, &str)>,
) -> Value {
    let date = date.map(|(v, p)| {
        json!({"value": v, "end": null, "kind": "date", "precision": p, "weekday": null,
               "weekday_ok": null, "year": "explicit", "time": null, "zone": null,
               "part_of_day": null, "publication": false, "span": span(v)})
    });
    json!({"kind": kind, "subtype": subtype, "title": null, "date": date, "venue": null,
           "place": place, "place_precision": null, "scope": null, "election": null,
           "chair": null, "participants": [], "actors": {"actor1": [], "actor2": []},
           "counts": [], "speakers": [], "trigger": span(subtype.unwrap_or(kind))})
}

/// A record `id` with `events` and nothing else; `title` and `publisher` in its `doc`.
pub fn record(id: &str, title: Option<&str>, publisher: Option<&str>, events: Vec<Value>) -> Value {
    json!({"schema": "warta/1",
           "doc": {"id": id, "bytes": 100, "title": title, "publisher": publisher,
                   "dateline": null, "author": null, "editor": null, "reference_date": null},
           "events": events, "people": [], "institutions": [], "groups": [], "places": [],
           "times": [], "figures": [], "quotes": [], "warnings": []})
}
