#!/usr/bin/env python3
"""Relation-level error classes from `ATTRIB_DEBUG=1 attrib-eval DIR 2>dbg.jsonl` (or attrib-dev):
each gold relation is classed by its first failing component; also counts predicted cues
overlapping no gold cue and lists the most frequent missed cues.
Usage: crates/attrib/tools/attrib-errors.py dbg.jsonl"""
import json,collections,sys
arts=[];cur=None;last='p'
for line in open(sys.argv[1],encoding='utf8',errors='replace'):
    if not line.startswith('{'): continue
    d=json.loads(line)
    if d.get('k') not in ('g','p'): continue
    if d['k']=='g' and last=='p':
        cur={'g':[],'p':[]};arts.append(cur)
    last=d['k'];cur[d['k']].append(d)
def key(x): return tuple(sorted((a,b) for a,b,_ in x))
def ov(a,b): return any(x[0]<y[1] and y[0]<x[1] for x in a for y in b)
c=collections.Counter(); fp=0; mc=collections.Counter()
for a in arts:
    for g in a['g']:
        ps=[p for p in a['p'] if ov(g['c'],p['c'])]
        ex=[p for p in ps if key(p['c'])==key(g['c'])]
        if not ps: c['cue missed']+=1; mc[' '.join(x[2].lower() for x in g['c'])]+=1; continue
        if not ex: c['cue boundary']+=1; continue
        okx=any(key(p['x'])==key(g['x']) for p in ex)
        oks=any(key(p['s'])==key(g['s']) for p in ex)
        okall=any(key(p['x'])==key(g['x']) and key(p['s'])==key(g['s']) for p in ex)
        if okall: c['right']+=1
        elif oks: c['content wrong']+=1
        elif okx: c['source wrong']+=1
        else: c['both wrong']+=1
    for p in a['p']:
        if not any(ov(g['c'],p['c']) for g in a['g']): fp+=1
print(c, 'fp', fp)
print(mc.most_common(25))
