#!/usr/bin/env bash
# Runs the Convene server with embedded defaults: http://localhost:6080, SQLite and files under ./data.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prereqs.sh
need_dotnet_and_node
need_packages ffmpeg:ffmpeg
exec dotnet run --project src/Convene.Server -c Release -- "$@"
