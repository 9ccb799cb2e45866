#!/bin/sh
# Production entrypoint: refuse to serve without a strong REDACTA_TOKEN, then run the backend.
# As a shared service every API call must carry `Authorization: Bearer $REDACTA_TOKEN`.
set -eu

if [ -z "${REDACTA_TOKEN:-}" ]; then
    echo "redacta: REDACTA_TOKEN is not set; refusing to start an unauthenticated server." >&2
    echo "redacta: generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'" >&2
    exit 64
fi
if [ "${#REDACTA_TOKEN}" -lt 32 ]; then
    echo "redacta: REDACTA_TOKEN is shorter than 32 characters; refusing to start." >&2
    exit 64
fi

exec python -m redacta "$@"
