#!/usr/bin/env bash
# Install factcheck into .venv (idempotent).
#   scripts/install.sh          the tool and its readers of web pages, PDF and Word files (what the demo needs)
#   scripts/install.sh --test   plus the test tools, the Dask extra, and Debian's chromium for the
#                               HTML report's browser test (installed with apt-get when missing and we
#                               are root, as on CI)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ "${1:-}" != "--test" ]; then
    .venv/bin/python -m pip install -q -e '.[readers]'
    exit 0
fi
.venv/bin/python -m pip install -q -e '.[test,dask,readers]'
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } \
        >/dev/null 2>&1 || echo "install.sh: could not install chromium" >&2
fi
if [ -n "${CI:-}" ] && [ ! -x /usr/bin/chromium ]; then
    echo "install.sh: CI needs /usr/bin/chromium for the browser test, and it could not be installed" >&2
    exit 1
fi
