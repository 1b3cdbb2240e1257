#!/usr/bin/env bash
# Chromium interop of the protocol libraries (ICE-lite, DTLS-SRTP, SRTP/SRTCP, SDP): prints counters and getStats().
# Needs /usr/bin/chromium (apt-get install -y chromium). PREFER_CM=1 makes the server prefer AES_CM_128_HMAC_SHA1_80.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -o bin >/dev/null
log=$(mktemp)
dotnet bin/Convene.ProtoInterop.dll >"$log" 2>&1 & pid=$!
for _ in $(seq 60); do grep -q http:// "$log" && break; sleep 0.5; done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1)
timeout 60 chromium --headless=new --no-sandbox --disable-gpu --use-fake-device-for-media-stream \
  --use-fake-ui-for-media-stream --autoplay-policy=no-user-gesture-required --disable-background-networking \
  --allow-loopback-in-peer-connection --user-data-dir="$(mktemp -d)" "$url" >/dev/null 2>&1 & ch=$!
rc=0; wait $pid || rc=$?
kill $ch 2>/dev/null || true
cat "$log"
exit $rc
