"""Redaction beyond detection: operators (incl. pseudonymize), the session vault, restore,
the user's persisted settings and their custom regex recognizers."""
