#!/usr/bin/env bash
# Starts the local PostgreSQL cluster if it is installed but not running, then checks it answers.
# Used by .ci/run; harmless when the server already runs or DATABASE_URL points elsewhere.
set -euo pipefail
url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
if pg_isready -d "$url" -q 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
for _ in $(seq 1 30); do
  if pg_isready -d "$url" -q 2>/dev/null; then exit 0; fi
  sleep 1
done
echo "PostgreSQL is not reachable at $url: the PostgreSQL tests cannot run" >&2
exit 1
