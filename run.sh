#!/usr/bin/env bash
# Runs Dagsorden on the embedded default: imports the demo meetings in samples/ into the SQLite file
# data/dagsorden.db (re-running updates them, it never duplicates) and serves the web app.
#   ./run.sh            import, list the meetings, then serve http://127.0.0.1:5080
#   ./run.sh --no-web   import and list only
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-prerequisites.sh

dotnet build src/Dagsorden.Cli/Dagsorden.Cli.csproj -c Release -v quiet -nologo
dotnet build src/Dagsorden.Web/Dagsorden.Web.csproj -c Release -v quiet -nologo
cli() { dotnet src/Dagsorden.Cli/bin/Release/net10.0/dagsorden.dll "$@"; }

cli import samples/*/*.txt
cli meetings

if [ "${1:-}" = "--no-web" ]; then exit 0; fi
url="${DAGSORDEN_URLS:-http://127.0.0.1:5080}"
echo "Serving $url (Ctrl+C stops)"
exec dotnet run --no-build -c Release --project src/Dagsorden.Web --urls "$url"
