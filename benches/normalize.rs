//! Throughput of `Normalized::new` and `Segments::new` on about 1 MB of article text.
//!
//! Reads the `content` fields of `../shared/corpus/clickid-2019-09.jsonl` (or
//! `$WARTA_SHARED/corpus/…`) when present; otherwise repeats a few paragraphs written
//! for this bench.

use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use warta::normalize::Normalized;
use warta::segment::Segments;

const TARGET: usize = 1 << 20;

fn corpus_path() -> PathBuf {
    let shared = std::env::var_os("WARTA_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    shared.join("corpus/clickid-2019-09.jsonl")
}

/// About 1 MB of articles, separated by blank lines.
fn sample() -> (String, &'static str) {
    if let Ok(file) = std::fs::File::open(corpus_path()) {
        let mut text = String::with_capacity(TARGET + 4096);
        for line in BufReader::new(file).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if let Some(c) = v.get("content").and_then(|c| c.as_str()) {
                text.push_str(c);
                text.push_str("\n\n");
            }
            if text.len() >= TARGET {
                return (text, "corpus");
            }
        }
        if !text.is_empty() {
            return (text, "corpus");
        }
    }
    println!(
        "corpus not found at {}: using built-in text",
        corpus_path().display()
    );
    (fallback(), "builtin")
}

fn fallback() -> String {
    const ARTICLE: &str = "SAMARINDA \u{2013} Pemerintah Kabupaten Kutai Kartanegara menggelar \
rapat koordinasi bersama Forkopimda, Senin (3/9/2024), di Pendopo Bupati.\n\n\
\u{201c}Kami meminta semua pihak menjaga kondusivitas daerah menjelang Pilkada,\u{201d} \
kata Sekda H.\u{a0}Budi Santoso, S.H., M.Si. kepada wartawan.\n\
Baca juga: Jembatan Baru Diresmikan Wali Kota\n\
Anggaran yang disiapkan mencapai Rp 1.250.000.000 dan digunakan untuk 79,5 persen \
kegiatan pengamanan di 18 kecamatan.\u{a0}\u{a0}Rapat dimulai pukul 09.00 WITA.\r\n\
Penulis: Andi | Editor: Sari\n\n";
    ARTICLE.repeat(TARGET / ARTICLE.len() + 1)
}

fn bench(c: &mut Criterion) {
    let (text, source) = sample();
    let n = Normalized::new(&text);
    assert!(
        n.text().len() > text.len() / 2,
        "normalization lost most of the text"
    );
    assert!(!n.text().contains('\u{201c}'));
    let mut group = c.benchmark_group(format!("normalize/{source}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("Normalized::new", |b| {
        b.iter(|| Normalized::new(black_box(&text)))
    });
    group.bench_function("fold (cleaning without boilerplate)", |b| {
        b.iter(|| warta::normalize::fold(black_box(&text)))
    });
    group.bench_function("baseline: count bytes > 0x20", |b| {
        b.iter(|| black_box(&text).bytes().filter(|&b| b > 0x20).count())
    });
    group.bench_function("Segments::new", |b| {
        b.iter(|| Segments::new(black_box(n.text())))
    });
    group.bench_function("original_range x1000", |b| {
        let len = n.text().len();
        b.iter(|| {
            (0..1000)
                .map(|i| n.original_range(i * len / 1000..(i * len / 1000 + 40).min(len)))
                .fold(0, |acc, r| acc ^ r.start)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
