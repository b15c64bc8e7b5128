#!/usr/bin/env bash
# Demo data of the practical guide, through the gateway like any client. The β itself
# (beta-2025-05: the four Steps, glossary, exams, offers and the 34 resources) is imported by the
# service at start-up from its content files; this script checks that the gateway serves it in
# Japanese and English, and leaves one editor's draft next to it so the editing workflow can be
# tried. It also leaves a demo company's organisation with two diagnoses (Step 2, then Step 3 after
# a plan whose first action is done), for the self-diagnosis screens. Idempotent: the draft is
# created once and edited once, the organisation and its diagnoses once.
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
# --- A demo organisation with its PDCA cycle (issue 14) ---
company=$(RISS_TOKEN_TTL=600 "$here/../token" company demo-company-yamada)
orgs=$(curl -sS --max-time 20 -f "$api/organisations" -H "Authorization: Bearer $company") \
  || die "listing the demo company's organisations failed"
if [ "$(jq '.items | length' <<<"$orgs")" = 0 ]; then
  org=$(curl -sS --max-time 20 -f -X POST "$api/organisations" -H "Authorization: Bearer $company" \
    -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-org-yamada' \
    -d '{"name":"山田精機株式会社（デモ）","prefecture":"13","jsicDivision":"E","employeeBand":"21-50",
         "securityStaff":{"concurrent":2,"dedicated":0},"statisticsConsent":true}' | jq -r .id) \
    || die "creating the demo organisation failed"
  items=$(curl -sS --max-time 20 -f "$api/instruments/sme-self-check/versions/2025-1" | jq -c '[.items[].id]')
  answers() { # <json object of exceptions>: every item yes, then the exceptions
    jq -nc --argjson ids "$items" --argjson except "$1" \
      '{instrument:"sme-self-check", instrumentVersion:"2025-1",
        facts:["usesWireless","remoteWork","outsources"],
        answers:(reduce $ids[] as $i ({}; .[$i] = "yes") + $except)}'
  }
  first=$(curl -sS --max-time 20 -f -X POST "$api/organisations/$org/diagnoses" \
    -H "Authorization: Bearer $company" -H 'Content-Type: application/json' \
    -d "$(answers '{"o01":"no","o02":"partly","e08":"unknown"}')" | jq -r .id) \
    || die "the first demo diagnosis failed"
  plan=$(curl -sS --max-time 20 -f -X POST "$api/organisations/$org/action-plans" \
    -H "Authorization: Bearer $company" -H 'Content-Type: application/json' \
    -d "{\"diagnosisId\":\"$first\",\"gaps\":[\"basic-policy\",\"self-assessment\",\"backup\"],
         \"actions\":[{\"description\":\"基本方針を作り、全社と取引先に伝える\",\"gapCode\":\"basic-policy\",\"owner\":\"総務部長\",\"dueOn\":\"$(date -u +%Y-%m-%d)\"},
                     {\"description\":\"バックアップから戻せるか確かめる\",\"gapCode\":\"backup\",\"owner\":\"情報システム担当\",\"dueOn\":\"2099-03-31\"}]}") \
    || die "the demo action plan failed"
  curl -sS --max-time 20 -f -X POST "$api/action-plans/$(jq -r .id <<<"$plan")/actions/$(jq -r '.actions[0].id' <<<"$plan")/done" \
    -H "Authorization: Bearer $company" -H 'Content-Type: application/json' -d '{}' >/dev/null \
    || die "marking the demo action done failed"
  curl -sS --max-time 20 -f -X POST "$api/organisations/$org/diagnoses" \
    -H "Authorization: Bearer $company" -H 'Content-Type: application/json' \
    -d "$(answers '{"e08":"partly"}')" >/dev/null || die "the second demo diagnosis failed"
else
  org=$(jq -r '.items[0].id' <<<"$orgs")
fi
steps=$(curl -sS --max-time 20 -f "$api/organisations/$org/history" -H "Authorization: Bearer $company" \
  | jq -r '[.steps[].placedStep | tostring] | join(" -> ")')
echo "guide: demo-company-yamada's organisation $org, Steps $steps"
echo "guide: beta-2025-05 served (Step 2: $ja / $en); editors' draft $draft ready"
