"""Command-line sub-commands beyond `serve` (argument definitions stay cheap to import)."""
