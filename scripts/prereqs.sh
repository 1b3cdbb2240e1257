# Sourced by run.sh and test.sh: makes sure the Debian packages a command needs are present.
# As root it installs them (apt-get, Debian's own registry only); otherwise it stops with one line saying what to run.

# need_packages CMD:PKG ...  e.g. need_packages chromium:chromium ffprobe:ffmpeg
need_packages() {
  local missing=()
  local pair cmd pkg
  for pair in "$@"; do
    cmd=${pair%%:*}; pkg=${pair##*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

need_dotnet_and_node() {
  command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2; exit 1; }
  command -v npm >/dev/null 2>&1 || { echo "Node.js 20 with npm is required (Debian: apt-get install nodejs npm)" >&2; exit 1; }
}
