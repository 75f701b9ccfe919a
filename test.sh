#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine that has the .NET SDK:
# installs PostgreSQL, Chromium and LibreOffice from Debian's packages if needed, starts a
# throwaway PostgreSQL server on loopback, and runs every test against SQLite and that server.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh --tests
connection="$(scripts/pg-test-server.sh start)"
trap 'scripts/pg-test-server.sh stop >/dev/null 2>&1 || true' EXIT
export DAGSORDEN_TEST_POSTGRES="$connection"

dotnet restore Dagsorden.sln
dotnet build Dagsorden.sln --no-restore -c Release
rm -rf TestResults
status=0
# A test that hangs fails the run after 10 minutes, naming itself, instead of holding CI to its limit.
dotnet test Dagsorden.sln --no-build -c Release --results-directory TestResults --logger "trx;LogFileName=tests.trx" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?

# One plain closing line, whatever the runner printed above.
if [ -f TestResults/tests.trx ]; then
  counters=$(grep -o '<Counters [^>]*>' TestResults/tests.trx | head -n 1)
  passed=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
  failed=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
  echo "$passed passed, $failed failed"
fi
exit $status
