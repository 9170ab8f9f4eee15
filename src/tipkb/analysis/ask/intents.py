"""The intents ``ask`` answers, one module each (as extract/ has one per fact type): intent -> its answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from tipkb.analysis.ask.changes import _answer_changes
from tipkb.analysis.ask.common import _Part
from tipkb.analysis.ask.compliance import _answer_compliance
from tipkb.analysis.ask.flows import _answer_flows
from tipkb.analysis.ask.funding import _answer_funding
from tipkb.analysis.ask.penalties import _answer_penalties
from tipkb.analysis.ask.profiles import _answer_profile
from tipkb.analysis.ask.ratifications import _answer_ratification
from tipkb.analysis.ask.roles import _answer_roles
from tipkb.analysis.ask.statistics import _answer_statistics
from tipkb.analysis.ask.tiers import _answer_tiers
from tipkb.analysis.question import Question

if TYPE_CHECKING:
    from tipkb.store import Store

# (A comparison of two countries, ``compare``, answers an intent for each and sets them side by side.)
_HANDLERS: dict[str, Callable[[Store, Question, Sequence[str]], _Part]] = {
    "changes": _answer_changes,
    "flows": _answer_flows,
    "roles": _answer_roles,
    "tiers": _answer_tiers,
    "ratification": _answer_ratification,
    "compliance": _answer_compliance,
    "statistics": _answer_statistics,
    "funding": _answer_funding,
    "penalties": _answer_penalties,
    "profile": _answer_profile,
}
