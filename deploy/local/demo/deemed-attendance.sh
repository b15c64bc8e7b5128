#!/usr/bin/env bash
# Demo data of the deemed-attendance service, through the gateway like any client. Idempotent:
# cycles and completions are imports keyed by their natural keys, and a specialist who already has
# an application is left as they are, so a second run changes nothing.
#
#   deploy/local/demo/deemed-attendance.sh        (deploy/local/up runs it with its demo data)
#
# Needs the stack up with the dev mailbox on (deploy/local/up sets it), curl and jq.
# Creates, for the Active List's demo specialists 900001-900005 (cycle from 2025-04-01):
#   900001 sato       a DRAFT application (one entry, not yet attested)
#   900002 suzuki     a SUBMITTED application (in IPA's review queue)
#   900003 takahashi  an APPROVED application
#   900004 tanaka     an application IPA sent back (MORE_INFORMATION_REQUESTED)
#   900005 watanabe   an APPROVED application, then a sample-audit draw over today's approvals
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
token_cmd="$here/../token"
gateway="${RISS_GATEWAY:-http://127.0.0.1:8080}"
api="$gateway/api/v1/deemed-attendance"
cycle_start=2025-04-01

die() { echo "ERROR: $*" >&2; exit 1; }
token() { RISS_TOKEN_TTL=600 "$token_cmd" "$@"; }
admin=$(token ipa-admin demo-ipa-admin)
reviewer=$(token ipa-reviewer demo-ipa-reviewer)

# call <expected codes, e.g. 200|201> <method> <url> <token> [json] [extra curl args...]
# Prints the body; dies on any other status.
call() {
  local expected="$1" method="$2" url="$3" bearer="$4" body="${5:-}"; shift 5 || shift $#
  local args=(-sS --max-time 20 -w '\n%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $bearer")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local response code json
  response=$(curl "${args[@]}" "$@")
  code=${response##*$'\n'}
  json=${response%$'\n'*}
  [[ "|$expected|" == *"|$code|"* ]] || die "$method $url answered HTTP $code: $json"
  printf '%s' "$json"
}
etag() { # <url> <token>
  curl -sS --max-time 20 -D - -o /dev/null "$1" -H "Authorization: Bearer $2" \
    | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p'
}

# registrationNumber|subject|target state
demo=(
  '900001|demo-specialist-sato|DRAFT'
  '900002|demo-specialist-suzuki|SUBMITTED'
  '900003|demo-specialist-takahashi|APPROVED'
  '900004|demo-specialist-tanaka|MORE_INFORMATION_REQUESTED'
  '900005|demo-specialist-watanabe|AUDITED'
)

records=$(for row in "${demo[@]}"; do
  IFS='|' read -r regno subject _ <<<"$row"
  jq -nc --arg r "$regno" --arg s "$subject" --arg c "$cycle_start" \
    '{registrationNumber: $r, specialistSubject: $s, cycleStart: $c}'
done | jq -sc '{records: .}')
report=$(call 200 POST "$api/imports/cycles" "$admin" "$records")
echo "    cycles: $(jq -c '{created, unchanged, rejected}' <<<"$report")"
completions=$(for row in "${demo[@]}"; do
  IFS='|' read -r regno _ _ <<<"$row"
  jq -nc --arg r "$regno" --arg c "$cycle_start" \
    '{registrationNumber: $r, cycleStart: $c, requirementKind: "online-course",
      courseName: "オンライン講習（2025年度）", completedOn: "2025-06-15"}'
done | jq -sc '{records: .}')
report=$(call 200 POST "$api/imports/course-completions" "$admin" "$completions")
echo "    completions: $(jq -c '{created, unchanged, rejected}' <<<"$report")"

entry() { # <regno> <certifier e-mail> <relation>
  jq -nc --arg r "$1" --arg e "$2" --arg rel "$3" '{
    syllabusItems: ["1-2", "1-3"],
    title: "取引先製造業における情報資産の洗い出しとリスク対応計画の策定支援",
    description: ("取引先の製造業の企業において、情報システム部門の依頼を受け、工場と本社の情報資産を部門ごとに洗い出した。"
      + "洗い出した資産ごとに想定される脅威と現在の対策を担当者と一緒に確認し、対策が不足している箇所を優先度を付けて整理した。"
      + "整理の結果を基に、来期に実施する対策と担当部門、完了の目安を定めた計画書を作成し、経営層への説明に同席して補足した。"
      + "その結果、計画は承認されて予算が付き、最も優先度の高い三件の対策は四半期のうちに完了した。（デモデータ 登録番号 " + $r + "）"),
    periodFrom: "2025-06-01", periodTo: "2025-09-30",
    organisationName: "株式会社デモ製作所", corporateNumber: "7000012050002",
    applicantRole: "情報セキュリティ担当の外部支援者",
    certifierName: "デモ 花子", certifierTitle: "情報システム部長",
    certifierEmail: $e, certifierRelation: $rel}'
}

attest() { # <specialist token> <application id> <entry id> <certifier e-mail>
  call 202 POST "$api/applications/$2/entries/$3/attestation-requests" "$1" >/dev/null
  local body link
  body=$(call 200 GET "$api/dev/mailbox?to=$(jq -rn --arg e "$4" '$e|@uri')" "$admin")
  link=$(jq -r '.items[0].body' <<<"$body" | grep -o '#token=[A-Za-z0-9_-]\{43\}' | head -1)
  [ -n "$link" ] || die "no attestation link in the dev mailbox for $4 (is the dev mailbox enabled?)"
  curl -sS --max-time 20 -o /dev/null -w '%{http_code}' -X POST "$api/attestations/current" \
    -H "X-Attestation-Token: ${link#\#token=}" -H 'Content-Type: application/json' \
    --data '{"decision":"CONFIRMED"}' | grep -q '^200$' || die "attestation of $3 failed"
}

submit() { # <specialist token> <application id>
  call 200 POST "$api/applications/$2/submission" "$1" '{"declarationVersion":"2026-1"}' \
    -H "If-Match: $(etag "$api/applications/$2" "$1")" >/dev/null
}

decide() { # <application id> <json>
  call 201 POST "$api/review/applications/$1/decisions" "$reviewer" "$2" \
    -H "If-Match: $(etag "$api/review/applications/$1" "$reviewer")" >/dev/null
}

drawn=false
for row in "${demo[@]}"; do
  IFS='|' read -r regno subject target <<<"$row"
  specialist=$(token specialist "$subject")
  existing=$(call 200 GET "$api/me/applications?limit=1" "$specialist" | jq -r '.items[0] | select(.) | "\(.id) \(.status)"')
  if [ -n "$existing" ]; then
    printf '    %s %s (existing)\n' "$regno" "$existing"
    continue
  fi
  id=$(call 201 POST "$api/applications" "$specialist" '{"requirementKind":"practical-course"}' \
    -H "Idempotency-Key: demo-application-$regno" | jq -r .id)
  relation=EMPLOYER; [ "$regno" = 900005 ] && relation=CLIENT
  email="demo-certifier-$regno@example.jp"
  entry_id=$(call 201 POST "$api/applications/$id/entries" "$specialist" "$(entry "$regno" "$email" "$relation")" \
    -H "Idempotency-Key: demo-entry-$regno" | jq -r .id)
  if [ "$target" != DRAFT ]; then
    attest "$specialist" "$id" "$entry_id" "$email"
    submit "$specialist" "$id"
  fi
  case "$target" in
    APPROVED|AUDITED) decide "$id" '{"decision":"APPROVED","comment":"デモ: 要件を満たす"}' ;;
    MORE_INFORMATION_REQUESTED)
      decide "$id" '{"decision":"MORE_INFORMATION_REQUESTED","message":"デモ: 成果を数値で補足してください"}' ;;
  esac
  [ "$target" = AUDITED ] && drawn=true
  printf '    %s %s %s (created)\n' "$regno" "$id" "$target"
done

# Only in the run that approved watanabe's application, so a second run draws nothing new.
if [ "$drawn" = true ]; then
  today=$(TZ=Asia/Tokyo date +%F)
  draw=$(call 201 POST "$api/audits/draws" "$admin" \
    "$(jq -nc --arg d "$today" '{periodFrom: $d, periodTo: $d}')" -H "Idempotency-Key: demo-draw-$today")
  echo "    audit draw $(jq -r .id <<<"$draw"): seed $(jq -r .seed <<<"$draw"), $(jq '[.strata[].populationSize] | add' <<<"$draw") approved, $(jq '.audits | length' <<<"$draw") drawn"
fi
