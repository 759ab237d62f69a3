#!/usr/bin/env bash
# Make .venv-bench for the peer apps (Dash, Streamlit) from bench/requirements.txt.
# Idempotent: reinstalls only when requirements.txt changed (its hash is kept in a stamp).
set -euo pipefail

cd "$(dirname "$0")/.."
VENV=.venv-bench
REQS=bench/requirements.txt
STAMP=$VENV/.requirements.sha256

# A Python >= 3.12: from PATH, or else pyenv's installed versions (its shims may refuse
# python3.12 while another version is global, so the check runs each candidate).
find_python() {
  local c
  for c in python3.13 python3.12 \
      $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[23]*/bin/python 2>/dev/null | sort -rV); do
    if command -v "$c" >/dev/null 2>&1 \
        && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
      command -v "$c"
      return 0
    fi
  done
  return 1
}

want=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ -x "$VENV/bin/python" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$want" ]; then
  exit 0
fi

if ! [ -x "$VENV/bin/python" ] \
    || ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
  py=$(find_python) || { echo "setup_peers: needs Python 3.12 or 3.13 (PATH or pyenv)" >&2; exit 1; }
  rm -rf "$VENV"
  "$py" -m venv "$VENV"
fi

# pip's log goes to a file and is shown only when the install fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "$VENV/bin/python" -m pip install --quiet --upgrade pip \
    && "$VENV/bin/python" -m pip install --quiet -r "$REQS"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup_peers: pip install failed" >&2
  exit 1
fi
echo "$want" >"$STAMP"
echo "setup_peers: $VENV ready ($("$VENV/bin/python" --version))"
