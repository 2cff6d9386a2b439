#!/usr/bin/env bash
# Regenerate the seed case's diagrams in graphs/: the DOT (which the tests compare with
# what prov builds now, so a stale diagram fails CI), the SVG, and the README's PNG.
# Run from anywhere after the quick start: bash graphs/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
prov=.venv/bin/prov
export PROV_CASE=seeds/treasuries-2025
for term in norinchukin japan-sold gasparino kato hakimian; do
  "$prov" render "$term" --format dot -o "graphs/$term.dot"
  "$prov" render "$term" -o "graphs/$term.svg"
done
"$prov" render --all --format dot -o graphs/all.dot
"$prov" render --all -o graphs/all.svg
if command -v chromium >/dev/null; then
  .venv/bin/python -m tests.browser graphs/norinchukin.svg graphs/norinchukin.png
fi
