"""The HTTP API: Presidio-compatible routes plus Redacta's own `/api/v1`."""
