#!/usr/bin/env bash
# Demo data of the practical guide, through the gateway like any client. The β itself
# (beta-2025-05: the four Steps, glossary, exams, offers and the 34 resources) is imported by the
# service at start-up from its content files; this script checks that the gateway serves it in
# Japanese and English, and leaves one editor's draft next to it so the editing workflow can be
# tried. Idempotent: the draft is created once and edited once.
#
#   deploy/local/demo/guide.sh        (deploy/local/up runs it with its demo data)
#
# Needs the stack up, curl and jq. Never starts a link check (that would call the internet).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
gateway="${RISS_GATEWAY:-http://127.0.0.1:8080}"
api="$gateway/api/v1/guide"
draft=beta-2025-05-demo

die() { echo "ERROR: $*" >&2; exit 1; }
admin=$(RISS_TOKEN_TTL=600 "$here/../token" ipa-admin demo-ipa-admin)

current=$(curl -sS --max-time 20 "$api/versions/current" | jq -r .code)
[ "$current" = beta-2025-05 ] || [ "$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' "$api/versions/beta-2025-05")" = 200 ] \
  || die "the guide does not serve the β (current: $current)"
ja=$(curl -sS --max-time 20 "$api/versions/beta-2025-05/steps/2" | jq -r .name)
en=$(curl -sS --max-time 20 -H 'Accept-Language: en' "$api/versions/beta-2025-05/steps/2" | jq -r .name)
[ "$ja" = 組織的な取組 ] && [ "$en" = "Organised effort" ] || die "Step 2 reads '$ja' / '$en'"

code=$(curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$api/versions/$draft")
if [ "$code" = 404 ]; then
  curl -sS --max-time 20 -f -X POST "$api/versions" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: demo-$draft" \
    -d "{\"code\":\"$draft\",\"basedOn\":\"beta-2025-05\"}" >/dev/null || die "creating the demo draft failed"
  element="$api/versions/$draft/elements/term.security-monitoring"
  etag=$(curl -sS --max-time 20 -D - -o /dev/null -H "Authorization: Bearer $admin" "$element" \
    | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  curl -sS --max-time 20 -f -X PATCH "$element" -H "Authorization: Bearer $admin" -H "If-Match: $etag" \
    -H 'Content-Type: application/json' \
    -d '{"en":{"state":"reviewed","title":"Security monitoring","text":"Continuously watching network, device and system logs to spot signs of attacks or anomalies early and raise the alarm; done in-house or through a monitoring service."}}' \
    >/dev/null || die "editing the demo draft failed"
fi
echo "guide: beta-2025-05 served (Step 2: $ja / $en); editors' draft $draft ready"
