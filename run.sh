#!/usr/bin/env bash
# Runs Dagsorden on the embedded default: fills the SQLite file data/dagsorden.db with the demo data
# (the meetings in samples/, one account per role, a planned meeting and a submitted item; re-running
# never duplicates) and serves the web app. The demo accounts and their password are printed.
#   ./run.sh            demo data, list the meetings, then serve http://127.0.0.1:5080
#   ./run.sh --no-web   demo data and list only
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh

dotnet build src/Dagsorden.Cli/Dagsorden.Cli.csproj -c Release -v quiet -nologo
dotnet build src/Dagsorden.Web/Dagsorden.Web.csproj -c Release -v quiet -nologo
cli() { dotnet src/Dagsorden.Cli/bin/Release/net10.0/dagsorden.dll "$@"; }

cli demo samples
cli meetings

if [ "${1:-}" = "--no-web" ]; then exit 0; fi
url="${DAGSORDEN_URLS:-http://127.0.0.1:5080}"
echo "Serving $url (Ctrl+C stops)"
exec dotnet run --no-build -c Release --project src/Dagsorden.Web --urls "$url"
