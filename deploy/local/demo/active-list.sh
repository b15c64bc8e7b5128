# Demo data of the Active List, loaded through the gateway. Sourced by deploy/local/up (uses its
# die, $here and $state); idempotent, so a second `up` finds everything in place.
# The listings are deploy/local/demo/active-list-listings.json (self-declared fields as the API
# takes them); the verified side comes from IPA's registry, imported at its one owner (the
# deemed-attendance service) and published to the Active List as events, as in production.

demo_call() { # demo_call METHOD PATH TOKEN [BODY [CONTENT-TYPE [EXTRA-HEADER]]] -> $demo_code $demo_json
  local method=$1 path=$2 token=$3 body=${4-} type=${5:-application/json} extra=${6-}
  local args=(-sS --max-time 30 -w '\n%{http_code}' -X "$method" "$demo_api$path" -H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H "Content-Type: $type" --data-binary "$body")
  [ -n "$extra" ] && args+=(-H "$extra")
  local response
  response=$(curl "${args[@]}") || die "demo: $method $path did not answer"
  demo_code=${response##*$'\n'}
  demo_json=${response%$'\n'*}
}
demo_expect() { # demo_expect WHAT CODE...
  local what=$1; shift
  for c in "$@"; do [ "$demo_code" = "$c" ] && return 0; done
  die "demo: $what failed with HTTP $demo_code: $demo_json"
}

demo_api=http://127.0.0.1:8080/api/v1/active-list
demo_listings="$here/demo/active-list-listings.json"
demo_admin=$(RISS_TOKEN_TTL=900 "$here/token" ipa-admin dev-ipa-admin)
demo_reviewer=$(RISS_TOKEN_TTL=900 "$here/token" ipa-reviewer dev-ipa-reviewer)
demo_today=$(TZ=Asia/Tokyo date +%F)

# 1. What IPA's registry says about each demo specialist, imported at the deemed-attendance
#    service: the number bound to the specialist's account, a cycle from 2025-04-01, the first
#    year's online course done (and, for 900006-900010, the practical course). The Active List
#    learns it from deemedattendance.registration.v1; a specialist can list only the number bound
#    to their account.
demo_da=http://127.0.0.1:8080/api/v1/deemed-attendance
demo_da_call() { # demo_da_call PATH BODY -> $demo_code $demo_json
  local saved=$demo_api; demo_api=$demo_da; demo_call POST "$1" "$demo_admin" "$2"; demo_api=$saved
}
cycles=$(jq -c '{records: [.[] | {registrationNumber, specialistSubject: .subject,
    cycleStart: "2025-04-01", registeredOn: "2019-10-01"}]}' "$demo_listings")
demo_da_call /imports/cycles "$cycles"
demo_expect "registry import (deemed attendance)" 200
echo "    registry import: $(jq -c '{created, updated, unchanged, rejected}' <<<"$demo_json")"
completions=$(jq -c '{records: ([.[] | {registrationNumber, cycleStart: "2025-04-01",
    requirementKind: "online-course", courseName: "オンライン講習（2025年度）", completedOn: "2025-06-15"}]
  + [.[] | select(.registrationNumber > "900005") | {registrationNumber, cycleStart: "2025-04-01",
    requirementKind: "practical-course", courseName: "実践講習A", completedOn: "2026-06-01"}])}' "$demo_listings")
demo_da_call /imports/course-completions "$completions"
demo_expect "course completions import (deemed attendance)" 200
echo "    course completions: $(jq -c '{created, updated, unchanged, rejected}' <<<"$demo_json")"

# 2. Each specialist creates a draft, accepts the ethics pledge and submits; IPA approves.
demo_call GET /ethics-pledge "$demo_admin"
demo_expect "reading the ethics pledge" 200
pledge=$(jq -r .version <<<"$demo_json")
declare -A demo_listing_id=()
while read -r row; do
  regno=$(jq -r .registrationNumber <<<"$row")
  subject=$(jq -r .subject <<<"$row")
  owner=$(RISS_TOKEN_TTL=900 "$here/token" specialist "$subject")
  # 403 until the registry's event has reached the Active List (a moment after the import).
  for _ in $(seq 1 60); do
    demo_call POST /listings "$owner" "$(jq -c '{registrationNumber, selfDeclared}' <<<"$row")" \
      application/json "Idempotency-Key: demo-listing-$regno"
    [ "$demo_code" = 403 ] || break
    sleep 0.5
  done
  demo_expect "creating listing $regno" 201 409
  id=$(jq -r '.id // .existingListingId // empty' <<<"$demo_json")
  [ -n "$id" ] || die "demo: no listing id for $regno: $demo_json"
  demo_listing_id[$regno]=$id
  demo_call GET "/listings/$id" "$owner"
  status=$(jq -r .status <<<"$demo_json")
  if [ "$status" = DRAFT ] || [ "$status" = REJECTED ]; then
    demo_call POST "/listings/$id/ethics-pledge" "$owner" "{\"version\":\"$pledge\"}"
    demo_expect "accepting the pledge for $regno" 200
    demo_call POST "/listings/$id/submit" "$owner"
    demo_expect "submitting $regno" 200
    status=PENDING_REVIEW
  fi
  if [ "$status" = PENDING_REVIEW ]; then
    demo_call POST "/listings/$id/approve" "$demo_reviewer"
    demo_expect "approving $regno" 200
    status=PUBLISHED
  fi
  printf '    %s %s  %s (%s)\n' "$regno" "$id" "$(jq -r .selfDeclared.displayName <<<"$row")" "$status"
done < <(jq -c '.[]' "$demo_listings")

# 3. IPA's registry later suspends 900009's registration (imported at the deemed-attendance
#    service): the Active List's registry criterion fails for the published listing, so it is
#    suspended with the reason and its owner notified.
demo_da_call /imports/cycles '{"records":[{"registrationNumber":"900009","specialistSubject":"demo-specialist-kobayashi","cycleStart":"2025-04-01","registrationStatus":"SUSPENDED"}]}'
demo_expect "registry import (suspended registration)" 200
echo "    registry import: $(jq -c '{updated, unchanged}' <<<"$demo_json")"
for _ in $(seq 1 60); do
  demo_call GET "/listings/${demo_listing_id[900009]}" "$demo_admin"
  [ "$(jq -r .status <<<"$demo_json")" = SUSPENDED ] && break
  sleep 0.5
done
echo "    900009: $(jq -c '{status, statusReason}' <<<"$demo_json")"

# 4. Matching through support bodies (skipped when the demo chamber already has its event).
demo_company=$(RISS_TOKEN_TTL=900 "$here/token" company demo-company-kanda)
demo_chamber=$(RISS_TOKEN_TTL=900 "$here/token" support-body demo-chamber-tokyo)
demo_owner() { RISS_TOKEN_TTL=900 "$here/token" specialist "$(jq -r --arg r "$1" '.[] | select(.registrationNumber == $r) | .subject' "$demo_listings")"; }
demo_etag() { curl -sS -o /dev/null -D - "$demo_api$1" -H "Authorization: Bearer $2" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'; }
demo_sme() { # demo_sme COMPANY PREFECTURE INDUSTRY THEMES(JSON) FORMAT
  jq -nc --arg c "$1" --arg p "$2" --arg i "$3" --argjson t "$4" --arg f "$5" \
    '{companyName: $c, industry: $i, prefecture: $p, sizeBand: "6-20", themes: $t, preferredFormat: $f, acceptsOnline: true}'
}
demo_call GET /consultation-events "$demo_chamber"
demo_expect "listing the chamber's consultation events" 200
if [ "$(jq '.items | length' <<<"$demo_json")" = 0 ]; then
  # An SME asks 900001 directly, who accepts; one asks 900002, who declines (alternatives are
  # offered); the chamber asks 900006 (capacity 1) on an SME's behalf, which fills her up.
  inquiry() { # inquiry KEY TOKEN REGNO SME-JSON MESSAGE -> id
    demo_call POST /inquiries "$2" "$(jq -nc --arg l "${demo_listing_id[$3]}" --argjson s "$4" --arg m "$5" \
      '{listingId: $l, sme: $s, message: $m, contact: {name: "総務部 山田", email: "soumu@example.co.jp"}, consentToShareContact: true}')" \
      application/json "Idempotency-Key: $1"
    demo_expect "inquiry $1" 201
    jq -r .id <<<"$demo_json"
  }
  i1=$(inquiry demo-inquiry-1 "$demo_company" 900001 "$(demo_sme 神田金属工業株式会社 13 E '[1]' on-site)" "取引先から情報セキュリティ規程の提出を求められています。")
  o1=$(demo_owner 900001)
  demo_call POST "/inquiries/$i1/accept" "$o1" "" application/json "If-Match: $(demo_etag "/inquiries/$i1" "$o1")"
  demo_expect "accepting inquiry" 200
  i2=$(inquiry demo-inquiry-2 "$demo_company" 900002 "$(demo_sme 神田金属工業株式会社 13 E '[3]' online)" "クラウドの利用ルールを作りたい。")
  o2=$(demo_owner 900002)
  demo_call POST "/inquiries/$i2/decline" "$o2" '{"reason":"schedule","note":"今月は予定が埋まっています"}' application/json "If-Match: $(demo_etag "/inquiries/$i2" "$o2")"
  demo_expect "declining inquiry" 200
  inquiry demo-inquiry-3 "$demo_chamber" 900006 "$(demo_sme 有限会社浅草印刷 13 P '[5]' lecture)" "従業員研修をお願いしたい。" >/dev/null
  echo "    inquiries: 900001 accepted, 900002 declined (alternatives offered), 900006 now at capacity"

  # A consultation event (相談会) two weeks ahead with two specialists, three SMEs, slots, an
  # outcome, and one slot cancelled because its SME dropped out.
  day=$(TZ=Asia/Tokyo date -d "+14 days" +%F)
  demo_call POST /consultation-events "$demo_chamber" "$(jq -nc --arg a "${demo_listing_id[900001]}" --arg b "${demo_listing_id[900007]}" --arg d "$day" \
    '{title: "サイバーセキュリティ個別相談会", startsAt: ($d + "T13:00:00+09:00"), endsAt: ($d + "T17:00:00+09:00"),
      venue: "東京商工会議所 会議室A", online: false, invitedListingIds: [$a, $b]}')"
  demo_expect "creating the consultation event" 201
  event=$(jq -r .id <<<"$demo_json")
  for regno in 900001 900007; do
    demo_call POST "/consultation-events/$event/invitations/${demo_listing_id[$regno]}/confirm" "$(demo_owner $regno)"
    demo_expect "confirming the invitation of $regno" 200
  done
  demo_call POST "/consultation-events/$event/registrations" "$demo_chamber" '{"companyName":"神田金属工業株式会社","industry":"E","prefecture":"13","sizeBand":"21-50","themes":[1,5]}'
  demo_expect "registering an SME" 201
  sme1=$(jq -r .id <<<"$demo_json")
  demo_call POST "/consultation-events/$event/registrations" "$demo_chamber" '{"companyName":"株式会社日本橋商事","industry":"I","prefecture":"13","sizeBand":"6-20","themes":[3]}'
  demo_expect "registering an SME" 201
  sme2=$(jq -r .id <<<"$demo_json")
  demo_call POST "/consultation-events/$event/slots" "$demo_chamber" "$(jq -nc --arg r "$sme1" --arg l "${demo_listing_id[900001]}" --arg d "$day" \
    '{registrationId: $r, listingId: $l, startsAt: ($d + "T13:30:00+09:00"), endsAt: ($d + "T14:00:00+09:00")}')"
  demo_expect "booking a slot" 201
  slot=$(jq -r .id <<<"$demo_json")
  demo_call POST "/consultation-events/$event/slots" "$demo_chamber" "$(jq -nc --arg r "$sme2" --arg l "${demo_listing_id[900007]}" --arg d "$day" \
    '{registrationId: $r, listingId: $l, startsAt: ($d + "T14:00:00+09:00"), endsAt: ($d + "T14:30:00+09:00")}')"
  demo_expect "booking a slot" 201
  demo_call POST "/consultation-events/$event/registrations" "$demo_chamber" '{"companyName":"有限会社浅草印刷","industry":"P","prefecture":"13","sizeBand":"6-20","themes":[5]}'
  demo_expect "registering an SME" 201
  sme3=$(jq -r .id <<<"$demo_json")
  demo_call POST "/consultation-events/$event/slots" "$demo_chamber" "$(jq -nc --arg r "$sme3" --arg l "${demo_listing_id[900007]}" --arg d "$day" \
    '{registrationId: $r, listingId: $l, startsAt: ($d + "T15:00:00+09:00"), endsAt: ($d + "T15:30:00+09:00")}')"
  demo_expect "booking a slot" 201
  dropped=$(jq -r .id <<<"$demo_json")
  demo_call POST "/consultation-events/$event/slots/$dropped/cancel" "$demo_chamber" '{"reason":"相談企業の都合により欠席"}'
  demo_expect "cancelling a slot" 200
  demo_call POST "/consultation-events/$event/slots/$slot/outcome" "$(demo_owner 900001)" \
    '{"issues":["情報セキュリティ規程がない","パスワードの使い回し"],"priorities":[1,5],"followUp":"GUIDANCE_ENGAGEMENT"}'
  demo_expect "recording the outcome" 200
  echo "    consultation event $event on $day: 2 specialists, 3 SMEs, 3 slots (1 cancelled), 1 outcome"

  # On-site guidance (訪問指導) on theme 1 in three visits, completed: the verified track record
  # grows and the deemed-attendance service receives activelist.engagement.v1.
  demo_call POST /engagements "$demo_chamber" "$(jq -nc --arg l "${demo_listing_id[900001]}" \
    '{listingId: $l, organisationName: "神田金属工業株式会社", themeNumber: 1, startedOn: "2026-09-01"}')"
  demo_expect "arranging the guidance engagement" 201
  engagement=$(jq -r .id <<<"$demo_json")
  n=1
  for outcome in "現状のリスクを洗い出した" "基本方針案を作成し既存規程を点検した" "関連規程案を作成した"; do
    demo_call PUT "/engagements/$engagement/visits/$n" "$o1" "$(jq -nc --arg d "2026-09-0$((n * 3))" --arg o "$outcome" '{visitedOn: $d, outcome: $o}')" \
      application/json "If-Match: $(demo_etag "/engagements/$engagement" "$o1")"
    demo_expect "recording visit $n" 200
    n=$((n + 1))
  done
  demo_call POST "/engagements/$engagement/complete" "$o1" "" application/json "If-Match: $(demo_etag "/engagements/$engagement" "$o1")"
  demo_expect "completing the engagement" 200
  echo "    guidance engagement $engagement completed (900001's verified track record: 1)"
fi
demo_call POST /shortlists "$demo_chamber" "{\"profile\":$(demo_sme 神田金属工業株式会社 13 E '[1,4]' on-site),\"k\":3,\"seed\":7}"
demo_expect "a shortlist" 200
echo "    shortlist for a Tokyo manufacturer (themes 1, 4): $(jq -c '[.candidates[] | {rank, name: .displayName, reasons}]' <<<"$demo_json" | cut -c1-200)"
