#!/usr/bin/env bash
# Demo data of the camp community, through the gateway like any client. Idempotent: completions
# are imported by row key, people already enrolled are left as they are, and the demo group and
# its posts are made only when the group does not exist yet, so a second run changes nothing.
#
#   deploy/local/demo/community.sh        (deploy/local/up runs it with its demo data)
#
# Needs the stack up with the dev mailbox on (deploy/local/up sets it), curl and jq.
# People (ages counted from today, so they stay these ages):
#   demo-alumni-sato     adult (national 2015, next 2017)   enrolled; own settings
#   demo-alumni-suzuki   16 (national 2025)                 enrolled; guardian granted membership
#                                                           and groups, not publication
#   demo-alumni-tanaka   14 (junior 2024)                   enrolled; guardian not asked yet
# A moderated programme-cohort group with sato and suzuki: posts, a post with a phone number held
# for review, sato's direct message to suzuki refused, a report -> case -> hide -> appeal.
# Events and surveys: an anonymous lecture survey, and a workshop named after it with a waitlist
# (see the block below).
# Part 2: sato's achievement, reviewed and published on the public showcase.
# Camp Connect: a pre-event call with published results, a main call, reviews, a reserve taking a
# declined place (see its block).
# Opportunities and government calls: see its block.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
token_cmd="$here/../token"
gateway="${RISS_GATEWAY:-http://127.0.0.1:8080}"
api="$gateway/api/v1/community"

die() { echo "ERROR: $*" >&2; exit 1; }
token() { RISS_TOKEN_TTL=600 "$token_cmd" "$@"; }
office=$(token camp-office demo-camp-office)
office2=$(token camp-office demo-camp-office-2)

# call <expected codes, e.g. 200|201> <method> <url> <token|-> [json] [extra curl args...]
call() {
  local expected="$1" method="$2" url="$3" bearer="$4" body="${5:-}"; shift 5 || shift $#
  local args=(-sS --max-time 30 -w '\n%{http_code}' -X "$method" "$url")
  [ "$bearer" != - ] && args+=(-H "Authorization: Bearer $bearer")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local response code json
  response=$(curl "${args[@]}" "$@")
  code=${response##*$'\n'}
  json=${response%$'\n'*}
  [[ "|$expected|" == *"|$code|"* ]] || die "$method $url answered HTTP $code: $json"
  printf '%s' "$json"
}
mail_to() { call 200 GET "$api/dev/mailbox?to=$(jq -rn --arg e "$1" '$e|@uri')" "$office" | jq -r '.items[0].body // empty'; }
born() { date -d "$(TZ=Asia/Tokyo date +%F) - $1 years - 100 days" +%F; }

# name|age|programme rows (programme:fiscalYear ...)
people=(
  "sato|35|national:2015 next:2017"
  "suzuki|16|national:2025"
  "tanaka|14|junior:2024"
)
rows=$(for p in "${people[@]}"; do
  IFS='|' read -r name age completions <<<"$p"
  dob=$(born "$age")
  for c in $completions; do
    jq -nc --arg n "$name" --arg d "$dob" --arg p "${c%%:*}" --argjson y "${c##*:}" --argjson a "$age" '{
      rowKey: ("demo-" + $n + "-" + $p), personRef: ("demo-" + $n), fullName: ("デモ " + $n),
      email: ("demo-alumni-" + $n + "@example.jp"), dateOfBirth: $d, programme: $p,
      fiscalYear: $y, verified: true}
      + (if $a < 18 then {guardianEmail: ("demo-guardian-" + $n + "@example.jp")} else {} end)'
  done
done | jq -sc '{rows: .}')
report=$(call 200 POST "$api/completion-imports" "$office" "$rows")
echo "    completions: $(jq -c '{created, unchanged, codesSent}' <<<"$report")"

declare -A member_id
for p in "${people[@]}"; do
  IFS='|' read -r name _ _ <<<"$p"
  t=$(token alumni "demo-alumni-$name")
  me=$(curl -sS --max-time 30 -H "Authorization: Bearer $t" "$api/alumni/me")
  id=$(jq -r '.memberId // empty' <<<"$me")
  if [ -z "$id" ]; then
    code=$(mail_to "demo-alumni-$name@example.jp" | grep -oE '[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}' | head -1)
    [ -n "$code" ] || die "no enrolment code for $name in the dev mailbox (is it enabled?)"
    id=$(call 200 POST "$api/alumni/me/enrolment" "$t" "$(jq -nc --arg c "$code" '{code: $c}')" | jq -r .memberId)
    echo "    $name enrolled ($id)"
    if [ "$name" = suzuki ]; then
      link=$(mail_to "demo-guardian-suzuki@example.jp" | grep -oE '#token=[A-Za-z0-9_.-]+' | head -1)
      [ -n "$link" ] || die "no guardian link for suzuki"
      version=$(call 200 GET "$api/guardian/consent-request" - "" -H "X-Guardian-Token: ${link#\#token=}" | jq -r .textVersion)
      call 200 POST "$api/guardian/consents" - "$(jq -nc --arg v "$version" \
        '{textVersion: $v, decisions: {membership: "grant", groups: "grant", "profile-in-community": "grant", publication: "refuse"}}')" \
        -H "X-Guardian-Token: ${link#\#token=}" >/dev/null
      echo "    suzuki's guardian granted membership, groups, profile-in-community; refused publication"
    fi
    etag=$(curl -sS --max-time 30 -D - -o /dev/null -H "Authorization: Bearer $t" "$api/alumni/me" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
    case $name in
      sato) profile='{"displayName":"さとう","prefecture":"13","municipality":"千代田区","affiliationKind":"employed","interests":["マルウェア解析","インシデント対応"]}' ;;
      suzuki) profile='{"displayName":"すずき","prefecture":"27","affiliationKind":"student","interests":["CTF"]}' ;;
      *) profile='' ;;
    esac
    [ -z "$profile" ] || call 200 PUT "$api/alumni/me" "$t" "$profile" -H "If-Match: $etag" >/dev/null
  else
    echo "    $name (existing member $id)"
  fi
  member_id[$name]=$id
done

# ---- events and surveys (issue 12 §1, §3) -------------------------------------------------------
# Three more adults (ito, kato, yamada); an anonymous lecture survey they and sato answer (4
# respondents: every figure suppressed, under 5); a workshop whose topic came from it, in person
# for juniors and up (so with a safeguarding lead), 2 seats: sato and ito confirmed, kato and
# yamada waitlisted; ito cancels and kato is offered the seat for 48 hours.
workshop_title="マルウェア解析の基礎と応用（修了生ワークショップ・デモ）"
if call 200 GET "$api/events?limit=50" "$office" | jq -e --arg t "$workshop_title" '.items[] | select(.title == $t)' >/dev/null; then
  echo "    demo workshop exists"
else
  extra=$(for name in ito kato yamada; do
    jq -nc --arg n "$name" --arg d "$(born 28)" '{rowKey: ("demo-" + $n + "-national"), personRef: ("demo-" + $n),
      fullName: ("デモ " + $n), email: ("demo-alumni-" + $n + "@example.jp"), dateOfBirth: $d,
      programme: "national", fiscalYear: 2019, verified: true}'
  done | jq -sc '{rows: .}')
  call 200 POST "$api/completion-imports" "$office" "$extra" >/dev/null
  for name in ito kato yamada; do
    t=$(token alumni "demo-alumni-$name")
    if [ -z "$(curl -sS --max-time 30 -H "Authorization: Bearer $t" "$api/alumni/me" | jq -r '.memberId // empty')" ]; then
      code=$(mail_to "demo-alumni-$name@example.jp" | grep -oE '[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}' | head -1)
      [ -n "$code" ] || die "no enrolment code for $name"
      call 200 POST "$api/alumni/me/enrolment" "$t" "$(jq -nc --arg c "$code" '{code: $c}')" >/dev/null
    fi
  done
  now_jst() { TZ=Asia/Tokyo date -d "$1" +%Y-%m-%dT%H:%M:%S+09:00; }
  survey=$(call 201 POST "$api/surveys" "$office" "$(jq -nc --arg o "$(now_jst '-1 hour')" --arg c "$(now_jst '+14 days')" '{
    title: "2025年度 講義評価アンケート（デモ）", anonymous: true, opensAt: $o, closesAt: $c,
    audience: {minAgeBand: "junior"},
    questions: [
      {kind: "single-choice", text: "もう一度受けたい講義は？", options: ["マルウェア解析の基礎と応用", "プロダクト開発を攻撃者の視点で捉える"]},
      {kind: "scale", text: "講義全体の満足度"},
      {kind: "free-text", text: "ワークショップで扱ってほしいこと", required: false}]}')" | jq -r .id)
  for name in sato ito kato yamada; do
    call 201 POST "$api/surveys/$survey/responses" "$(token alumni "demo-alumni-$name")" \
      '{"answers":[{"question":1,"choices":[1]},{"question":2,"scale":5},{"question":3,"text":"実際の検体を使った演習"}]}' >/dev/null
  done
  echo "    survey $survey: 4 anonymous responses, results suppressed (under 5): $(call 200 GET "$api/surveys/$survey/results" "$office" | jq -c '{respondents, q1: .questions[0].options}')"
  starts=$(TZ=Asia/Tokyo date -d "+30 days" +%Y-%m-%dT13:00:00+09:00)
  ends=$(TZ=Asia/Tokyo date -d "+30 days" +%Y-%m-%dT17:00:00+09:00)
  closes=$(TZ=Asia/Tokyo date -d "+29 days" +%Y-%m-%dT12:00:00+09:00)
  created=$(curl -sS --max-time 30 -D - -o /tmp/riss-demo-event.$$ -X POST "$api/events" -H "Authorization: Bearer $office" \
    -H 'Content-Type: application/json' --data "$(jq -nc --arg t "$workshop_title" --arg s "$starts" --arg e "$ends" \
      --arg o "$(now_jst '-1 hour')" --arg c "$closes" --arg survey "$survey" '{kind: "workshop", title: $t,
      description: "講義評価アンケートで最も評価の高かった講義の再演", format: "in-person", prefecture: "13",
      venue: "文京グリーンコート", startsAt: $s, endsAt: $e, capacity: 2, waitlistLength: 10,
      registrationOpensAt: $o, registrationClosesAt: $c, audience: {minAgeBand: "junior"},
      safeguardingLead: "事務局 安全 花子", topicSurveyId: $survey}')" | tr -d '\r')
  event=$(jq -r .id /tmp/riss-demo-event.$$); rm -f /tmp/riss-demo-event.$$
  etag=$(sed -n 's/^[Ee][Tt][Aa][Gg]: //p' <<<"$created")
  [ -n "$event" ] && [ "$event" != null ] || die "creating the demo workshop failed"
  call 200 POST "$api/events/$event/opening" "$office" "" -H "If-Match: $etag" >/dev/null
  declare -A registration
  for name in sato ito kato yamada; do
    registration[$name]=$(call 201 POST "$api/events/$event/registrations" "$(token alumni "demo-alumni-$name")" '{}' | jq -r '"\(.id) \(.state)"')
    echo "    $name registers for the workshop: ${registration[$name]#* }"
  done
  call 200 DELETE "$api/event-registrations/${registration[ito]%% *}" "$(token alumni demo-alumni-ito)" >/dev/null
  echo "    ito cancels; the workshop now: $(call 200 GET "$api/events/$event" "$office" | jq -c .seats) (kato has the seat on offer for 48 h)"
fi

# Part 2: a published achievement on the public showcase (sato turns publication on in his own
# settings, writes it, consents to his name and completions being shown; the camp office reviews
# and publishes it). Skipped when the showcase already shows it.
achievement_title="修了生が開発したファジング基盤をOSSとして公開（デモ）"
if call 200 GET "$api/showcase?limit=100" - | jq -e --arg t "$achievement_title" '.items[] | select(.title == $t)' >/dev/null; then
  echo "    demo achievement already on the showcase"
else
  sato_t=$(token alumni demo-alumni-sato)
  call 200 PUT "$api/alumni/me/settings" "$sato_t" '{"scopes":["membership","profile-in-community","groups","events-online","events-in-person","surveys","government-calls","publication","connect-application"]}' >/dev/null
  item=$(call 201 POST "$api/achievements" "$sato_t" "$(jq -nc --arg t "$achievement_title" '{kind: "achievement",
    category: "new-technology", audience: "public", title: $t,
    body: "全国大会で学んだ脆弱性発見の手法をもとに、組込み機器向けのファジング基盤を開発し公開しました。"}')" | jq -r .id)
  call 200 PUT "$api/achievements/$item/consents/me" "$sato_t" '{"decision":"grant","fields":["display-name","programme-year"]}' >/dev/null
  call 200 POST "$api/achievements/$item/submission" "$sato_t" >/dev/null
  call 200 POST "$api/achievements/$item/review" "$office" '{"outcome":"accept"}' >/dev/null
  call 200 POST "$api/achievements/$item/publication" "$office" >/dev/null
  echo "    achievement $item published: $api/showcase"
fi

# ---- Camp Connect (issue 12 §5) ------------------------------------------------------------------
# This fiscal year's two Connect editions (pre-event 15 places, main event 50 — data, not code);
# the pre-event's call closed with its results published; the main call open for 60 days with one
# theme per axis and the pre-event's results on it; two reviewers and a sponsor. In the "space"
# theme (2 places) sato and ito are accepted after two reviews each, kato and yamada wait as
# reserves 3 and 4; ito declines, and kato, the first reserve, is offered the place and takes it.
# Skipped when the main call exists already.
connect_fy=$(TZ=Asia/Tokyo date +%Y); [ "$(TZ=Asia/Tokyo date +%-m)" -ge 4 ] || connect_fy=$((connect_fy - 1))
connect_edition() { # <stage> <capacity> -> edition id (made when missing)
  local id
  id=$(call 200 GET "$api/editions?programme=connect" - | jq -r --argjson y "$connect_fy" --arg s "$1" \
    '.items[] | select(.fiscalYear == $y and .stage == $s) | .id' | head -1)
  if [ -z "$id" ]; then
    id=$(call 201 POST "$api/editions" "$office" "$(jq -nc --argjson y "$connect_fy" --arg s "$1" --argjson c "$2" '{programme: "connect",
      fiscalYear: $y, stage: $s, startsOn: "\($y)-09-01", endsOn: "\($y)-09-05", format: "both", capacity: $c,
      eligibilityReferenceDate: "\($y)-04-01"}')" | jq -r .id)
  fi
  printf '%s' "$id"
}
connect_call_of() { call 200 GET "$api/connect-calls?limit=50" - | jq -r --arg e "$1" '.items[] | select(.editionId == $e) | .id' | head -1; }
connect_pre=$(connect_edition pre 15)
connect_main=$(connect_edition main 50)
if [ -n "$(connect_call_of "$connect_main")" ]; then
  echo "    demo Connect calls exist"
else
  connect_jst() { TZ=Asia/Tokyo date -d "$1" +%Y-%m-%dT%H:%M:%S+09:00; }
  connect_eligibility="一定水準のサイバーセキュリティに関する知見・技能を有し、特定の専門領域における高度な知見・技能を有する方（高等専門学校、大学の専門課程及び大学院の在籍者が中心）"
  pre_call=$(connect_call_of "$connect_pre")
  if [ -z "$pre_call" ]; then
    pre_call=$(call 201 POST "$api/connect-calls" "$office" "$(jq -nc --arg e "$connect_pre" --arg o "$(connect_jst '-90 days')" \
      --arg c "$(connect_jst '-60 days')" --arg el "$connect_eligibility" '{editionId: $e, title: "セキュリティ・キャンプ コネクト プレ開催 募集（デモ）",
      eligibility: $el, opensAt: $o, closesAt: $c, rubricVersion: "2025-1",
      themes: [{code: "ai", axis: "technology", title: "AI（生成AIとプロンプトインジェクション）", capacity: 8},
               {code: "automotive", axis: "industry", title: "自動車", capacity: 7}]}')" | jq -r .id)
  fi
  call 200 POST "$api/connect-calls/$pre_call/results" "$office" '{"summary":"プレ開催には15名が参加し、AIと自動車の2テーマでグループワークの成果を発表しました（デモ）。"}' >/dev/null
  main=$(call 201 POST "$api/connect-calls" "$office" "$(jq -nc --arg e "$connect_main" --arg o "$(connect_jst '-1 hour')" \
    --arg c "$(connect_jst '+60 days')" --arg el "$connect_eligibility" '{editionId: $e, title: "セキュリティ・キャンプ コネクト 本開催 募集（デモ）",
    eligibility: $el, opensAt: $o, closesAt: $c, rubricVersion: "2025-1",
    themes: [{code: "ai", axis: "technology", title: "AI", capacity: 20},
             {code: "space", axis: "industry", title: "宇宙", capacity: 2},
             {code: "economics", axis: "social-science", title: "経済・法制度", capacity: 10}]}')")
  main_call=$(jq -r .id <<<"$main")
  space=$(jq -r '.themes[] | select(.code == "space") | .id' <<<"$main")
  for r in 1 2; do
    call 200 POST "$api/connect-calls/$main_call/reviewers" "$office" "{\"subject\":\"demo-connect-reviewer-$r\",\"displayName\":\"審査員 $r\"}" >/dev/null
  done
  call 200 POST "$api/connect-calls/$main_call/sponsors" "$office" '{"subject":"demo-sponsor","organisation":"協賛株式会社（デモ）"}' >/dev/null
  scores() { jq -nc --argjson s "$1" '{scores: [{criterion: "security-knowledge", score: $s}, {criterion: "field-expertise", score: $s},
    {criterion: "bridging", score: $s}, {criterion: "collaboration", score: $s}]}'; }
  declare -A connect_app
  rank=0
  for name in sato ito kato yamada; do
    rank=$((rank + 1))
    connect_app[$name]=$(call 201 POST "$api/connect-calls/$main_call/applications" "$(token alumni "demo-alumni-$name")" \
      "$(jq -nc --arg t "$space" '{themeId: $t, schoolKind: "graduate-school", motivation: "衛星システムのセキュリティを学びたい（デモ）。",
      expertise: "人工衛星の通信と姿勢制御を研究しています（デモ）。"}')" | jq -r .id)
    for r in 1 2; do
      call 200 PUT "$api/connect-applications/${connect_app[$name]}/reviews/me" "$(token connect-reviewer "demo-connect-reviewer-$r")" "$(scores $((6 - rank)))" >/dev/null
    done
    outcome=accepted; [ "$rank" -le 2 ] || outcome=reserve
    call 200 POST "$api/connect-applications/${connect_app[$name]}/decision" "$office" "{\"outcome\":\"$outcome\",\"rank\":$rank}" >/dev/null
    echo "    Connect: $name applies for 宇宙, two reviews, $outcome (rank $rank)"
  done
  call 200 POST "$api/connect-applications/${connect_app[ito]}/decline" "$(token alumni demo-alumni-ito)" >/dev/null
  call 200 POST "$api/connect-applications/${connect_app[kato]}/acceptance" "$(token alumni demo-alumni-kato)" >/dev/null
  echo "    Connect: ito declines; kato (first reserve) takes the place; sponsor figures: $(call 200 GET "$api/connect-calls/$main_call/statistics" "$(token sponsor demo-sponsor)" | jq -c '{applications, accepted}')"
fi
# ---- end of Camp Connect -------------------------------------------------------------------------

group_name="全国大会2025 修了生ゼミ（デモ）"
if call 200 GET "$api/groups" "$office" | jq -e --arg n "$group_name" '.items[] | select(.name == $n)' >/dev/null; then
  echo "    demo group exists"
else
# (the group's demo below runs only when the group is new; sections after it always run)
group=$(call 201 POST "$api/groups" "$office" "$(jq -nc --arg n "$group_name" '{name: $n, purpose: "programme-cohort",
  visibility: "invitation", minAgeBand: "junior", description: "デモ: 修了年次を超えた交流",
  moderators: [{subject: "demo-camp-office", displayName: "事務局 一郎"}, {subject: "demo-camp-office-2", displayName: "事務局 二郎"}]}')" | jq -r .id)
for name in sato suzuki; do
  call 200 POST "$api/groups/$group/members" "$office" "$(jq -nc --arg m "${member_id[$name]}" '{memberId: $m}')" >/dev/null
done
sato=$(token alumni demo-alumni-sato)
suzuki=$(token alumni demo-alumni-suzuki)
post() { call 201 POST "$api/groups/$group/posts" "$1" "$(jq -nc --arg b "$2" '{body: $b}')"; }
case_of() { call 200 GET "$api/moderation-cases?limit=100" "$office" | jq -r --arg t "$1" '.items[] | select(.target.id == $t) | .id'; }
act() { call 200 POST "$api/moderation-cases/$1/actions" "$office" "$(jq -nc --arg a "$2" --arg r "$3" '{action: $a, reason: $r}')" >/dev/null; }
# First posts are held for review; the moderator lets them through.
first=$(post "$sato" "はじめまして、2015年度全国大会修了のさとうです。" | jq -r .id)
act "$(case_of "$first")" restore "デモ: 初投稿を確認しました"
first=$(post "$suzuki" "すずきです。今年修了しました。よろしくお願いします！" | jq -r .id)
act "$(case_of "$first")" restore "デモ: 初投稿を確認しました"
post "$sato" "マルウェア解析の講義資料を読み直しています。おすすめの演習はありますか？" >/dev/null
held=$(post "$sato" "詳しくは電話で: 090-1234-5678" | jq -r '"\(.id) \(.state) \(.heldReasons | join(","))"')
echo "    post with a phone number: $held"
act "$(case_of "${held%% *}")" remove "連絡先の掲載は未成年の参加するグループではできません"
code=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -X POST "$api/direct-messages" -H "Authorization: Bearer $sato" \
  -H 'Content-Type: application/json' --data "$(jq -nc --arg m "${member_id[suzuki]}" '{recipientId: $m, body: "個別に話しましょう"}')")
echo "    sato's direct message to suzuki (16): HTTP $code (refused: adults only)"
rude=$(post "$suzuki" "この前の演習、全然わからなかった。説明が下手すぎ。" | jq -r .id)
call 201 POST "$api/moderation-reports" "$sato" "$(jq -nc --arg t "$rude" '{targetKind: "post", targetId: $t, reason: "講師への言い方がきつい"}')" >/dev/null
case_id=$(case_of "$rude")
action=$(call 200 POST "$api/moderation-cases/$case_id/actions" "$office" '{"action":"hide","reason":"他の人を傷つける表現のため非表示にしました"}' | jq -r '.actions[-1].id')
call 201 POST "$api/moderation-actions/$action/appeal" "$suzuki" '{"statement":"言い方を直して投稿し直します"}' >/dev/null
echo "    report -> case $case_id -> hide -> appeal (waiting for the second moderator)"
fi
# (end of the group's demo)

# ---- Outcomes: what alumni do after the camp, and the yearly figures (issue 12 §4a) ----
# Idempotent: a status is one per member and fiscal year (sent again, it is replaced); applicants
# are rows under the camp office's own keys (recorded again, nothing changes); editions are made
# only when missing. sato (adult, surveys in his own settings) reports his status; suzuki (16) has
# no guardian consent for surveys, so hers is refused. The camp office's figures count everything;
# the public view hides every cell under 5.
sato_t=$(token alumni demo-alumni-sato)
call 200 PUT "$api/alumni/me/outcome" "$sato_t" '{"status":"working-security","sector":"security-vendor","prefecture":"13"}' >/dev/null
echo "    sato's status after the camp: working-security (security-vendor, 13)"
code=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -X PUT "$api/alumni/me/outcome" \
  -H "Authorization: Bearer $(token alumni demo-alumni-suzuki)" -H 'Content-Type: application/json' --data '{"status":"studying"}')
echo "    suzuki's (16) status without the guardian's surveys scope: HTTP $code"
edition_of() { # <programme> <fiscal year> -> edition id (made when missing)
  local id
  id=$(call 200 GET "$api/editions?programme=$1" - | jq -r --argjson y "$2" '.items[] | select(.fiscalYear == $y and .stage == "single") | .id' | head -n1)
  if [ -z "$id" ]; then
    id=$(call 201 POST "$api/editions" "$office" "$(jq -nc --arg p "$1" --argjson y "$2" '{programme: $p, fiscalYear: $y,
      stage: "single", startsOn: "\($y)-08-12", endsOn: "\($y)-08-16", format: "in-person", capacity: 90,
      eligibilityReferenceDate: "\($y + 1)-03-31"}')" | jq -r .id)
  fi
  printf '%s' "$id"
}
# Applicants and participants of the national camp's 2023 and 2024 editions (opaque demo keys).
for spec in "2023 40 20" "2024 60 21"; do
  read -r year applied took_part <<<"$spec"
  edition=$(edition_of national "$year")
  rows=$(jq -nc --argjson n "$applied" --argjson k "$took_part" --arg y "$year" \
    '{rows: [range(0; $n) | {applicantRef: ("demo-applicant-" + $y + "-" + (. | tostring)), participated: (. < $k)}]}')
  counts=$(call 200 POST "$api/editions/$edition/applications" "$office" "$rows" | jq -c '{applicants, participants}')
  echo "    national $year applications recorded: $counts"
done
echo "    figures (camp office): $(call 200 GET "$api/outcome-figures" "$office" | jq -c '.programmes[] | select(.programme == "national") | {firstYearOnRecord, years: [.years[] | select(.fiscalYear >= 2023 and .fiscalYear <= 2024)]}')"
echo "    figures (public, cells under 5 hidden): $api/outcome-figures/public"

# ---- A cancelled event (issue 12 §1): registrants are mailed, calendars show STATUS:CANCELLED ----
cancelled_title="修了生交流会 2026 春（デモ・中止）"
if call 200 GET "$api/events?limit=50" - | jq -e --arg t "$cancelled_title" '.items[] | select(.title == $t and .state == "cancelled")' >/dev/null; then
  echo "    cancelled demo event exists"
else
  start=$(TZ=Asia/Tokyo date -d '+40 days' +%Y-%m-%dT18:00:00+09:00)
  created=$(call 201 POST "$api/events" "$office" "$(jq -nc --arg t "$cancelled_title" --arg s "$start" \
    --arg e "$(TZ=Asia/Tokyo date -d '+40 days' +%Y-%m-%dT20:00:00+09:00)" \
    --arg o "$(TZ=Asia/Tokyo date -d '-1 day' +%Y-%m-%dT00:00:00+09:00)" \
    --arg c "$(TZ=Asia/Tokyo date -d '+39 days' +%Y-%m-%dT00:00:00+09:00)" '{kind: "alumni-event", title: $t,
    format: "online", startsAt: $s, endsAt: $e, capacity: 30, waitlistLength: 10, registrationOpensAt: $o,
    registrationClosesAt: $c, audience: {programmes: [], minAgeBand: "adult"}}')")
  gone=$(jq -r .id <<<"$created")
  call 200 POST "$api/events/$gone/opening" "$office" '' -H "If-Match: $(jq -r '"\"\(.version)\""' <<<"$created")" >/dev/null
  call 201 POST "$api/events/$gone/registrations" "$sato_t" '{}' -H "Idempotency-Key: demo-cancelled-event-sato" >/dev/null
  etag=$(curl -sS --max-time 30 -D - -o /dev/null "$api/events/$gone" -H "Authorization: Bearer $office" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
  call 200 POST "$api/events/$gone/cancellation" "$office" '{"reason":"デモ: 会場の都合により中止します"}' -H "If-Match: $etag" >/dev/null
  echo "    event $gone cancelled; sato was mailed; $api/events/$gone/calendar shows STATUS:CANCELLED"
fi
# ---- end of outcomes and the cancelled event ----


# ---- Opportunities, government calls and the member feed (issue 12 §2) ----
# An opportunity to teach at the camp itself (2 slots): sato expresses interest and the camp office
# selects him; a minor-suitable online alumni seminar; a call for opinions from a government body
# (demo-meti) that sato answers, consenting to be contacted for that call only. Skipped when the
# demo opportunity exists.
opportunity_title="全国大会2026 講師募集（デモ）"
if call 200 GET "$api/opportunities?limit=50" "$office" | jq -e --arg t "$opportunity_title" '.items[] | select(.title == $t)' >/dev/null; then
  echo "    demo opportunities already exist"
else
  deadline=$(TZ=Asia/Tokyo date -d '+60 days' +%Y-%m-%dT23:59:00+09:00)
  sato_t=$(token alumni demo-alumni-sato)
  teach=$(call 201 POST "$api/opportunities" "$office" "$(jq -nc --arg t "$opportunity_title" --arg d "$deadline" '{
    kind: "camp-instructor", provider: "セキュリティ・キャンプ実施事務局", title: $t,
    description: "全国大会で講義を担当する修了生を募集します（デモ）。", format: "in-person", slots: 2,
    deadline: $d, targeting: {programmes: ["national"], prefectures: [], minAgeBand: "adult"}, minorSuitable: false}')" | jq -r .id)
  call 201 POST "$api/opportunities" "$office" "$(jq -nc --arg d "$deadline" '{
    kind: "alumni-seminar", provider: "セキュリティ・キャンプ実施事務局", title: "修了生ゼミ: CTF入門（デモ）",
    description: "修了生どうしで学ぶオンラインゼミです（デモ）。", format: "online", slots: 20,
    deadline: $d, targeting: {programmes: [], prefectures: [], minAgeBand: "junior"}, minorSuitable: true}')" >/dev/null
  interest=$(call 201 POST "$api/opportunities/$teach/interests" "$sato_t" '{"statement":"Web セキュリティの講義を担当できます"}' | jq -r .id)
  call 200 POST "$api/opportunities/$teach/selections" "$office" "$(jq -nc --arg i "$interest" '{interestId: $i}')" >/dev/null
  echo "    opportunity $teach: sato selected ($(call 200 GET "$api/opportunities/$teach" "$office" | jq -r '"\(.selected)/\(.slots)"') slots)"
  meti=$(token government-body demo-meti)
  gov=$(call 201 POST "$api/government-calls" "$meti" "$(jq -nc --arg d "$deadline" '{
    kind: "opinion", issuer: "経済産業省 商務情報政策局（デモ）", title: "セキュリティ人材施策への意見募集（デモ）",
    description: "修了生の皆さまのご意見をお寄せください。", deadline: $d,
    targeting: {programmes: [], prefectures: [], minAgeBand: "adult"}, minorSuitable: false}')" | jq -r .id)
  call 201 POST "$api/government-calls/$gov/responses" "$sato_t" '{"body":"地方での勉強会を増やしてほしい（デモ）","contactConsent":true}' >/dev/null
  echo "    government call $gov: $(call 200 GET "$api/government-calls/$gov/contacts" "$meti" | jq '.items | length') consented contact(s) for the issuer"
  echo "    sato's feed: $(call 200 GET "$api/alumni/me/feed" "$sato_t" | jq -c '[.items[].source] | group_by(.) | map({(.[0]): length}) | add')"
fi
# ---- end of opportunities, government calls and the member feed ----
