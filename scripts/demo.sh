#!/usr/bin/env bash
# Install factcheck and run it on the demo corpus in seeds/: the findings on the terminal, and the
# HTML discrepancy report regenerated in reports/seeds.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/factcheck report seeds/ -o reports/seeds.html --as-of 2024-12-01
.venv/bin/factcheck check seeds/ --as-of 2024-12-01 --fail-on never
echo "HTML report: reports/seeds.html"
