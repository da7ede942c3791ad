#!/usr/bin/env python3
"""Cue-boundary edits that would help, from `ATTRIB_DEBUG=1 attrib-dev ... 2>dbg$f.jsonl`
over held-out folds: for every predicted cue, what one-word change of its edges (extend
right by one or two words `R+`/`R++`, drop the last word `R-`, extend left `L+`, drop the
first word `L-`) would turn it into the gold cue (gain) and how often the prediction was
already right (loss). Prints `net gain loss (edit, word, word)`, best first.
Usage: crates/attrib/tools/cue-edits.py dbg0.jsonl dbg1.jsonl ..."""
import collections
import json
import re
import sys

TOKEN = r"[\w’'\-]+|[^\w\s]"
res = collections.defaultdict(lambda: [0, 0])


def score(key, new, cur, gold):
    if new in gold:
        res[key][0] += 1
    elif cur:
        res[key][1] += 1


for path in sys.argv[1:]:
    g, p = [], []
    for line in open(path, encoding="utf8", errors="replace"):
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if r.get("k") == "g":
            g.append(r)
        elif r.get("k") == "p":
            p.append(r)
        elif r.get("k") == "end":
            tb = r["text"].encode()  # spans are byte offsets
            gold = {(x["c"][0][0], x["c"][-1][1]) for x in g if x["c"]}
            for x in p:
                if not x["c"]:
                    continue
                a, b = x["c"][0][0], x["c"][-1][1]
                cur = (a, b) in gold
                cue = tb[a:b].decode("utf8", "ignore")
                words = re.findall(TOKEN, cue)
                if not words:
                    continue
                last = words[-1].lower()
                after = tb[b : b + 80].decode("utf8", "ignore")
                m = re.match(r"(\s*)(" + TOKEN + ")", after)
                if m:
                    score(("R+", last, m.group(2).lower()), (a, b + len(m.group(0).encode())), cur, gold)
                    m2 = re.match(r"(\s*)(" + TOKEN + r")(\s*)(" + TOKEN + ")", after)
                    if m2:
                        two = m2.group(2).lower() + " " + m2.group(4).lower()
                        score(("R++", last, two), (a, b + len(m2.group(0).encode())), cur, gold)
                if len(words) > 1:
                    pre = cue[: cue.rstrip().rfind(words[-1])].rstrip()
                    score(("R-", words[-2].lower(), last), (a, a + len(pre.encode())), cur, gold)
                    i = cue.find(words[0]) + len(words[0])
                    rest = cue[i:]
                    na = a + len(cue[:i].encode()) + len(rest.encode()) - len(rest.lstrip().encode())
                    score(("L-", words[0].lower(), words[1].lower()), (na, b), cur, gold)
                before = tb[max(0, a - 60) : a].decode("utf8", "ignore")
                m = re.search("(" + TOKEN + r")(\s*)$", before)
                if m:
                    score(("L+", m.group(1).lower(), words[0].lower()), (a - len(m.group(0).encode()), b), cur, gold)
            g, p = [], []

for key, (gain, loss) in sorted(res.items(), key=lambda kv: kv[1][1] - kv[1][0])[:60]:
    if gain - loss >= 2:
        print(gain - loss, gain, loss, key)
