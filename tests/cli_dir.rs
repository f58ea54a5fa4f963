//! `warta extract DIR`: *.txt and *.jsonl found recursively, in path order.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

#[test]
fn folder_walk_order_and_kinds() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_dir");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("b.txt"), "Bupati Paser meresmikan jembatan.").unwrap();
    std::fs::write(dir.join("a/z.txt"), "Warga Samarinda memadati alun-alun.").unwrap();
    std::fs::write(dir.join("a/kosong.txt"), "  \n").unwrap();
    std::fs::write(
        dir.join("a.jsonl"),
        "{\"text\":\"Sekda Kaltim memimpin apel.\"}\n{\"id\":\"j2\",\"text\":\"Rapat di Bontang.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("catatan.md"), "bukan berita").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "--quiet", "--threads", "2"])
        .arg(&dir)
        .output()
        .unwrap();
    let recs: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap())
        .collect();
    // Path order: a/kosong.txt, a/z.txt, a.jsonl (ids "<stem>:<line>" when missing), b.txt.
    assert_eq!(ids, ["kosong", "z", "a:1", "j2", "b"]);
    assert_eq!(recs[0]["error"]["kind"], "empty");
    assert_eq!(out.status.code(), Some(1));
    assert!(recs[1]["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "64.72"));
}
