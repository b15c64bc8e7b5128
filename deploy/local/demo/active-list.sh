# Demo data of the Active List, loaded through the gateway. Sourced by deploy/local/up (uses its
# die, $here and $state); idempotent, so a second `up` finds everything in place.
# The listings are deploy/local/demo/active-list-listings.json (self-declared fields as the API
# takes them); the verified side comes from an IPA registry import, as in production.

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

# 1. What IPA's registry says about each demo specialist (valid, courses done).
registry=$(jq -c --arg today "$demo_today" '.[] | {
    registrationNumber, registeredOn: "2019-10-01",
    cycleStart: (($today | strptime("%Y-%m-%d") | mktime) - 365*86400 | strftime("%Y-%m-%d")),
    expiresOn: (($today | strptime("%Y-%m-%d") | mktime) + 730*86400 | strftime("%Y-%m-%d")),
    registrationStatus: "VALID",
    onlineCourseStatus: "COMPLETED",
    onlineCourseCompletedOn: (($today | strptime("%Y-%m-%d") | mktime) - 120*86400 | strftime("%Y-%m-%d")),
    practicalCourseStatus: "COMPLETED",
    practicalCourseCompletedOn: (($today | strptime("%Y-%m-%d") | mktime) - 200*86400 | strftime("%Y-%m-%d"))}' "$demo_listings")
demo_call POST /registry-imports "$demo_admin" "$registry" application/x-ndjson
demo_expect "registry import" 200 201
echo "    registry import: $(jq -c '{created, updated, unchanged, rejected}' <<<"$demo_json")"

# 2. Each specialist creates a draft, accepts the ethics pledge and submits; IPA approves.
demo_call GET /ethics-pledge "$demo_admin"
demo_expect "reading the ethics pledge" 200
pledge=$(jq -r .version <<<"$demo_json")
declare -A demo_listing_id=()
while read -r row; do
  regno=$(jq -r .registrationNumber <<<"$row")
  subject=$(jq -r .subject <<<"$row")
  owner=$(RISS_TOKEN_TTL=900 "$here/token" specialist "$subject")
  demo_call POST /listings "$owner" "$(jq -c '{registrationNumber, selfDeclared}' <<<"$row")" \
    application/json "Idempotency-Key: demo-listing-$regno"
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

# 3. A later registry import finds 900009's registration expiring within 60 days: the listing
#    criteria fail, so the import suspends that listing with the reason and notifies its owner.
expiring=$(jq -c --arg today "$demo_today" 'select(.registrationNumber == "900009")
  | .expiresOn = (($today | strptime("%Y-%m-%d") | mktime) + 30*86400 | strftime("%Y-%m-%d"))' <<<"$registry")
demo_call POST /registry-imports "$demo_admin" "$expiring" application/x-ndjson
demo_expect "registry import (expiring registration)" 200 201
echo "    registry import: $(jq -c '{updated, unchanged, suspended: (.suspendedListings // [] | length)}' <<<"$demo_json")"
