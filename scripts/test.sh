#!/usr/bin/env bash
# Run the whole suite the way CI does: Chromium from Debian, a throwaway PostgreSQL cluster on a
# loopback port, then pytest. Safe to run again; the cluster is stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if ! [ -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Chromium (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/tmp/consentry-chromium.log 2>&1 \
      || echo "   could not install Chromium (see /tmp/consentry-chromium.log); browser tests will be skipped"
  else
    echo "== Chromium missing and not root: browser tests will be skipped"
  fi
fi

if [ -x scripts/postgres-test.sh ] && [ -z "${CONSENTRY_TEST_POSTGRES_URL:-}" ]; then
  echo "== starting a throwaway PostgreSQL cluster"
  if url=$(scripts/postgres-test.sh start); then
    export CONSENTRY_TEST_POSTGRES_URL="${url##*=}"
    trap 'scripts/postgres-test.sh stop >/dev/null 2>&1 || true' EXIT
  else
    echo "   PostgreSQL could not be started; PostgreSQL tests will be skipped"
  fi
fi

$BIN/pytest -q -p no:cacheprovider "$@"
status=$?
if [ $status -eq 5 ]; then
  echo "pytest collected no tests"; exit 1
fi
exit $status
