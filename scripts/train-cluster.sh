#!/usr/bin/env bash
# Trains the learned pair scorer of rashomon-cluster (crates/cluster/src/pair_model.txt).
# 2-fold cross-validation by story halves first (train on one half, cluster the other),
# then the shipped model on the whole file. Usage: scripts/train-cluster.sh [FILE.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:-../shared/eval/allsides/train.jsonl}"
cargo build --release -p rashomon-cluster --bin cluster-train
BIN=target/release/cluster-train
echo "== fold 1: train first half, test second half"
"$BIN" "$FILE" --train first --test second 2>/dev/null
echo "== fold 2: train second half, test first half"
"$BIN" "$FILE" --train second --test first 2>/dev/null
echo "== shipped model: whole file"
"$BIN" "$FILE" --train all --out crates/cluster/src/pair_model.txt 2>/dev/null
