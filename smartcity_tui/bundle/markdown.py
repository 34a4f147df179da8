"""Placeholder; replaced below."""
from __future__ import annotations

from ..model.plan import Plan
from ..model.revision import RecordState


def render_markdown(plan: Plan, *, lang: str = "id", conflicts=()) -> str:
    return f"# {plan.info.region}\n"
