#!/usr/bin/env python3
"""Entity regression check without gold: compares, article by article, the
(name, type) sets of two `rashomon extract` outputs (JSON lines), e.g. the
previous and the current NER model on the same texts, and prints the names whose
type changed, the names lost and the names gained, most frequent first.

usage: scripts/ner-diff.py OLD.jsonl NEW.jsonl
  OLD/NEW: `rashomon extract DIR > FILE` with the two builds."""
import json,collections,sys
def load(p):
    out={}
    for l in open(p):
        d=json.loads(l)
        out[d['id']]={(e['name'],e['type']) for e in d['entities']}
    return out
def types(pairs):
    out=collections.defaultdict(list)
    for a,t in sorted(pairs):
        out[a].append(t)
    return {a:'/'.join(ts) for a,ts in out.items()}
o=load(sys.argv[1]); n=load(sys.argv[2])
chg=collections.Counter(); lost=collections.Counter(); gained=collections.Counter()
for k in sorted(o):
    # A name may carry several types in one article: compare the sorted type lists.
    on=types(o[k]); nn=types(n.get(k,set()))
    for a in on:
        if a in nn and nn[a]!=on[a]: chg[(a,on[a],nn[a])]+=1
        elif a not in nn: lost[(a,on[a])]+=1
    for a in nn:
        if a not in on: gained[(a,nn[a])]+=1
print('type changes',sum(chg.values()))
for x,c in sorted(chg.items(), key=lambda e: (-e[1], e[0]))[:80]: print(c,x)
print('lost',sum(lost.values()))
for x,c in sorted(lost.items(), key=lambda e: (-e[1], e[0]))[:40]: print(c,x)
print('gained',sum(gained.values()))
for x,c in sorted(gained.items(), key=lambda e: (-e[1], e[0]))[:40]: print(c,x)
