#!/usr/bin/env python3
"""Memory curve of a store ingest: runs `rashomon ingest` and samples, every
few seconds, how many articles are stored and the process's resident memory
(split into anonymous memory, which is what the process holds, and file pages
it has mapped). Shows whether memory stays flat as the corpus grows.

usage: scripts/ingest-memory.py DB INPUT... [--every SECONDS] [--bin PATH]
Environment (RASHOMON_THREADS ...) is passed through. Prints one line per
sample and a summary; the DB must not exist yet (a fresh ingest).
"""
import os
import sqlite3
import subprocess
import sys
import time


def status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                    out[k] = int(v.split()[0]) // 1024  # MB
    except OSError:
        pass
    return out


def stored(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
        return n
    except sqlite3.Error:
        return None


def main():
    args = sys.argv[1:]
    every, binary = 10.0, "target/release/rashomon"
    rest = []
    i = 0
    while i < len(args):
        if args[i] == "--every":
            every = float(args[i + 1])
            i += 2
        elif args[i] == "--bin":
            binary = args[i + 1]
            i += 2
        else:
            rest.append(args[i])
            i += 1
    if len(rest) < 2:
        sys.exit(__doc__)
    db, inputs = rest[0], rest[1:]
    if os.path.exists(db):
        sys.exit(f"{db} exists: the memory curve needs a fresh store")
    start = time.time()
    proc = subprocess.Popen([binary, "--db", db, "ingest", *inputs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    print("seconds  stored  rss_mb  anon_mb  file_mb  peak_mb", flush=True)
    last = {}
    while proc.poll() is None:
        time.sleep(every)
        st = status(proc.pid)
        if not st:
            break
        last = st
        n = stored(db)
        print(f"{time.time() - start:7.0f} {n if n is not None else '?':>7} "
              f"{st.get('VmRSS', 0):7} {st.get('RssAnon', 0):8} "
              f"{st.get('RssFile', 0):8} {st.get('VmHWM', 0):8}", flush=True)
    out, err = proc.communicate()
    for text in (out, err[-2000:]):
        text = text.decode(errors="replace").strip()
        if text:
            print(text, flush=True)
    print(f"exit {proc.returncode}, {time.time() - start:.1f} s, "
          f"last peak {last.get('VmHWM', 0)} MB, stored {stored(db)}")
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
