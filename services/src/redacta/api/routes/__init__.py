"""HTTP routes: `presidio` (Presidio-compatible), `v1` (Redacta's own), `jobs` (documents)."""
