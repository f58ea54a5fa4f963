#!/usr/bin/env python3
"""Event kinds on an archive: how many records carry each kind, and for seven keyword
families of headlines (protest, riot, disaster, arrest, killing, court, election), the share
of their articles whose main event is of the matching kind.

usage: scripts/event_families.py ARTICLES.jsonl RECORDS.jsonl [--sample N --out DIR]

ARTICLES.jsonl is the input given to `warta extract --jsonl` (a `title` field per line);
RECORDS.jsonl its output, line for line. With --sample, writes DIR/<kind>.txt: N records
per main-event kind, drawn at random (seed 16), with the headline, the trigger's sentence
and the main event's fields, for reading by hand.

The families are headline keywords, not truth: an article whose headline says "demo" may be
about something else. They measure how often warta's main event agrees with the headline.
"""

import argparse
import collections
import json
import random
import re
import sys

FAMILIES = {
    # family: (headline keywords, the main-event kinds that match)
    "protest": (r"\b(demo|unjuk rasa|demonstrasi|demonstran|aksi massa|berdemo|mogok)\b", {"protest"}),
    "riot": (r"\b(rusuh|ricuh|kerusuhan|kericuhan|bentrok|bentrokan|tawuran|amuk)\b", {"riot"}),
    "disaster": (r"\b(banjir|gempa|longsor|karhutla|kebakaran hutan|kebakaran lahan|erupsi|tsunami|puting beliung|kabut asap)\b", {"disaster"}),
    "arrest": (r"\b(ditangkap|tangkap|ditahan|tahan|ott|diringkus|ringkus|dibekuk|bekuk|diamankan|amankan|tersangka)\b", {"arrest"}),
    "killing": (r"\b(dibunuh|bunuh|pembunuhan|tewas|ditembak|tembak|penembakan|dibacok|bacok)\b", {"attack", "armed-clash"}),
    "court": (r"\b(sidang|vonis|divonis|dituntut|tuntutan|praperadilan|hakim|terdakwa|dakwaan)\b", {"court"}),
    "election": (r"\b(pemilu|pilkada|pileg|pilpres|caleg|kpu|bawaslu|pencoblosan|rekapitulasi)\b", {"election"}),
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("articles")
    ap.add_argument("records")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--out", default="event-samples")
    args = ap.parse_args()
    arts = [json.loads(l) for l in open(args.articles, encoding="utf-8")]
    recs = [json.loads(l) for l in open(args.records, encoding="utf-8")]
    if len(arts) != len(recs):
        sys.exit(f"{len(arts)} articles but {len(recs)} records")
    kinds = collections.Counter()
    mains = collections.Counter()
    for r in recs:
        evs = r.get("events") or []
        for k in {e["kind"] for e in evs}:
            kinds[k] += 1
        if evs:
            mains[evs[0]["kind"]] += 1
    print(f"{len(recs)} records, {sum(1 for r in recs if r.get('events'))} with an event")
    print(f"{'kind':<14}{'records':>9}{'as main':>9}")
    for k, n in kinds.most_common():
        print(f"{k:<14}{n:>9}{mains[k]:>9}")
    print()
    print(f"{'family':<10}{'articles':>9}{'with event':>12}{'main matches':>14}{'share':>8}")
    for fam, (pat, want) in FAMILIES.items():
        rx = re.compile(pat, re.I)
        idx = [i for i, a in enumerate(arts) if rx.search(a.get("title") or "")]
        with_ev = [i for i in idx if recs[i].get("events")]
        match = [i for i in with_ev if recs[i]["events"][0]["kind"] in want]
        share = len(match) / max(len(idx), 1)
        print(f"{fam:<10}{len(idx):>9}{len(with_ev):>12}{len(match):>14}{share:>8.1%}")
    if args.sample:
        import os

        os.makedirs(args.out, exist_ok=True)
        rng = random.Random(16)
        by_kind = collections.defaultdict(list)
        for i, r in enumerate(recs):
            if r.get("events"):
                by_kind[r["events"][0]["kind"]].append(i)
        for kind, idx in by_kind.items():
            pick = rng.sample(idx, min(args.sample, len(idx)))
            with open(os.path.join(args.out, f"{kind}.txt"), "w", encoding="utf-8") as f:
                for n, i in enumerate(pick, 1):
                    a, r = arts[i], recs[i]
                    e = r["events"][0]
                    text = a.get("content") or a.get("text") or ""
                    t = e["trigger"]
                    # the trigger's sentence, roughly: 300 bytes around it
                    raw = text.encode("utf-8")
                    ctx = raw[max(0, t["start"] - 200) : t["end"] + 200].decode("utf-8", "replace")
                    f.write(f"### {n}. line {i + 1}: {a.get('title')}\n")
                    f.write(f"lead: {text[:400]}\n")
                    f.write(f"trigger: {t['text']!r} in: ...{ctx}...\n")
                    date = (e.get("date") or {}).get("value")
                    f.write(
                        f"main event: {e['kind']}/{e.get('subtype')} date={date} place={e.get('place')} "
                        f"({e.get('place_precision')}) counts={[(c['kind'], c['value']) for c in e.get('counts', [])]} "
                        f"actor1={e['actors']['actor1']} actor2={e['actors']['actor2']}\n"
                    )
                    f.write(f"published: {a.get('date')}\n\n")


if __name__ == "__main__":
    main()
