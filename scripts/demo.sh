#!/usr/bin/env bash
# Install factcheck and run it on the demo corpus in seeds/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/factcheck check seeds/ --as-of 2024-12-01 || true
.venv/bin/factcheck extract seeds/ --as-of 2024-12-01 --format table
