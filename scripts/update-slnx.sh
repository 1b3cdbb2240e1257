#!/usr/bin/env bash
# Regenerates Convene.slnx from the projects on disk (src/, tests/, bench/), so parallel branches never conflict on it.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '<Solution>'
  for dir in src tests bench; do
    projects=$(find "$dir" -mindepth 2 -maxdepth 2 -name '*.csproj' 2>/dev/null | sort)
    [ -z "$projects" ] && continue
    echo "  <Folder Name=\"/$dir/\">"
    for p in $projects; do echo "    <Project Path=\"$p\" />"; done
    echo '  </Folder>'
  done
  echo '</Solution>'
} > Convene.slnx
