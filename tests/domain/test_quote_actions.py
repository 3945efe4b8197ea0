"""The one table of what a quote's status allows (used by the service and the Quotes tab)."""

from __future__ import annotations

from itertools import product

from sms_desktop.domain.enums import QuoteStatus
from sms_desktop.domain.quotes import (
    QUOTE_ACTIONS,
    QuoteAction,
    allowed_actions,
    can_change_status,
    can_do,
)

S, A = QuoteStatus, QuoteAction


def test_every_status_has_its_actions() -> None:
    assert set(QUOTE_ACTIONS) == set(QuoteStatus)
    assert {s: set(allowed_actions(s)) for s in QuoteStatus} == {
        S.DRAFT: {A.EDIT, A.SEND, A.ACCEPT, A.DUPLICATE, A.DELETE},
        S.SENT: {A.ACCEPT, A.REJECT, A.REVISE, A.DUPLICATE},
        S.ACCEPTED: {A.DUPLICATE},
        S.REJECTED: {A.REVISE, A.DUPLICATE},
        S.EXPIRED: {A.REVISE, A.DUPLICATE},
    }
    assert can_do(S.DRAFT, A.DELETE) and not can_do(S.SENT, A.DELETE)


def test_status_changes_are_the_tables_actions_plus_expiry() -> None:
    leads_to = {A.SEND: S.SENT, A.ACCEPT: S.ACCEPTED, A.REJECT: S.REJECTED}
    for current, target in product(QuoteStatus, QuoteStatus):
        by_action = any(t is target and can_do(current, a) for a, t in leads_to.items())
        expiry = current is S.SENT and target is S.EXPIRED
        assert can_change_status(current, target) == (by_action or expiry), (current, target)
