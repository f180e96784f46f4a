#!/usr/bin/env bash
# `make demo`'s last step: the task worker (report PDFs, lapses, reminders) beside the web server.
# Ctrl+C stops both: the trap ends the worker whenever this script exits, however it exits.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
ADDR=${DEMO_ADDR:-127.0.0.1:8000}
export DEBUG=${DEBUG:-1}

"$PY" manage.py morning || true  # today's lapses and reminders; the worker runs the next at 07:30
"$PY" manage.py db_worker --interval 1 &
worker=$!
stop_worker() {
  kill -TERM "$worker" 2>/dev/null || true
  wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT
trap 'exit 130' INT TERM

echo "正在启动：http://$ADDR （后台任务进程 $worker 同时运行；Ctrl+C 两者一起退出）"
"$PY" manage.py runserver "$ADDR"
