//! Shared test helpers.

use warta::record::Span;

/// Every Span in a JSON value, wherever it sits.
pub fn spans(v: &serde_json::Value, out: &mut Vec<Span>) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                if let (Some(s), Some(e), Some(t)) = (s.as_u64(), e.as_u64(), t.as_str()) {
                    out.push(Span {
                        start: s as usize,
                        end: e as usize,
                        text: t.to_string(),
                    });
                }
            }
            m.values().for_each(|x| spans(x, out));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| spans(x, out)),
        _ => {}
    }
}

/// Asserts that every span of `record` satisfies `input[start..end] == text`.
pub fn assert_spans_hold(name: &str, input: &str, record: &warta::Record) {
    let json = serde_json::to_value(record).expect("a record serializes");
    let mut all = Vec::new();
    spans(&json, &mut all);
    for s in &all {
        assert_eq!(
            input.get(s.start..s.end),
            Some(s.text.as_str()),
            "{name}: span {s:?} does not point into the input"
        );
    }
}
