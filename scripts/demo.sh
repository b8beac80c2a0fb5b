#!/usr/bin/env bash
# Install factcheck and run it on the demo corpus in seeds/; regenerates reports/seeds.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/factcheck check seeds/ --as-of 2024-12-01 || true
.venv/bin/factcheck extract seeds/ --as-of 2024-12-01 --format table
.venv/bin/factcheck report seeds/ -o reports/seeds.html --as-of 2024-12-01
