#!/usr/bin/env bash
# Starts the real window under Xvfb on a fresh built-in sandbox, waits until the group list is
# on screen, and saves a screenshot. Usage: tests/screenshot.sh [OUT.png] (default
# target/screenshot.png). Needs: xvfb, imagemagick (import), libgl1-mesa-dri.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/screenshot.png}"
bin="${GROUPDESK_BIN:-target/debug/groupdesk}"
command -v Xvfb >/dev/null || { echo "screenshot: Xvfb is not installed" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshot: imagemagick (import) is not installed" >&2; exit 1; }
[ -x "$bin" ] || cargo build --quiet
display=":$(( 90 + RANDOM % 9 ))"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1360x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
# A clean home: no saved connection, so the app starts its built-in sandbox with demo data.
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" DISPLAY="$display"
export LIBGL_ALWAYS_SOFTWARE=1 GROUPDESK_LOG=info GROUPDESK_OPEN_GROUP="${GROUPDESK_OPEN_GROUP:-community}"
"$bin" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  if grep -q "Built-in sandbox running" "$work/app.log" 2>/dev/null; then break; fi
  kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; echo "screenshot: the app exited" >&2; exit 1; }
  sleep 0.5
done
grep -q "Built-in sandbox running" "$work/app.log" || { cat "$work/app.log" >&2; echo "screenshot: no sandbox" >&2; exit 1; }
sleep 3  # the group list loads and paints
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: saved $out"
