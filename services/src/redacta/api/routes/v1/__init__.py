"""Redacta's own API under `/api/v1`, shaped for the UI."""

from fastapi import APIRouter

from redacta.api.routes.v1 import preferences, sessions, system, text

PREFIX = "/api/v1"

router = APIRouter(prefix=PREFIX)
for _module in (text, sessions, preferences, system):
    router.include_router(_module.router)

__all__ = ["PREFIX", "router"]
