"""Speed of warta for Python, the command line, dictionary matchers, Spark and Ray, on one
corpus slice, in one run. Not a test: it prints a markdown table.

    python python/bench.py [--corpus ../shared/corpus/clickid-2019-09.jsonl] [--limit 5000]
                           [--warta target/release/warta] [--rounds 3]
                           [--skip spacy,flashtext,spark,ray]

Contenders, all on the same documents (the first --limit lines of the corpus; the text is
the "content" field; MB are MB of that text, UTF-8):

- `warta bench FILE --threads 1` (the release binary, jemalloc): full records, extraction
  and JSON serialization, corpus in memory. Its MB per CPU-second is the CPU time of its
  worker thread.
- `Extractor.extract_many(items, threads=T, as_json=...)` (the wheel, jemalloc too):
  full records, as JSON lines or dicts, with T = 1 and T = every core. MB per CPU-second:
  the CPU time (user + system) of the whole Python process.
- spaCy 3: `spacy.blank("id")` (the Indonesian tokenizer) and a `PhraseMatcher(attr="LOWER")`
  over the aliases below, as a pipeline component, run with `nlp.pipe(texts)`
  (`n_process=1`, then 2: forked workers, whose CPU time is added). Tokenization and
  matching only: the matches (every match, overlaps included) are kept in
  `doc.user_data`, nothing else is built. spaCy's tokenizer caches the analysis of every
  distinct string, so after the first round it runs warm (the best round favours it).
- flashtext: `KeywordProcessor()` (case-insensitive) over the same aliases,
  `extract_keywords(text, span_info=True)` per text: dictionary matching only.
- Spark: `warta.spark.extract` in `local[1]` and `local[2]` (one session each), the input
  DataFrame cached first, 2 partitions per core, forced by writing every column to
  Spark's `noop` sink. The JVM's start, the session's and the first job (which starts the
  Python workers and builds their extractors) are not timed: each timed job runs after
  that warm-up job. docs/s of the whole job; MB per CPU-second: the CPU time of this
  process and all its descendants (the JVM, Spark's Python workers), with psutil.
- Ray Data: `ds.map_batches(warta.ray.Extract, concurrency=K)` for K = 1 and 2 actors on a
  local Ray of 2 CPUs, the input Dataset materialized first, batches of 100 rows (pyarrow),
  forced by summing the lengths of the record column of every output batch. Each job
  starts its actors anew (Ray Data keeps none between jobs), so the rate counts the rows
  that come out after the job's first batch and the time from that batch to the end:
  Ray's start, the actors' start and first batch are excluded. One warm-up job first.
  MB per CPU-second: each actor's CPU time (`time.process_time()` after each batch) from
  the end of its first batch to the end of its last, for the rows in between.

The aliases are those warta's gazetteer automaton holds (src/gazetteer.rs,
`Gazetteer::new`), read from lexicons/*.tsv by their header columns:

- places.tsv, places-extra.tsv, places-world.tsv: `name` and `aliases`;
  place-aliases.tsv: `aliases`;
- institutions*.tsv: `name`, `aliases` and `exact` (the short forms warta only counts when
  written exactly so and confirmed: the matchers here take them in any case);
- titles*.tsv: `aliases` of the rows whose `class` is empty or "office" (the role nouns of
  titles-roles.tsv are looked up around names, not matched);
- units.tsv: `aliases`; officials*.tsv: `name` and `short_names`;
- events.tsv: `triggers` and `qualifiers`; elections.tsv and groups.tsv: `aliases`;
- terms.tsv: `aliases` of every kind except the word-lookup kinds (not-name, kin,
  name-cue, org-tail, locative, thing-cue, person-verb, toll);
- not names.tsv, words.tsv, words-english.tsv (word lists, not matched).

Cells are `|`-separated lists; an alias is kept once per lowercase form, with runs of
whitespace made one space, and only if it holds a letter or digit. With the lexicons of
this commit that makes 40,264 aliases, exactly the pattern count of the CLI's raw scan
(the script prints both). warta also asks capitals of some acronyms and checks word
boundaries its own way; the matchers here do neither. Their output is the dictionary
matches alone, the input of one of warta's stages (the gazetteer), not a record.

Measurements run in rounds (--rounds), every single-process contender once per round in
turn (the CLI, warta, spaCy, flashtext), and each reports its best round: on a shared
machine, interleaving exposes every contender to the same drift.
"""

import argparse
import json
import logging
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The folder of this script holds the package's sources, not its compiled module: import
# the installed package.
_HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import warta  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
LOOKUP_KINDS = {"not-name", "kin", "name-cue", "org-tail", "locative", "thing-cue", "person-verb", "toll"}


def cpu_seconds(who=resource.RUSAGE_SELF):
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def read_tsv(path):
    """The rows of a lexicon file as dicts (header row, `#` comments, blank lines)."""
    rows, header = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        else:
            rows.append(dict(zip(header, cells)))
    return rows


def lexicon_aliases(folder):
    """The aliases of warta's gazetteer automaton, once per folded form: (aliases, per file)."""
    columns = {  # file name prefix -> the columns whose cells are matched
        "places": ["name", "aliases"],
        "place-aliases": ["aliases"],
        "institutions": ["name", "aliases", "exact"],
        "titles": ["aliases"],
        "units": ["aliases"],
        "officials": ["name", "short_names"],
        "events": ["triggers", "qualifiers"],
        "elections": ["aliases"],
        "groups": ["aliases"],
        "terms": ["aliases"],
    }
    seen = {}
    per_file = {}
    for path in sorted(Path(folder).glob("*.tsv")):
        kind = next((k for k in sorted(columns, key=len, reverse=True) if path.name.startswith(k)), None)
        if kind is None:
            continue
        n = 0
        for row in read_tsv(path):
            if kind == "titles" and row.get("class", "") not in ("", "office"):
                continue
            if kind == "terms" and row.get("kind") in LOOKUP_KINDS:
                continue
            for col in columns[kind]:
                for alias in (row.get(col) or "").split("|"):
                    alias = " ".join(alias.split())
                    key = alias.lower()
                    if key and any(c.isalnum() for c in key) and key not in seen:
                        seen[key] = alias
                        n += 1
        per_file[path.name] = n
    return list(seen.values()), per_file


def load(corpus, limit):
    lines = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            lines.append(line)
            if len(lines) == limit:
                break
    items = [json.loads(line) for line in lines]
    return lines, items


def text_of(item):
    return item.get("text") or item.get("content") or ""


class Best:
    """The best round of a contender: wall-clock seconds and CPU seconds."""

    def __init__(self, name, what, mb, docs):
        self.name, self.what, self.mb, self.docs = name, what, mb, docs
        self.wall = self.cpu = None
        self.rounds = []
        self.note = ""

    def add(self, wall, cpu=None):
        self.rounds.append(wall)
        if self.wall is None or wall < self.wall:
            self.wall = wall
        if cpu is not None and (self.cpu is None or cpu < self.cpu):
            self.cpu = cpu

    def mbps(self):
        return self.mb / self.wall if self.wall else None

    def mb_per_cpu(self):
        return self.mb / self.cpu if self.cpu else None

    def docsps(self):
        return self.docs / self.wall if self.wall else None


def run_cli(binary, path, rounds_out):
    """One `warta bench --threads 1 --passes 1`: (MB/s, docs/s, CPU MB/s, raw line)."""
    out = subprocess.run(
        [binary, "bench", path, "--threads", "1", "--passes", "1"],
        capture_output=True, text=True, check=True,
    ).stdout
    row = re.search(r"^\s*1\s+([\d.]+)\s+([\d.]+)\s+(\d+)\s+[\d.]+x\s+([\d.-]+)\s*$", out, re.M)
    raw = re.search(r"^raw aho-corasick.*$", out, re.M)
    mbps, docsps, cpu = float(row.group(1)), float(row.group(3)), row.group(4)
    rounds_out.append(out)
    return mbps, docsps, (float(cpu) if cpu != "-" else None), raw.group(0) if raw else ""


def spacy_setup(aliases):
    import spacy
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

    t0 = time.perf_counter()
    nlp = spacy.blank("id")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("ALIAS", list(nlp.tokenizer.pipe(aliases)))
    globals()["_SPACY_MATCHER"] = matcher

    if "warta_bench_phrases" not in Language.factories:

        @Language.component("warta_bench_phrases")
        def phrases(doc):
            doc.user_data["m"] = [(s, e) for _, s, e in _SPACY_MATCHER(doc)]
            return doc

    nlp.add_pipe("warta_bench_phrases")
    return nlp, time.perf_counter() - t0, spacy.__version__


def spacy_pass(nlp, texts, n_process):
    n = 0
    for doc in nlp.pipe(texts, n_process=n_process, batch_size=64):
        n += len(doc.user_data["m"])
    return n


def flashtext_setup(aliases):
    from flashtext import KeywordProcessor

    t0 = time.perf_counter()
    kp = KeywordProcessor()  # case_sensitive=False
    for a in aliases:
        kp.add_keyword(a)
    return kp, time.perf_counter() - t0


def flashtext_pass(kp, texts):
    return sum(len(kp.extract_keywords(t, span_info=True)) for t in texts)


def tree_cpu_seconds():
    """CPU seconds of this process and its live descendants (the JVM, Spark's Python
    workers), or None without psutil."""
    try:
        import psutil
    except ImportError:
        return None
    me = psutil.Process()
    total = 0.0
    for proc in [me] + me.children(recursive=True):
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def spark_rates(rows, mb, rounds, cores):
    """{k: Best} for local[k], k = 1 and 2: docs/s of warta.spark.extract after a warm-up."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    import warta.spark

    fields = ["id", "content", "date", "title", "url"]
    schema = StructType([StructField(f, StringType(), True) for f in fields])
    results = {}
    for k in sorted({1, 2, cores}):
        spark = (
            SparkSession.builder.master(f"local[{k}]")
            .appName("warta-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        df = spark.createDataFrame(rows, schema).repartition(2 * k).cache()
        assert df.count() == len(rows)
        out = warta.spark.extract(df, text_col="content", id_col="id", date_col="date",
                                  title_col="title", url_col="url")
        # Warm-up: the Python workers start and build their extractors.
        from pyspark.sql.functions import length, sum as sum_

        total = out.select(sum_(length("warta"))).collect()[0][0]
        assert total > len(rows) * 100, total
        best = Best(f"Spark local[{k}]", f"warta.spark.extract, {2 * k} partitions", mb, len(rows))
        for _ in range(rounds):
            c0, t0 = tree_cpu_seconds(), time.perf_counter()
            out.write.format("noop").mode("overwrite").save()
            wall, c1 = time.perf_counter() - t0, tree_cpu_seconds()
            best.add(wall, None if c0 is None else c1 - c0)
        results[k] = best
        spark.stop()
    return results


def ray_rates(rows, mb, rounds):
    """{k: Best} for k = 1 and 2 actors: docs/s of warta.ray.Extract after the first batch."""
    import pyarrow.compute as pc
    import ray

    import warta.ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False,
             logging_level=logging.WARNING)
    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ds = ray.data.from_items(rows, override_num_blocks=max(1, len(rows) // 100)).materialize()

    class Timed(warta.ray.Extract):
        """warta.ray.Extract, plus the actor's pid and CPU seconds after each batch."""

        def __call__(self, batch):
            import pyarrow as pa

            out = super().__call__(batch)
            n = out.num_rows
            out = out.append_column("pid", pa.array([os.getpid()] * n, pa.int64()))
            return out.append_column("cpu", pa.array([time.process_time()] * n, pa.float64()))

    kwargs = dict(text_col="content", id_col="id", date_col="date", title_col="title", url_col="url")
    results = {k: Best(f"Ray Data, {k} actor(s)", "warta.ray.Extract, batches of 100", mb, len(rows))
               for k in (1, 2)}

    def job(k):
        out = ds.map_batches(Timed, fn_constructor_kwargs=kwargs, concurrency=k,
                             batch_size=100, batch_format="pyarrow", num_cpus=1)
        first = None
        after = 0
        chars = 0
        # (pid, CPU seconds after the batch, rows) of every actor batch.
        done = []
        for batch in out.iter_batches(batch_size=None, batch_format="pyarrow"):
            now = time.perf_counter()
            chars += pc.sum(pc.utf8_length(batch["warta"])).as_py()
            if first is None:
                first = now
            else:
                after += batch.num_rows
            done += zip(*_per_batch(batch))
        end = time.perf_counter()
        assert chars > len(rows) * 100, chars
        # Per actor, the CPU seconds from the end of its first batch to the end of its
        # last, for the rows of the batches after its first.
        cpu = rows_cpu = 0
        for pid in {d[0] for d in done}:
            mine = sorted((c, r) for p, c, r in done if p == pid)
            cpu += mine[-1][0] - mine[0][0]
            rows_cpu += sum(r for _, r in mine[1:])
        return after, end - first, (cpu * len(rows) / rows_cpu if rows_cpu else None)

    job(2)  # warm-up
    for _ in range(rounds):
        for k in (1, 2):
            after, wall, cpu = job(k)
            # As if the whole slice ran at the rate of the rows after the first batch.
            results[k].add(wall * len(rows) / after, cpu)
    ray.shutdown()
    return results


def _per_batch(batch):
    """(pids, CPU seconds, rows) of the actor batches within an output batch."""
    pids = batch["pid"].to_pylist()
    cpus = batch["cpu"].to_pylist()
    out = ([], [], [])
    for pid, cpu in zip(pids, cpus):
        if out[0] and out[0][-1] == pid and out[1][-1] == cpu:
            out[2][-1] += 1
        else:
            out[0].append(pid)
            out[1].append(cpu)
            out[2].append(1)
    return out


def fmt(x, digits=2):
    return "—" if x is None else f"{x:.{digits}f}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default=str(REPO.parent / "shared/corpus/clickid-2019-09.jsonl"))
    p.add_argument("--limit", type=int, default=5000)
    p.add_argument("--warta", default=None, help="the CLI binary (default: target/release/warta)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--skip", default="", help="comma-separated: cli,spacy,spacy2,flashtext,spark,ray")
    args = p.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    lines, items = load(args.corpus, args.limit)
    texts = [text_of(it) for it in items]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    n = len(items)
    cores = os.cpu_count() or 1
    print(f"{n} docs of {args.corpus}, {mb:.2f} MB of text; {cores} cores; "
          f"best of {args.rounds} rounds; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    try:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    print(f"commit {commit or '?'}, warta {warta.__version__}, Python {sys.version.split()[0]}")

    aliases, per_file = lexicon_aliases(REPO / "lexicons")
    print(f"{len(aliases)} distinct aliases from lexicons/: "
          + ", ".join(f"{f} {c}" for f, c in per_file.items()))

    contenders = []  # single-process ones, measured in interleaved rounds: (Best, fn)
    ex = warta.Extractor()
    list(ex.extract_many(items[:1000], as_json=True))  # warm-up

    def warta_pass(threads, as_json):
        def go():
            c0, t0 = cpu_seconds(), time.perf_counter()
            k = sum(1 for _ in ex.extract_many(items, threads=threads, as_json=as_json))
            wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
            assert k == n
            return wall, cpu
        return go

    cli = None
    binary = args.warta or str(Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "release/warta")
    tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False)
    tmp.writelines(lines)
    tmp.close()
    cli_outputs = []
    cli_raw = ""
    if "cli" not in skip and Path(binary).is_file():
        cli = Best("`warta bench --threads 1`", "full records (CLI, jemalloc)", mb, n)
        cli_cpu = []

        def cli_pass():
            nonlocal cli_raw
            mbps, docsps, cpu_mbps, raw = run_cli(binary, tmp.name, cli_outputs)
            cli_raw = raw
            if cpu_mbps:
                cli_cpu.append(mb / cpu_mbps)
            return mb / mbps, (mb / cpu_mbps if cpu_mbps else None)

        contenders.append((cli, cli_pass))
    elif "cli" not in skip:
        print(f"no CLI binary at {binary} (cargo build --release, or --warta PATH): CLI skipped")

    for threads in sorted({1, cores}):
        for as_json in ((True, False) if threads == 1 else (True,)):
            kind = "JSON lines" if as_json else "dicts"
            b = Best(f"`extract_many`, {threads} thread(s), {'json' if as_json else 'dict'}",
                     f"full records, as {kind}", mb, n)
            contenders.append((b, warta_pass(threads, as_json)))

    notes = []
    if "spacy" not in skip:
        try:
            nlp, build, version = spacy_setup(aliases)
        except ImportError:
            nlp = None
            print("spaCy not installed: skipped")
        if nlp is not None:
            notes.append(f"spaCy {version}: blank('id') + PhraseMatcher of {len(aliases)} "
                         f"aliases built in {build:.1f} s (not timed)")
            tok = Best("spaCy tokenizer alone", "tokenization only (`nlp.tokenizer.pipe`)", mb, n)

            def sp_tok():
                c0, t0 = cpu_seconds(), time.perf_counter()
                for _ in nlp.tokenizer.pipe(texts, batch_size=64):
                    pass
                return time.perf_counter() - t0, cpu_seconds() - c0

            contenders.append((tok, sp_tok))
            counts = {}
            for n_proc in (1, 2):
                if n_proc == 2 and "spacy2" in skip:
                    continue
                b = Best(f"spaCy `nlp.pipe`, n_process={n_proc}",
                         "tokenization + PhraseMatcher only", mb, n)

                def sp(n_proc=n_proc):
                    c0, ch0, t0 = cpu_seconds(), cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
                    counts[n_proc] = spacy_pass(nlp, texts, n_proc)
                    wall = time.perf_counter() - t0
                    cpu = cpu_seconds() - c0 + cpu_seconds(resource.RUSAGE_CHILDREN) - ch0
                    return wall, cpu

                contenders.append((b, sp))
            spacy_counts = counts
        else:
            spacy_counts = {}
    else:
        spacy_counts = {}

    flash_counts = {}
    if "flashtext" not in skip:
        try:
            kp, build = flashtext_setup(aliases)
        except ImportError:
            kp = None
            print("flashtext not installed: skipped")
        if kp is not None:
            try:
                from importlib.metadata import version as _version

                ft_version = _version("flashtext")
            except Exception:  # noqa: BLE001 (the version is only printed)
                ft_version = "?"
            notes.append(f"flashtext {ft_version}: KeywordProcessor of {len(kp)} keywords built in "
                         f"{build:.1f} s (not timed)")
            b = Best("flashtext `extract_keywords`", "dictionary matching only", mb, n)

            def ft():
                c0, t0 = cpu_seconds(), time.perf_counter()
                flash_counts[0] = flashtext_pass(kp, texts)
                return time.perf_counter() - t0, cpu_seconds() - c0

            contenders.append((b, ft))

    for r in range(args.rounds):
        for b, fn in contenders:
            wall, cpu = fn()
            b.add(wall, cpu)
        print(f"round {r + 1}: " + ", ".join(f"{b.name} {b.mb / b.rounds[-1]:.2f}" for b, _ in contenders)
              + " MB/s", flush=True)
    os.unlink(tmp.name)
    if spacy_counts:
        notes.append("spaCy matches per pass: " + ", ".join(f"n_process={k}: {v}" for k, v in spacy_counts.items()))
    if flash_counts:
        notes.append(f"flashtext matches per pass: {flash_counts[0]}")
    if cli_raw:
        notes.append("CLI " + cli_raw.strip())

    dist = []
    rows = [(str(i + 1), texts[i], items[i].get("date"), items[i].get("title"), items[i].get("url"))
            for i in range(n)]
    if "spark" not in skip:
        try:
            import pyspark  # noqa: F401
            res = spark_rates(rows, mb, args.rounds, cores)
            dist += [res[k] for k in sorted(res)]
        except ImportError:
            print("pyspark not installed: skipped")
    if "ray" not in skip:
        try:
            import ray  # noqa: F401
            res = ray_rates([dict(zip(["id", "content", "date", "title", "url"], r)) for r in rows],
                            mb, args.rounds)
            dist += [res[k] for k in sorted(res)]
        except ImportError:
            print("ray not installed: skipped")

    base = cli.mbps() if cli else None
    print()
    print("| tool | what it does | MB/s (wall) | MB per CPU-second | docs/s | vs the CLI |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for b in [b for b, _ in contenders] + dist:
        rel = f"{b.mbps() / base:.0%}" if base and b.mbps() else "—"
        print(f"| {b.name} | {b.what} | {fmt(b.mbps())} | {fmt(b.mb_per_cpu())} | "
              f"{fmt(b.docsps(), 0)} | {rel} |")
    print()
    for note in notes:
        print(f"- {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
