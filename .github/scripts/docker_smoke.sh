#!/usr/bin/env bash
# Runs the production server image (docker/Dockerfile) the way an operator would and checks
# what the Dockerfile promises. Runs in CI on GitHub's Linux runner (no Docker engine on the
# development machine). Usage: docker_smoke.sh IMAGE
set -euo pipefail
image=$1
port=8000 # same number inside and out: the backend accepts Host 127.0.0.1:<its own port>
fail() { echo "docker_smoke: FAILED: $*" >&2; exit 1; }

echo "== refuses to start without REDACTA_TOKEN"
if out=$(docker run --rm "$image" 2>&1); then fail "the server started without a token"; fi
grep -q "REDACTA_TOKEN is not set" <<<"$out" || fail "no clear message: $out"

echo "== refuses a short token"
if REDACTA_TOKEN=short docker run --rm -e REDACTA_TOKEN "$image" >/dev/null 2>&1; then
    fail "the server started with a 5-character token"
fi

echo "== runs as a non-root user, without build tools"
uid=$(docker run --rm --entrypoint id "$image" -u)
[ "$uid" != "0" ] || fail "runs as root"
for tool in gcc cc make uv node npm curl; do
    if docker run --rm --entrypoint sh "$image" -c "command -v $tool" >/dev/null 2>&1; then
        fail "$tool is in the final image"
    fi
done

echo "== starts with a token and becomes healthy"
REDACTA_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
export REDACTA_TOKEN
export REDACTA_ALLOWED_HOSTS='["redacta.internal.example"]'
cid=$(docker run -d -e REDACTA_TOKEN -e REDACTA_ALLOWED_HOSTS -p "127.0.0.1:$port:8000" "$image")
trap 'docker logs "$cid" 2>&1 | tail -n 40; docker rm -f "$cid" >/dev/null' EXIT
status=starting
for _ in $(seq 1 120); do
    status=$(docker inspect --format '{{.State.Health.Status}}' "$cid")
    [ "$status" = healthy ] && break
    [ "$(docker inspect --format '{{.State.Running}}' "$cid")" = true ] || fail "container exited"
    sleep 2
done
[ "$status" = healthy ] || fail "health status is $status after 240 s"

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
base="http://127.0.0.1:$port"
auth=(-H "Authorization: Bearer $REDACTA_TOKEN")
echo "== token required, health reported"
[ "$(code "$base/livez")" = 200 ] || fail "/livez"
[ "$(code "$base/health")" = 401 ] || fail "/health without the token is not 401"
[ "$(code "${auth[@]}" "$base/health")" = 200 ] || fail "/health with the token is not 200"
echo "== Host check: the configured public host is accepted, others are not"
[ "$(code "${auth[@]}" -H 'Host: redacta.internal.example' "$base/health")" = 200 ] ||
    fail "REDACTA_ALLOWED_HOSTS host refused"
rebind=$(code "${auth[@]}" -H 'Host: attacker.example' "$base/health")
[ "$rebind" = 400 ] || [ "$rebind" = 421 ] || fail "foreign Host answered $rebind"
echo "== the built UI is served at /"
curl -sf "$base/" | grep -qi '<!doctype html' || fail "no UI at /"
echo "== analyze works (model baked in, no network needed)"
curl -sf "${auth[@]}" -H 'Content-Type: application/json' \
    -d '{"text": "Call John Smith at 212-555-0199", "language": "en"}' "$base/analyze" |
    python3 -c 'import json, sys; r = json.load(sys.stdin); assert any(f["entity_type"] == "PERSON" for f in r), r'
echo "docker_smoke: OK"
