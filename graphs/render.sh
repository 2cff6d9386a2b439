#!/usr/bin/env bash
# Regenerate the seed case's diagrams and example report in graphs/: the DOT (which the
# tests compare with what prov builds now, so a stale diagram fails CI), the report-size
# SVG, the example report page, and the README's PNG (when chromium is installed).
# Run from anywhere after the quick start: bash graphs/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
prov=.venv/bin/prov
export PROV_CASE=seeds/treasuries-2025
export SOURCE_DATE_EPOCH=1795219200 # 2026-11-21, the seed case's review date
for term in norinchukin japan-sold gasparino kato hakimian; do
  "$prov" render "$term" --format dot -o "graphs/$term.dot"
  "$prov" render "$term" -o "graphs/$term.svg"
done
"$prov" render --all --format dot -o graphs/all.dot
"$prov" render --all -o graphs/all.svg
"$prov" report norinchukin --url https://example.org/fact-checks/norinchukin \
  -o graphs/norinchukin-report.html
if command -v chromium >/dev/null; then
  .venv/bin/python -m tests.browser graphs/norinchukin.svg graphs/norinchukin.png
fi
