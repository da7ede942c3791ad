#!/usr/bin/env bash
# Trains the attribution cue tagger (averaged perceptron, 8 epochs) on PolNeAR train
# and writes crates/attrib/model/cue.bin (loaded with include_bytes!, committed).
# Deterministic: same data gives a byte-identical model.
# Usage: scripts/train-attrib.sh [POLNEAR_TRAIN_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
train="${1:-$root/../shared/eval/polnear/train}"
cd "$root"
cargo build --release -p rashomon-attrib --bin attrib-train
./target/release/attrib-train "$train" crates/attrib/model/cue.bin 8 1.0
# Rebuild so the binaries embed the new weights, then score on dev.
cargo build --release -p rashomon-attrib --bin attrib-eval
dev="$(dirname "$train")/dev"
if [ -d "$dev" ]; then ./target/release/attrib-eval "$dev"; fi
