//! Measures place resolution on real text: a news corpus and a gold NER set.
//!
//! ```text
//! cargo run --release --example places_eval -- corpus  /work/shared/corpus/clickid-2019-09.jsonl [--limit N] [--sample 50] [--seed 2024] [--level kecamatan] [--top 40]
//! cargo run --release --example places_eval -- nergrit /work/shared/data/ner/nergrit-valid.txt [--sample 40] [--seed 2024]
//! cargo run --release --example places_eval -- speed   /work/shared/corpus/clickid-2019-09.jsonl [--limit BYTES] [--passes 5]
//! ```
//!
//! **corpus** — a JSONL file with the article text in `content` (one article a line; the
//! first `--limit` articles, default all). Words are whitespace-separated tokens. Prints
//! the place mentions (every span of every `places[]` record) per 1,000 words, in total
//! and by level, the share of articles with an "ambiguous place" warning, then `--sample`
//! mentions drawn uniformly over all mentions with a fixed seed (splitmix64, partial
//! Fisher-Yates), each with ±60 chars of context, its id, level and name, to be checked
//! by hand (`--level L`: only mentions of that level are sampled; `--top N`: the N most
//! frequent surface forms of each level, with their id, printed first).
//!
//! **nergrit** — a `token TAB BIO-label` file, sentences separated by blank lines. Each
//! sentence is rebuilt by joining its tokens with one space, except that no space is put
//! before `, . ; : ) ! ? %` or after `(`; the gold spans are the byte ranges of the
//! `B-PLACE I-PLACE*` runs. A gold PLACE **is an Indonesian region** when its whole text,
//! folded like article text, is exactly one pattern of the gazetteer that names a
//! province, regency, city or district (a name or an alias: "Jawa Barat", "Jabar",
//! "Kabupaten Bogor", "Bekasi"). Prints (i) the recall of those region PLACEs: recalled
//! when one of our place mentions overlaps the gold span (and how many with the exact
//! span); misses are listed; (ii) how many of our place mentions overlap no gold PLACE
//! span, split by the gold label under them (inside an ORGANISATION or PERSON, or `O`),
//! and a seeded sample of them with their sentence.
//!
//! **speed** — extraction throughput (MB/s, best of `--passes` passes, default 5,
//! alternating between the two lexicon sets) over the first `--limit` bytes of article
//! text (default 5 MB), with the embedded national lexicons and with the
//! same lexicons cut down to Kalimantan Timur (province 64, its regencies, cities and
//! districts, the country and the non-code places; the rows of other files that refer to
//! a dropped place are dropped too).

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::time::Instant;

use warta::gazetteer::{Entry, Gazetteer};
use warta::lexicon::{LexiconFiles, Lexicons};
use warta::normalize;
use warta::record::Level;
use warta::{Article, Extractor, Record};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (Some(mode), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: places_eval corpus|nergrit|speed PATH [--limit N] [--sample N] [--seed N]"
        );
        std::process::exit(2);
    };
    let seed = opt("--seed", 2024);
    match mode.as_str() {
        "corpus" => corpus(
            path,
            opt("--limit", u64::MAX) as usize,
            opt("--sample", 50) as usize,
            seed,
            args.iter()
                .position(|a| a == "--level")
                .and_then(|i| args.get(i + 1))
                .and_then(|l| Level::parse(l)),
            &args,
        ),
        "nergrit" => nergrit(path, opt("--sample", 40) as usize, seed),
        "speed" => speed(
            path,
            opt("--limit", 5 << 20) as usize,
            opt("--passes", 5).max(1) as usize,
        ),
        _ => {
            eprintln!("unknown mode {mode}: corpus, nergrit or speed");
            std::process::exit(2);
        }
    }
}

/// splitmix64: a small, fixed, portable PRNG.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `k` distinct indices of `0..n`, in draw order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + (self.next() % (n - i) as u64) as usize;
            idx.swap(i, j);
        }
        idx.truncate(k);
        idx
    }
}

/// `text[range]` with up to `n` chars on each side, on one line, the mention in [[ ]].
fn context(text: &str, range: Range<usize>, n: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..range.start].chars().rev().take(n).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[range.end..].chars().take(n).collect();
    format!("{before}[[{}]]{after}", &text[range]).replace(['\n', '\t'], " ")
}

/// The articles of a CLICK-ID style JSONL file (`content`), at most `limit`.
fn read_jsonl(path: &str, limit: usize) -> Res<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("content")?.as_str().map(str::to_string))
        .take(limit)
        .collect())
}

/// One place mention found in the corpus.
struct Found {
    doc: usize,
    range: Range<usize>,
    id: String,
    level: Level,
    name: String,
}

/// The number after `name` in `args` (0 when absent).
fn opt_num(args: &[String], name: &str) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn corpus(
    path: &str,
    limit: usize,
    k: usize,
    seed: u64,
    level: Option<Level>,
    args: &[String],
) -> Res<()> {
    let docs = read_jsonl(path, limit)?;
    let ex = Extractor::new()?;
    let mut words = 0usize;
    let mut found: Vec<Found> = Vec::new();
    let mut warned = 0usize;
    let mut warnings = 0usize;
    let start = Instant::now();
    for (d, text) in docs.iter().enumerate() {
        words += text.split_whitespace().count();
        let rec = ex.extract(&Article::new(d.to_string(), text.as_str()));
        let w = rec
            .warnings
            .iter()
            .filter(|w| w.starts_with("ambiguous place"))
            .count();
        warnings += w;
        warned += usize::from(w > 0);
        for p in rec.places {
            for m in p.mentions {
                found.push(Found {
                    doc: d,
                    range: m.start..m.end,
                    id: p.id.clone(),
                    level: p.level,
                    name: p.name.clone(),
                });
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let per_k = |n: usize| n as f64 * 1000.0 / words.max(1) as f64;
    println!(
        "{} articles, {words} words, {} place mentions ({:.2} per 1,000 words), {secs:.1}s",
        docs.len(),
        found.len(),
        per_k(found.len())
    );
    let mut by_level: BTreeMap<Level, usize> = BTreeMap::new();
    for f in &found {
        *by_level.entry(f.level).or_default() += 1;
    }
    for (level, n) in &by_level {
        println!(
            "  {:<10} {:>7}  {:>6.2} per 1,000 words",
            level.as_str(),
            n,
            per_k(*n)
        );
    }
    println!(
        "ambiguous-place warnings: {warnings} in {warned} articles ({:.1}% of articles)",
        100.0 * warned as f64 / docs.len().max(1) as f64
    );
    let top = opt_num(args, "--top");
    if top > 0 {
        let mut freq: BTreeMap<(Level, String, &str), usize> = BTreeMap::new();
        for f in &found {
            let surface = docs[f.doc][f.range.clone()].to_string();
            *freq.entry((f.level, surface, f.id.as_str())).or_default() += 1;
        }
        let mut by: Vec<_> = freq.into_iter().collect();
        by.sort_by_key(|b| std::cmp::Reverse(b.1));
        for l in [
            Level::Kecamatan,
            Level::Kabupaten,
            Level::Kota,
            Level::Provinsi,
        ] {
            let line: Vec<String> = by
                .iter()
                .filter(|((lv, _, _), _)| *lv == l)
                .take(top)
                .map(|((_, s, id), n)| format!("{s}={id}:{n}"))
                .collect();
            println!("top {}: {}", l.as_str(), line.join(", "));
        }
    }
    let pool: Vec<&Found> = found
        .iter()
        .filter(|f| level.is_none_or(|l| f.level == l))
        .collect();
    println!(
        "\nsample of {k} {}mentions (seed {seed}):",
        level.map_or(String::new(), |l| format!("{} ", l.as_str()))
    );
    for (n, i) in Rng(seed).sample(pool.len(), k).into_iter().enumerate() {
        let f = pool[i];
        println!(
            "{:>2}. doc {} {} {} ({}): {}",
            n + 1,
            f.doc,
            f.id,
            f.level.as_str(),
            f.name,
            context(&docs[f.doc], f.range.clone(), 60)
        );
    }
    Ok(())
}

/// One NERGrit sentence: rebuilt text and gold spans by label.
struct Sentence {
    text: String,
    /// (label, byte range).
    gold: Vec<(String, Range<usize>)>,
}

fn read_nergrit(path: &str) -> Res<Vec<Sentence>> {
    let raw = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for block in raw.split("\n\n") {
        let mut s = Sentence {
            text: String::new(),
            gold: Vec::new(),
        };
        let mut open: Option<(String, usize)> = None;
        let mut prev_open_paren = false;
        for line in block.lines().filter(|l| !l.trim().is_empty()) {
            let (tok, label) = line.split_once('\t').unwrap_or((line, "O"));
            let glue = tok.starts_with([',', '.', ';', ':', ')', '!', '?', '%']);
            if !s.text.is_empty() && !glue && !prev_open_paren {
                s.text.push(' ');
            }
            let at = s.text.len();
            s.text.push_str(tok);
            prev_open_paren = tok == "(";
            let (bio, kind) = label.split_once('-').unwrap_or((label, ""));
            let continues = bio == "I" && open.as_ref().is_some_and(|(k, _)| k == kind);
            if !continues {
                if let Some((k, st)) = open.take() {
                    let end = s.text[..at].trim_end().len();
                    s.gold.push((k, st..end));
                }
                if bio == "B" || bio == "I" {
                    open = Some((kind.to_string(), at));
                }
            }
        }
        if let Some((k, st)) = open.take() {
            s.gold.push((k, st..s.text.len()));
        }
        if !s.text.is_empty() {
            out.push(s);
        }
    }
    Ok(out)
}

/// Whether `name` is, as a whole, a name or alias of a province, regency, city or district.
fn is_region(gaz: &Gazetteer, lex: &Lexicons, name: &str) -> bool {
    let folded = normalize::fold(name);
    let hits = gaz.scan(&folded);
    let [hit] = hits.as_slice() else { return false };
    hit.range == (0..folded.len())
        && gaz.entries(hit).iter().any(|e| {
            matches!(e, Entry::Place(p) if matches!(
                lex.places[*p as usize].level,
                Level::Provinsi | Level::Kabupaten | Level::Kota | Level::Kecamatan
            ))
        })
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn nergrit(path: &str, k: usize, seed: u64) -> Res<()> {
    let sentences = read_nergrit(path)?;
    let ex = Extractor::new()?;
    let (lex, gaz) = (ex.lexicons(), ex.gazetteer());
    let (mut gold_places, mut regions, mut recalled, mut exact) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut ours = 0;
    let mut outside: Vec<String> = Vec::new();
    let mut outside_by: BTreeMap<String, usize> = BTreeMap::new();
    for (n, s) in sentences.iter().enumerate() {
        let rec: Record = ex.extract(&Article::new(n.to_string(), s.text.as_str()));
        let mentions: Vec<(Range<usize>, &str)> = rec
            .places
            .iter()
            .flat_map(|p| p.mentions.iter().map(|m| (m.start..m.end, p.id.as_str())))
            .collect();
        for (label, g) in s.gold.iter().filter(|(l, _)| l == "PLACE") {
            let _ = label;
            gold_places += 1;
            if !is_region(gaz, lex, &s.text[g.clone()]) {
                continue;
            }
            regions += 1;
            if mentions.iter().any(|(m, _)| overlaps(m, g)) {
                recalled += 1;
                exact += usize::from(mentions.iter().any(|(m, _)| m == g));
            } else {
                misses.push(format!("{}: {}", n, context(&s.text, g.clone(), 50)));
            }
        }
        for (m, id) in &mentions {
            ours += 1;
            if s.gold.iter().any(|(l, g)| l == "PLACE" && overlaps(m, g)) {
                continue;
            }
            let under = s
                .gold
                .iter()
                .find(|(_, g)| overlaps(m, g))
                .map_or("O".to_string(), |(l, _)| l.clone());
            *outside_by.entry(under.clone()).or_default() += 1;
            outside.push(format!(
                "{n} {id} [gold {under}]: {}",
                context(&s.text, m.clone(), 50)
            ));
        }
    }
    println!(
        "{} sentences; gold PLACE spans: {gold_places}, of which Indonesian regions: {regions}",
        sentences.len()
    );
    println!(
        "(i) recall of region PLACEs: {recalled}/{regions} = {:.3} (exact span: {exact})",
        recalled as f64 / regions.max(1) as f64
    );
    for m in &misses {
        println!("  miss {m}");
    }
    println!(
        "(ii) our place mentions: {ours}; outside any gold PLACE: {} {:?}",
        outside.len(),
        outside_by
    );
    for i in Rng(seed).sample(outside.len(), k) {
        println!("  {}", outside[i]);
    }
    Ok(())
}

/// The embedded lexicons cut down to Kalimantan Timur (see the module doc).
fn kaltim_only() -> Res<LexiconFiles> {
    let emb = LexiconFiles::embedded();
    let keep_id = |id: &str| {
        id.is_empty() || id == "64" || id.starts_with("64.") || !id.starts_with(char::is_numeric)
    };
    let mut out = LexiconFiles::empty();
    for (path, text) in emb.iter() {
        let name = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
        // The columns whose values must be kept places, per kind.
        let cols: &[&str] = if name.starts_with("places") {
            &["id", "parent"]
        } else if name.starts_with("place-aliases") {
            &["id"]
        } else if name.starts_with("officials") || name.starts_with("units") {
            &["jurisdiction"]
        } else {
            &[]
        };
        if cols.is_empty() {
            out.add(path.to_path_buf(), text.to_string());
            continue;
        }
        let mut kept = String::new();
        let mut index: Option<Vec<usize>> = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                kept.push_str(line);
                kept.push('\n');
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            let Some(idx) = &index else {
                index = Some(
                    cols.iter()
                        .filter_map(|col| {
                            cells
                                .iter()
                                .position(|c| c.trim_start_matches('\u{feff}') == *col)
                        })
                        .collect(),
                );
                kept.push_str(line);
                kept.push('\n');
                continue;
            };
            if idx
                .iter()
                .all(|i| keep_id(cells.get(*i).copied().unwrap_or("")))
            {
                kept.push_str(line);
                kept.push('\n');
            }
        }
        out.add(path.to_path_buf(), kept);
    }
    Ok(out)
}

fn speed(path: &str, limit: usize, passes: usize) -> Res<()> {
    let mut docs = Vec::new();
    let mut bytes = 0;
    for text in read_jsonl(path, usize::MAX)? {
        bytes += text.len();
        docs.push(Article::new(docs.len().to_string(), text));
        if bytes >= limit {
            break;
        }
    }
    let national = Extractor::new()?;
    let kaltim = Extractor::from_lexicons(Lexicons::load(&kaltim_only()?)?)?;
    let exs = [("national", &national), ("kaltim-only", &kaltim)];
    // Passes alternate between the two extractors, so that a busy machine slows both
    // alike; the best pass of each counts.
    let mut best = [f64::MAX; 2];
    let mut places: [HashSet<String>; 2] = Default::default();
    for _ in 0..passes {
        for (k, (_, ex)) in exs.iter().enumerate() {
            let t = Instant::now();
            for d in &docs {
                let rec = ex.extract(d);
                places[k].extend(rec.places.into_iter().map(|p| p.id));
            }
            best[k] = best[k].min(t.elapsed().as_secs_f64());
        }
    }
    for (k, (name, ex)) in exs.iter().enumerate() {
        println!(
            "{name:<12} {:>6} places, {:>6} patterns: {:.2} MB/s ({} docs, {:.1} MB, best of {passes}: {:.2}s; {} distinct places)",
            ex.lexicons().places.len(),
            ex.gazetteer().patterns(),
            bytes as f64 / 1e6 / best[k],
            docs.len(),
            bytes as f64 / 1e6,
            best[k],
            places[k].len()
        );
    }
    println!(
        "national / kaltim-only throughput: {:.2}",
        best[1] / best[0]
    );
    Ok(())
}
