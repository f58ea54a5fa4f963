#!/usr/bin/env python3
"""Measures dateparser on the TimeML DATE timexes that examples/timeml_eval.rs scores.

    python3 -m venv /work/venv-dp && /work/venv-dp/bin/pip install dateparser
    /work/venv-dp/bin/python scripts/dateparser_timeml.py ../shared/data/timeml

Same data and matching as the Rust evaluation: the article text is the <TEXT> element
with its tags stripped, the reference is the document creation time, and a gold
TIMEX3 of type DATE is right when the dateparser result with the largest overlap with
its span has the same value. dateparser returns datetimes, so its value is cut to the
gold value's precision (YYYY, YYYY-MM or YYYY-MM-DD); it cannot express PRESENT_REF,
PAST_REF, decades or seasons, which therefore count as misses. The "calendar" line
scores only the gold values it can express.

dateparser gives matched substrings without offsets; each is located in the text after
the previous one.
"""

import datetime
import glob
import html
import os
import re
import sys

from dateparser.search import search_dates

CALENDAR = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def parse_tml(path):
    """Returns (text, dct, gold) for one .tml file."""
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    dct_tag = next(t for t in xml.split("<TIMEX3") if 'functionInDocument="CREATION_TIME"' in t)
    dct_value = re.search(r'value="([^"]*)"', dct_tag).group(1)[:10]
    dct = datetime.datetime.fromisoformat(dct_value)
    body = xml[xml.index("<TEXT>") + len("<TEXT>"):xml.index("</TEXT>")]
    text, stack, gold = [], [], []
    length = 0
    for piece in re.split(r"(<[^>]*>)", body):
        if piece.startswith("<TIMEX3"):
            stack.append((length, piece))
        elif piece.startswith("</TIMEX3"):
            start, tag = stack.pop()
            kind = re.search(r'type="([^"]*)"', tag).group(1)
            if kind == "DATE":
                value = re.search(r'value="([^"]*)"', tag).group(1)
                gold.append((start, length, value))
        elif piece.startswith("<"):
            continue
        else:
            piece = html.unescape(piece)
            text.append(piece)
            length += len(piece)
    text = "".join(text)
    gold = [(s, e, v, text[s:e]) for s, e, v in gold]
    return text, dct, sorted(gold)


def locate(text, found):
    """Gives each (substring, datetime) from dateparser a character span."""
    spans, cursor = [], 0
    for sub, dt in found or []:
        at = text.find(sub, cursor)
        if at < 0:
            at = text.find(sub)
        if at < 0:
            continue
        spans.append((at, at + len(sub), dt, sub))
        cursor = at + len(sub)
    return spans


def as_value(dt, gold_value):
    if not CALENDAR.match(gold_value):
        return None
    return dt.strftime({4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}[len(gold_value)])


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/timeml"
    paths = sorted(glob.glob(os.path.join(folder, "*.tml")))
    if not paths:
        sys.exit(f"no .tml files in {folder}")
    total = correct = cal_total = cal_correct = 0
    misses = []
    for path in paths:
        text, dct, gold = parse_tml(path)
        found = search_dates(text, languages=["id"], settings={"RELATIVE_BASE": dct})
        spans = locate(text, found)
        for start, end, value, surface in gold:
            total += 1
            calendar = bool(CALENDAR.match(value))
            cal_total += calendar
            overlapping = [
                (min(end, e) - max(start, s), dt, sub)
                for s, e, dt, sub in spans
                if min(end, e) > max(start, s)
            ]
            name = os.path.basename(path)[:-4]
            if not overlapping:
                misses.append(f"{name}: {surface!r} gold {value} — not found")
                continue
            _, dt, sub = max(overlapping, key=lambda o: o[0])
            ours = as_value(dt, value)
            if ours == value:
                correct += 1
                cal_correct += calendar
            else:
                misses.append(f"{name}: {surface!r} gold {value} — found {sub!r} = {dt.isoformat()}")
    print(f"DATE timexes: {total}")
    print(f"correct:      {correct}")
    print(f"accuracy:     {correct / total:.3f}")
    print(f"calendar:     {cal_correct}/{cal_total} = {cal_correct / cal_total:.3f}")
    for miss in misses:
        print("miss ", miss)


if __name__ == "__main__":
    main()
