"""The win probability service: factors read as they were at the close (or the as-of day),
the model used from 50 closed deals on, open deals scored and explained; and the CLI's
``deals score`` / ``deals model``."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from sms_desktop.cli import main
from sms_desktop.domain.enums import OpportunityStatus, SalespersonRole, StageKind
from sms_desktop.persistence import models as m
from sms_desktop.services.registry import Services

FIRST = date(2025, 1, 1)


@pytest.fixture
def crm(empty_services: Services) -> Services:
    """80 closed deals, one every three days from 2025-01-01: referrals mostly won, the
    others mostly lost; four open deals."""
    rng = random.Random(3)
    with empty_services.db.write() as s:
        owner = m.Salesperson(name="王伟", role=SalespersonRole.OWNER)
        s.add(owner)
        s.flush()
        customer = m.Customer(name="杭州明远贸易有限公司", owner_id=owner.id, industry="零售")
        s.add(customer)
        s.flush()
        stages = {
            key: m.PipelineStage(
                key=key, name_zh=zh, name_en=key, position=i, kind=kind, default_probability=p
            )
            for i, (key, zh, kind, p) in enumerate(
                (
                    ("proposal", "方案报价", StageKind.OPEN, 50),
                    ("won", "赢单", StageKind.WON, 100),
                    ("lost", "输单", StageKind.LOST, 0),
                )
            )
        }
        s.add_all(stages.values())
        s.flush()
        for i in range(80):
            referral = i % 2 == 0
            won = rng.random() < (0.85 if referral else 0.15)
            created = FIRST + timedelta(days=3 * i)
            closed = created + timedelta(days=20)
            deal = m.Opportunity(
                customer_id=customer.id,
                title=f"deal {i}",
                amount=Decimal(20_000),
                stage_id=stages["won" if won else "lost"].id,
                status=OpportunityStatus.WON if won else OpportunityStatus.LOST,
                source="老客户推荐" if referral else "展会",
                owner_id=owner.id,
                closed_on=closed,
                created_at=datetime.combine(created, datetime.min.time(), UTC),
            )
            s.add(deal)
            s.flush()
            s.add_all(
                [
                    m.StageChange(
                        opportunity_id=deal.id,
                        from_stage_id=None,
                        to_stage_id=stages["proposal"].id,
                        changed_at=datetime.combine(created, datetime.min.time(), UTC),
                    ),
                    m.StageChange(
                        opportunity_id=deal.id,
                        from_stage_id=stages["proposal"].id,
                        to_stage_id=deal.stage_id,
                        changed_at=datetime.combine(closed, datetime.min.time(), UTC),
                    ),
                ]
            )
        for i, (source, override) in enumerate(
            (("老客户推荐", None), ("展会", None), ("展会", 90), ("老客户推荐", None))
        ):
            s.add(
                m.Opportunity(
                    customer_id=customer.id,
                    title=f"open {i}",
                    amount=Decimal(20_000),
                    stage_id=stages["proposal"].id,
                    source=source,
                    owner_id=owner.id,
                    probability_override=override,
                    created_at=datetime(2025, 1, 1, tzinfo=UTC),
                    stage_changed_at=datetime(2025, 1, 1, tzinfo=UTC),
                )
            )
    return empty_services


AS_OF = date(2026, 1, 1)


def test_the_model_learns_the_source_and_explains_it(crm: Services) -> None:
    scores, note = crm.win_probability.score(as_of=AS_OF)
    assert note is None
    by_title = {s.title: s for s in scores}
    assert set(by_title) == {"open 0", "open 1", "open 2", "open 3"}
    referral, fair = by_title["open 0"], by_title["open 1"]
    assert referral.stage_probability == 50
    assert referral.model_probability is not None and referral.model_probability > 65
    assert fair.model_probability is not None and fair.model_probability < 35
    assert referral.factors[0].factor == "source" and referral.factors[0].points > 0
    assert fair.factors[0].factor == "source" and fair.factors[0].points < 0
    assert by_title["open 2"].probability == 90  # the manual override is kept
    assert by_title["open 2"].source.render() == "set by hand"
    assert referral.source.render() == "model"


def test_the_backtest_beats_the_stage_default(crm: Services) -> None:
    report = crm.win_probability.report(as_of=AS_OF)
    assert report.uses_model and report.n_train + report.n_test == 80
    assert report.split is not None
    assert report.brier_model is not None and report.brier_stage is not None
    assert report.brier_model < report.brier_stage


def test_as_of_reads_only_what_was_closed_before(crm: Services) -> None:
    """On 2025-05-01 only about 35 deals had closed: stage defaults, and it says so; the
    deals still open then are scored too."""
    scores, note = crm.win_probability.score(as_of=date(2025, 5, 1))
    assert note is not None and "50" in note.render()
    assert all(s.model_probability is None and not s.factors for s in scores)
    assert len(scores) > 4  # deals closed later were open on that day
    assert all(s.probability in (50, 90) for s in scores)
    assert not crm.win_probability.report(as_of=date(2025, 5, 1)).uses_model


def test_cli_deals_score_and_model(crm: Services, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(crm.db.path)
    capsys.readouterr()
    assert main(["deals", "model", "--db", path, "--format", "json"]) == 0
    model = json.loads(capsys.readouterr().out)
    assert set(model) >= {"n_train", "n_test", "brier_model", "brier_stage", "calibration"}
    assert model["n_train"] + model["n_test"] == 80
    assert all(len(band) == 3 for band in model["calibration"])
    assert main(["deals", "score", "--db", path, "--as-of", "2026-01-01", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {
        "id",
        "title",
        "customer",
        "stage",
        "stage_probability",
        "probability",
        "factors",
    } <= set(rows[0])
    assert rows[0]["factors"][0]["text"].startswith("Source：老客户推荐 +")
    assert main(["deals", "score", "--db", path, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id,title,customer,stage,stage_probability,probability,factors"
    assert len(lines) == 5


def test_the_board_uses_the_model_where_chosen_and_says_so(crm: Services) -> None:
    """With the model's probabilities the cards show them (labelled), the hand-set one is
    kept, and every weighted total is the sum of the cards' weighted amounts (#16)."""
    from sms_desktop.domain.pipeline import weighted_amount
    from sms_desktop.services.pipeline import PipelineFilter

    model = crm.win_probability.model_probabilities(as_of=AS_OF)
    assert model is not None and len(model) == 4
    plain = crm.pipeline.board(today=AS_OF)
    learned = crm.pipeline.board(today=AS_OF, model=model)
    cards = {c.title: c for col in learned.columns for c in col.cards}
    assert all(c.probability == 50 and not c.from_model
               for col in plain.columns for c in col.cards if not c.probability_overridden)  # fmt: skip
    referral, fair, by_hand = cards["open 0"], cards["open 1"], cards["open 2"]
    assert referral.from_model and referral.probability == model[referral.id] > 65
    assert fair.from_model and fair.probability < 35
    assert by_hand.probability == 90 and by_hand.probability_overridden
    assert not by_hand.from_model
    assert referral.weighted == weighted_amount(referral.amount, referral.probability)
    assert learned.weighted_total == sum(c.weighted for c in cards.values())
    assert learned.weighted_total != plain.weighted_total
    # a move's totals (read as the board's) agree with the board's
    column = learned.columns[0]
    with crm.db.read() as session:
        totals = crm.pipeline._totals(session, PipelineFilter(), learned, AS_OF, model)
    assert totals.weighted_total == learned.weighted_total
    assert totals.column(column.stage.id).weighted == column.weighted  # type: ignore[union-attr]


def test_without_a_trained_model_the_board_keeps_the_stage_defaults(crm: Services) -> None:
    assert crm.win_probability.model_probabilities(as_of=date(2025, 5, 1)) is None


def test_the_choice_is_a_setting(crm: Services) -> None:
    assert crm.settings.use_model_probability() is False
    assert crm.settings.set_use_model_probability(True) is False
    assert crm.settings.use_model_probability() is True
    assert crm.settings.forecast_settings().commit_threshold == 90  # untouched


def test_the_pipeline_forecast_weighs_and_sorts_deals_as_the_board_does(crm: Services) -> None:
    """With the model's probability chosen, the forecast's commit / best case / pipeline use
    it where no one set one by hand, as the board's cards do (#16): the trade-fair deal the
    model gives little chance leaves best case for pipeline."""
    from sms_desktop.domain.forecast import Granularity
    from sms_desktop.domain.pipeline import weighted_amount

    with crm.db.write() as s:
        for deal in s.query(m.Opportunity).filter(m.Opportunity.status == OpportunityStatus.OPEN):
            deal.expected_close = AS_OF + timedelta(days=10)

    def january() -> tuple[Decimal, Decimal, Decimal]:
        report = crm.pipeline_forecast.pipeline(Granularity.MONTH, 1, today=AS_OF)
        (cell,) = report.cells
        assert cell.deals == 4
        return cell.commit, cell.best_case, cell.pipeline

    half = weighted_amount(Decimal(20_000), 50)
    assert january() == (Decimal("18000.00"), 3 * half, Decimal("0.00"))
    crm.settings.set_use_model_probability(True)
    model = crm.win_probability.model_probabilities(as_of=AS_OF)
    assert model is not None
    cards = {c.title: c for col in crm.pipeline.board(today=AS_OF, model=model).columns
             for c in col.cards}  # fmt: skip
    commit, best_case, pipeline = january()
    assert commit == Decimal("18000.00")  # set by hand: 90 %
    assert best_case == sum(
        (cards[t].weighted for t in ("open 0", "open 3")), Decimal(0)
    )  # referrals, > 65 %
    assert pipeline == cards["open 1"].weighted  # the trade fair, < 35 %
