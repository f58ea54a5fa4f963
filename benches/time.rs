//! Throughput of the time module: `scan` + `resolve` over realistic news text.
//!
//! Uses the `content` fields of the first ~2 MB of `../shared/corpus/clickid-2019-09.jsonl`
//! when that corpus is present, else a fixture paragraph written for this bench,
//! repeated to the same size.
//!
//! ```text
//! cargo bench --bench time
//! ```

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta::time::TimeParser;

const TARGET_BYTES: usize = 2_000_000;

/// A paragraph in the genre, written for this bench.
const FIXTURE: &str = "Samarinda - Pemerintah Provinsi menggelar rapat koordinasi \
persiapan Pilkada serentak 2024 di Hotel Mesra, Kamis (21/11/2024) pukul 09.00 Wita. \
Rapat dibuka Sekda yang mengingatkan bahwa pemungutan suara tinggal kurang 6 hari lagi. \
\"Logistik harus tiba paling lambat H-3,\" ujarnya. Distribusi surat suara dimulai \
Senin, 18 November 2024, dan dilanjutkan pekan depan ke daerah terpencil. Anggaran \
tahun 2024 untuk pengamanan mencapai Rp 12,5 miliar, naik 17 persen dibanding tahun lalu. \
Apel siaga digelar setiap Senin hingga 27 November mendatang.\n";

fn corpus_path() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("../shared/corpus/clickid-2019-09.jsonl"),
        root.join("../../shared/corpus/clickid-2019-09.jsonl"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// Documents as (text, folded) pairs, about `TARGET_BYTES` in all.
fn documents() -> (Vec<(String, String)>, &'static str) {
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut source = "fixture";
    if let Some(text) = corpus_path().and_then(|p| std::fs::read_to_string(p).ok()) {
        source = "clickid corpus";
        for line in text.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(content) = value.get("content").and_then(|c| c.as_str()) else {
                continue;
            };
            bytes += content.len();
            docs.push(content.to_string());
            if bytes >= TARGET_BYTES {
                break;
            }
        }
    }
    if docs.is_empty() {
        let article = FIXTURE.repeat(8);
        while bytes < TARGET_BYTES {
            bytes += article.len();
            docs.push(article.clone());
        }
    }
    let pairs = docs
        .into_iter()
        .map(|d| {
            let folded = warta::normalize::Normalized::new(&d).folded().to_string();
            (d, folded)
        })
        .collect();
    (pairs, source)
}

fn bench_time(c: &mut Criterion) {
    let parser = TimeParser::new(Vec::new());
    let (docs, source) = documents();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let run = || {
        let mut found = 0;
        for (text, folded) in &docs {
            let hits = parser.scan(text, folded);
            found += parser.resolve(&hits, None).times.len();
        }
        found
    };
    let found = run();
    assert!(found > 0, "no time expression found in the bench input");
    eprintln!(
        "time bench input: {source}, {} documents, {bytes} bytes, {found} times",
        docs.len()
    );
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("scan+resolve", |b| b.iter(|| black_box(run())));
    group.finish();
}

criterion_group!(benches, bench_time);
criterion_main!(benches);
