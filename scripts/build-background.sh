#!/usr/bin/env bash
# Builds crates/compare/data/sentence_df.txt (sentence frequency of content-word stems,
# used to weigh the words two reports share; see crates/compare/src/background.rs) from
# PolNeAR train and the openly licensed UD English EWT, GUM and PUD texts in ../shared.
# Deterministic: the same inputs give a byte-identical file.
# Usage: scripts/build-background.sh [SHARED_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$root/../shared}"
cd "$root"
cargo build --release -p rashomon-compare --bin build-background
./target/release/build-background crates/compare/data/sentence_df.txt \
  "$shared/eval/polnear/train/text" \
  "$shared/train/ner/uner-en-ewt/en_ewt-ud-train.iob2" \
  "$shared/train/ner/gum/train.iob2" \
  "$shared/train/ner/uner-en-pud/en_pud-ud-test.iob2"
