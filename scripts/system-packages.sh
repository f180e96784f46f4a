#!/usr/bin/env bash
# The Debian packages fazhi needs beyond Python: LibreOffice (report PDF), the 公文 substitute fonts,
# Chromium (browser tests), poppler (PDF text in tests), fontconfig. Used by `make demo`,
# `make test` and `.ci/run`, so CI runs the path a newcomer runs.
#
# Installs the missing ones when run as root (apt-get update first); otherwise prints one line
# with the exact command and exits 1. Installs nothing when all are present.
set -euo pipefail

PACKAGES=(libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-gkai00mp fonts-arphic-gbsn00lp fonts-wqy-zenhei chromium poppler-utils fontconfig)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "缺少系统软件包：${missing[*]}；本机没有 apt-get，请用本机的包管理器安装它们后重试" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "缺少系统软件包，请先运行：sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "安装系统软件包：${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
