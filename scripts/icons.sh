#!/usr/bin/env bash
# Renders the app icons for the web app manifest from public/icon.svg:
#   public/icons/icon-192.png, icon-512.png   (purpose "any": rounded background)
#   public/icons/icon-maskable-512.png        (purpose "maskable": full-bleed background)
# Needs rsvg-convert (Debian package librsvg2-bin); installs it when missing.
# The PNGs are committed; rerun this after changing public/icon.svg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v rsvg-convert >/dev/null 2>&1; then
  echo "icons.sh: installing librsvg2-bin (rsvg-convert)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq librsvg2-bin >/dev/null
fi

src=public/icon.svg
out=public/icons
mkdir -p "$out"

if ! grep -q '<rect id="bg" .*rx="96"' "$src"; then
  echo "icons.sh: $src must have <rect id=\"bg\" ... rx=\"96\"> on one line" >&2
  exit 1
fi
tmp="$(mktemp --suffix=.svg)"
trap 'rm -f "$tmp"' EXIT
# Maskable: the launcher applies its own mask, so the background must fill the square.
sed '/<rect id="bg" /s/rx="96"/rx="0"/' "$src" >"$tmp"

rsvg-convert --width 192 --height 192 --format png --output "$out/icon-192.png" "$src"
rsvg-convert --width 512 --height 512 --format png --output "$out/icon-512.png" "$src"
rsvg-convert --width 512 --height 512 --format png --output "$out/icon-maskable-512.png" "$tmp"

for f in "$out"/icon-192.png "$out"/icon-512.png "$out"/icon-maskable-512.png; do
  echo "icons.sh: wrote $f ($(wc -c <"$f") bytes)"
done
