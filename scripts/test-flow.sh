#!/usr/bin/env bash
# Sends the sample webhooks, signed, to the running webhook-service and prints the actions and outcomes they produced.
# Usage: scripts/test-flow.sh   (TRACE_TIMEOUT_SECONDS=60, WEBHOOK_URL=http://localhost:7000)
. "$(dirname "$0")/lib.sh"
WEBHOOK_URL="${WEBHOOK_URL:-http://localhost:7000}"
github_secret="${GITHUB_WEBHOOK_SECRET%%,*}"
jira_secret="${JIRA_WEBHOOK_SECRET%%,*}"

new_id() { cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen; }
sign() { openssl dgst -sha256 -hmac "$1" < "$2" | sed 's/^.*= *//'; }

event_ids=()
send() { # file, path, headers...
  local file="$1" path="$2"; shift 2
  local answer status
  answer="$(curl -sS -w '\n%{http_code}' -X POST "$WEBHOOK_URL$path" -H 'Content-Type: application/json' "$@" \
    --data-binary "@$file")"
  status="${answer##*$'\n'}"
  printf '%-48s -> %s %s\n' "$(basename "$file")" "$status" "${answer%$'\n'*}"
  [ "$status" = 202 ] || { echo "expected 202; is the system up (scripts/start-all.sh)?" >&2; exit 1; }
}

for file in samples/webhooks/github-*.json; do
  id="$(new_id)"
  send "$file" /github/issues -H 'X-GitHub-Event: issues' -H "X-GitHub-Delivery: $id" \
    -H "X-Hub-Signature-256: sha256=$(sign "$github_secret" "$file")"
  event_ids+=("$id")
done
for file in samples/webhooks/jira-*.json; do
  id="$(new_id)"
  send "$file" /jira/webhook -H "X-Atlassian-Webhook-Identifier: $id" \
    -H "X-Hub-Signature: sha256=$(sign "$jira_secret" "$file")"
  event_ids+=("$id")
done

echo
echo "Actions and outcomes, read back from the topics:"
tools trace --event-ids "$(IFS=,; echo "${event_ids[*]}")" --timeout "${TRACE_TIMEOUT_SECONDS:-60}"
