#!/usr/bin/env bash
# Starts the real window under Xvfb on a fresh built-in sandbox, waits until the group list is
# on screen, and saves a screenshot.
#   tests/screenshot.sh [OUT.png] [-- APP ARGS…]
# OUT defaults to target/screenshot.png. Environment:
#   SIZE=WxH              window size (default 1280x800; the window is resized with xdotool)
#   GROUPDESK_OPEN_GROUP  group to open (default community); GROUPDESK_OPEN_TAB=members
#   LANG                  e.g. zh_CN.UTF-8 for the Chinese console
# App arguments replace the environment's deep link, e.g. `-- open community --tab members`.
# Needs: xvfb, imagemagick (import), xdotool, libgl1-mesa-dri.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/screenshot.png}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
bin="${GROUPDESK_BIN:-target/debug/groupdesk}"
size="${SIZE:-1280x800}"
w="${size%x*}"; h="${size#*x}"
command -v Xvfb >/dev/null || { echo "screenshot: Xvfb is not installed" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshot: imagemagick (import) is not installed" >&2; exit 1; }
[ -x "$bin" ] || cargo build --quiet
display=":$(( 90 + RANDOM % 9 ))"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
# A clean home: no saved connection, so the app starts its built-in sandbox with demo data.
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" DISPLAY="$display"
export LIBGL_ALWAYS_SOFTWARE=1 GROUPDESK_LOG="${GROUPDESK_LOG:-info}"
unset WAYLAND_DISPLAY
if [ $# -eq 0 ]; then export GROUPDESK_OPEN_GROUP="${GROUPDESK_OPEN_GROUP:-community}"; fi
"$bin" "$@" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
  if grep -q "Built-in sandbox running" "$work/app.log" 2>/dev/null; then break; fi
  kill -0 $app 2>/dev/null || { cat "$work/app.log" >&2; echo "screenshot: the app exited" >&2; exit 1; }
  sleep 0.5
done
grep -q "Built-in sandbox running" "$work/app.log" || { cat "$work/app.log" >&2; echo "screenshot: no sandbox" >&2; exit 1; }
if command -v xdotool >/dev/null; then
  for _ in $(seq 1 20); do
    win="$(xdotool search --name '^groupdesk$' 2>/dev/null | head -1 || true)"
    [ -n "$win" ] && break
    sleep 0.25
  done
  [ -n "${win:-}" ] && xdotool windowmove "$win" 0 0 windowsize "$win" "$w" "$h" || true
fi
sleep "${SETTLE:-4}"  # the group list loads, the group opens, and everything paints
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "screenshot: saved $out"
