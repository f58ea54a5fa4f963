//! `warta extract --jsonl`: one record per input line, in order, error records in place.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "common/cli.rs"]
mod cli;

use cli::WARTA;

/// A JSONL input with one line of each kind, and the error kind expected per line.
fn corpus() -> (Vec<u8>, Vec<Option<&'static str>>) {
    let mut lines: Vec<(Vec<u8>, Option<&str>)> = vec![
        (
            br#"{"id":"b-1","text":"Samarinda - Pemkot Samarinda menggelar rapat banjir pada Senin (9/9/2019).","published":"2019-09-10 08:00:00","source":"uji","tags":["banjir"]}"#.to_vec(),
            None,
        ),
        (br#"{"id":"b-2","text":"Warga "#.to_vec(), Some("json")),
        (br#"{"id":"b-3","judul":"tanpa isi"}"#.to_vec(), Some("missing-text")),
        (b"{\"id\":\"b-4\",\"text\":\"Balikpapan \xff\xfe hujan\"}".to_vec(), Some("utf8")),
        (br#"{"id":"b-5","text":"   "}"#.to_vec(), Some("empty")),
        (
            format!(r#"{{"id":"b-6","text":"{}"}}"#, "Kutai Kartanegara ".repeat(20)).into_bytes(),
            Some("too-large"),
        ),
        (Vec::new(), Some("empty")),
        (
            br#"{"content":"Bupati Berau meninjau jalan rusak di Tanjung Redeb.","date":"19/09/2019"}"#.to_vec(),
            None,
        ),
    ];
    let kinds = lines.iter().map(|(_, k)| *k).collect();
    let mut bytes = Vec::new();
    for (l, _) in lines.iter_mut() {
        bytes.extend_from_slice(l);
        bytes.push(b'\n');
    }
    (bytes, kinds)
}

fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_jsonl");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn warta(args: &[&str], stdin: Option<&[u8]>) -> Output {
    cli::warta(args, stdin.unwrap_or_default())
}

/// `warta extract --jsonl path --max-bytes 200` and `more`: lines over 200 bytes fail.
fn small_lines(path: &str, more: &[&str]) -> Output {
    let mut args = vec!["extract", "--jsonl", path, "--max-bytes", "200"];
    args.extend_from_slice(more);
    warta(&args, None)
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn one_record_per_line_in_order_with_errors_in_place() {
    let (bytes, kinds) = corpus();
    let path = file("mixed.jsonl", &bytes);
    let p = path.to_str().unwrap();
    let out = small_lines(p, &["--threads", "2"]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), kinds.len());
    for (i, (rec, kind)) in recs.iter().zip(&kinds).enumerate() {
        assert_eq!(rec["schema"], "warta/1");
        assert_eq!(rec["error"]["kind"].as_str(), *kind, "line {}", i + 1);
        if kind.is_some() {
            assert_eq!(rec["doc"]["line"], i + 1);
            assert_eq!(rec["doc"]["path"].as_str(), Some(p));
        }
    }
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["b-1", "2", "b-3", "b-4", "b-5", "b-6", "7", "8"]);

    // The first line: fields read, the rest passed through under doc.meta.
    let doc = &recs[0]["doc"];
    assert_eq!(doc["reference_date"], "2019-09-10");
    assert_eq!(
        doc["meta"],
        serde_json::json!({"source": "uji", "tags": ["banjir"]})
    );
    assert!(recs[0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "64.72"));
    // The last line: text from "content", a DD/MM/YYYY date, no meta.
    assert_eq!(recs[7]["doc"]["reference_date"], "2019-09-19");
    assert!(recs[7]["doc"].get("meta").is_none());

    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 docs ok, 6 errors"), "{stderr}");
    assert!(
        stderr.contains(&format!("{p}:3: no \"text\" field")),
        "{stderr}"
    );
}

#[test]
fn same_bytes_on_one_and_two_threads() {
    let (bytes, _) = corpus();
    let mut many = Vec::new();
    for _ in 0..16 {
        many.extend_from_slice(&bytes);
    }
    let path = file("many.jsonl", &many);
    let p = path.to_str().unwrap();
    let one = small_lines(p, &["-q", "--threads", "1"]);
    let two = small_lines(p, &["-q", "--threads", "2"]);
    assert_eq!(records(&one).len(), 128);
    assert_eq!(one.stdout, two.stdout);
    assert!(one.stderr.is_empty() && two.stderr.is_empty());
}

#[test]
fn stdin_and_text_field() {
    let input = b"{\"isi\":\"Kapolres Bontang hadir.\",\"text\":\"bukan ini\"}\n{\"text\":\"x\"}";
    let out = warta(
        &["extract", "--jsonl", "-", "--text-field", "isi", "-q"],
        Some(input),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["doc"]["bytes"], 23);
    assert_eq!(recs[0]["doc"]["meta"]["text"], "bukan ini");
    assert_eq!(recs[1]["error"]["kind"], "missing-text");
    assert!(recs[1]["doc"].get("path").is_none());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn all_good_exits_zero() {
    let input = b"{\"id\":1,\"text\":\"Camat Loa Kulu membuka pasar murah.\"}\r\n";
    let out = warta(&["extract", "--jsonl", "-"], Some(input));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(records(&out)[0]["doc"]["id"], "1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 docs ok, 0 errors"), "{stderr}");
}

#[test]
fn an_overlong_line_is_not_buffered() {
    // With --max-bytes 10 a line may hold 2*10 + 1 MiB bytes; this one holds more.
    let long = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"Wali Kota Bontang.\"}}\n",
        "a".repeat(1_100_000)
    );
    let out = warta(
        &["extract", "--jsonl", "-", "--max-bytes", "10", "-q"],
        Some(long.as_bytes()),
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["error"]["kind"], "too-large");
    assert_eq!(recs[0]["doc"]["line"], 1);
    assert_eq!(recs[1]["error"]["kind"], "too-large"); // 18 bytes > 10
}

#[test]
fn a_record_is_written_before_the_next_line_arrives() {
    // An archivist piping a live feed: the first record must come out while standard
    // input is still open, not when it closes or a batch fills.
    let mut child = Command::new(WARTA)
        .args(["extract", "--jsonl", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("warta runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(b"{\"id\":\"s-1\",\"text\":\"Wali Kota Bontang membuka rapat pada Senin (9/9/2019).\"}\n")
        .expect("write the first line");
    stdin.flush().expect("flush stdin");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
        let _ = tx.send(line);
    });
    // Generous: only a pipeline that holds the record back until stdin closes fails.
    let first = rx.recv_timeout(std::time::Duration::from_secs(60));
    drop(stdin);
    let _ = child.wait();
    let first = first.expect("the first record arrives while stdin is still open");
    let rec: Value = serde_json::from_str(&first).expect("a JSON record");
    assert_eq!(rec["doc"]["id"], "s-1");
}

#[test]
fn bench_reports_stages_and_the_raw_scan_ratio_pass_by_pass() {
    // The report's shape, not its speed: two rounds of a one-thread and a two-thread pass;
    // the one-thread passes, each paired with a raw scan, give two ratios and their
    // median; the stage table lists every stage.
    let (bytes, kinds) = corpus();
    let good = kinds.iter().filter(|k| k.is_none()).count();
    let path = file("bench.jsonl", &bytes);
    let out = warta(
        &[
            "bench",
            path.to_str().unwrap(),
            "--threads",
            "1,2",
            "--passes",
            "2",
            "--warmup",
            "1",
            "--text-field",
            "text",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8(out.stdout).unwrap();
    // The bench keeps every line with a "text" string, however long (it has no byte
    // limit): the first good line and the long one; the other six are skipped.
    assert_eq!(good, 2);
    assert!(
        report.starts_with("warta bench: 2 docs (6 lines skipped)"),
        "{report}"
    );
    // The header names the allocator the binary was built with.
    let allocator = if cfg!(all(feature = "jemalloc", not(target_env = "msvc"))) {
        "allocator: jemalloc"
    } else {
        "allocator: system"
    };
    assert!(
        report.lines().next().unwrap().ends_with(allocator),
        "{report}"
    );
    for stage in [
        "normalize",
        "gazetteer",
        "times",
        "entities",
        "figures+quotes",
        "events",
        "assemble",
        "serialize",
    ] {
        assert!(
            report.lines().any(|l| l.trim_start().starts_with(stage)),
            "no {stage} row in\n{report}"
        );
    }
    // One row per thread count; the first is the speed-up's base.
    let row = |n: &str| -> Vec<String> {
        let line = report
            .lines()
            .find(|l| l.split_whitespace().next() == Some(n))
            .unwrap_or_else(|| panic!("no row for {n} thread(s) in\n{report}"));
        line.split_whitespace().map(str::to_string).collect()
    };
    assert_eq!(row("1")[4], "1.00x");
    let two: f64 = row("2")[4].trim_end_matches('x').parse().unwrap();
    assert!(two > 0.0, "{report}");
    assert!(report.contains("raw aho-corasick DFA scan"), "{report}");
    // The raw scan's own speed-up on two threads, the median of two rounds, then each.
    let line = report
        .lines()
        .find(|l| l.starts_with("raw scan on 2 threads: "))
        .unwrap_or_else(|| panic!("no raw speed-up line in\n{report}"));
    let speedups: Vec<f64> = line
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|w| w.parse().ok())
        .collect();
    // "2" (threads), the median, and one per round.
    assert_eq!(speedups.len(), 4, "{line}");
    assert!(speedups[1..].iter().all(|&x| x > 0.0), "{line}");
    let ratios = |label: &str| -> Vec<f64> {
        let line = report
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no {label:?} line in\n{report}"));
        let (list, median) = line.split_once(": median ").unwrap();
        let list = list.split_once(':').unwrap().1;
        let mut values: Vec<f64> = list
            .split(',')
            .map(|v| v.trim().trim_end_matches('%').parse().unwrap())
            .collect();
        values.push(median.trim_end_matches('%').parse().unwrap());
        values
    };
    for label in ["wall clock per thread", "per CPU-second"] {
        let v = ratios(label);
        assert_eq!(v.len(), 3, "two passes and a median: {v:?}");
        // On two short texts the raw scan takes microseconds: the ratios round to 0.0%.
        assert!(v.iter().all(|r| r.is_finite() && *r >= 0.0), "{v:?}");
        let (lo, hi) = (v[0].min(v[1]), v[0].max(v[1]));
        assert!(
            (lo..=hi).contains(&v[2]),
            "the median is one of the passes: {v:?}"
        );
    }
}

/// A panic inside warta (a bug, never the input's fault) becomes an error record of kind
/// "panic" for that line; the other lines are extracted, and the exit code is 1. Debug
/// builds panic on purpose on a text holding `WARTA_PANIC_ON` (release builds ignore it).
#[test]
#[cfg(debug_assertions)]
fn a_panic_is_an_error_record_and_the_run_goes_on() {
    let input = b"{\"id\":\"p-1\",\"text\":\"Banjir melanda Samarinda, Senin (9/9/2019).\"}\n\
{\"id\":\"p-2\",\"text\":\"teks ini memicu PANIC-DI-SINI di warta\"}\n\
{\"id\":\"p-3\",\"text\":\"Ratusan buruh berdemo di Medan, Selasa (10/9/2019).\"}\n";
    let path = file("panic.jsonl", input);
    for threads in ["1", "2"] {
        let out = Command::new(WARTA)
            .args(["extract", "-q", "--threads", threads, "--jsonl"])
            .arg(&path)
            .env("WARTA_PANIC_ON", "PANIC-DI-SINI")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "threads {threads}");
        let recs = records(&out);
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0]["doc"]["id"], "p-1");
        assert_eq!(recs[0]["events"][0]["kind"], "disaster");
        assert_eq!(recs[1]["error"]["kind"], "panic");
        assert_eq!(recs[1]["doc"]["line"], 2);
        assert_eq!(recs[2]["doc"]["id"], "p-3");
        assert_eq!(recs[2]["events"][0]["kind"], "protest");
    }
}
