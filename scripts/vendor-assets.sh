#!/usr/bin/env bash
# Refresh fazhi/static/vendor from the npm registry (versions pinned in package.json).
# The copied files are committed, so neither a fresh machine nor production needs npm.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp package.json "$tmp/"
(cd "$tmp" && npm install --silent --no-audit --no-fund)
v=fazhi/static/vendor
mkdir -p $v/bootstrap $v/htmx $v/echarts
cp "$tmp/node_modules/bootstrap/dist/css/bootstrap.min.css" $v/bootstrap/
cp "$tmp/node_modules/bootstrap/dist/js/bootstrap.bundle.min.js" $v/bootstrap/
cp "$tmp/node_modules/bootstrap/LICENSE" $v/bootstrap/LICENSE
cp "$tmp/node_modules/htmx.org/dist/htmx.min.js" $v/htmx/
cp "$tmp/node_modules/htmx.org/LICENSE" $v/htmx/LICENSE
cp "$tmp/node_modules/echarts/dist/echarts.min.js" $v/echarts/
cp "$tmp/node_modules/echarts/LICENSE" $v/echarts/LICENSE
rm -rf "$tmp"
echo "vendored: bootstrap htmx echarts -> $v"
