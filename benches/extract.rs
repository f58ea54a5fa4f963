//! End-to-end extraction throughput: over the fixture articles, and over the first
//! ~5 MB of `../shared/corpus/clickid-2019-09.jsonl` (article text in `content`) when
//! that corpus is present.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta::{Article, Extractor};

fn fixtures() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Article::new(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

fn corpus(limit: usize) -> Vec<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/clickid-2019-09.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("corpus bench skipped: {} not found", path.display());
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut bytes = 0;
    for (i, line) in text.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(content) = v.get("content").and_then(|c| c.as_str()) else {
            continue;
        };
        bytes += content.len();
        out.push(Article::new(i.to_string(), content));
        if bytes >= limit {
            break;
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let ex = Extractor::new().expect("embedded lexicons load");
    let mut group = c.benchmark_group("extract");
    for (name, docs) in [("fixtures", fixtures()), ("corpus-5MB", corpus(5 << 20))] {
        if docs.is_empty() {
            continue;
        }
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        // The result is checked, not only timed: every document yields a record.
        let records: usize = docs
            .iter()
            .map(|d| usize::from(ex.extract(d).doc.bytes == d.text.len()))
            .sum();
        assert_eq!(records, docs.len());
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        group.bench_function(name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| serde_json::to_string(&ex.extract(d)).map_or(0, |s| s.len()))
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
