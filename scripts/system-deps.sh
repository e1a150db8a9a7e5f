#!/usr/bin/env bash
# System packages FaceTort needs beyond Python: a CJK font for PDF exports, Chromium and its
# driver for the end-to-end browser test, poppler-utils to check PDF text in tests.
# Installs what is missing when run as root with apt-get; otherwise says what to install.
set -u
pkgs=(fonts-wqy-microhei chromium chromium-driver poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Please install these system packages (e.g. sudo apt-get install ${missing[*]}): ${missing[*]}" >&2
  exit 1
fi
