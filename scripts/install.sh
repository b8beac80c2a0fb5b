#!/usr/bin/env bash
# Install factcheck and its test tools into .venv (idempotent). System packages: see below.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test,dask]'
# The HTML report's browser test drives Debian's chromium (never a downloaded browser). Installed when
# missing and we are root (as on CI); elsewhere the test skips with a reason.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } \
        >/dev/null 2>&1 || echo "install.sh: could not install chromium; the browser test will be skipped" >&2
fi
