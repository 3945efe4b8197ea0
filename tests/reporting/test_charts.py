"""Funnel chart: Chinese and English render without missing glyphs, no-data figures, saving."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
import warnings
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
import pytest
from matplotlib import font_manager
from matplotlib.figure import Figure

from sms_desktop.reporting.charts import FunnelLabels, funnel_figure, is_chinese, save_figure
from sms_desktop.reporting.fonts import (
    chart_rc,
    cjk_font_path,
    font_families,
    register_matplotlib_cjk,
)
from sms_desktop.services.funnel import FunnelReport, LostReasonCount, StageFunnel

ZH = FunnelLabels(
    title="销售漏斗分析",
    reached="到达各阶段的商机",
    conversion="转化到下一阶段",
    won="赢单",
    win_rate="赢率",
    lost_reasons="输单原因",
    deals="商机数",
    no_reason="未填写原因",
    no_data="所选期间没有商机",
)
EN = FunnelLabels(
    title="Sales funnel",
    reached="Deals reaching each stage",
    conversion="conversion to the next stage",
    won="Won",
    win_rate="Win rate",
    lost_reasons="Lost reasons",
    deals="Deals",
    no_reason="No reason given",
    no_data="No deals in this period",
)


def stage(index: int, zh: str, en: str, reached: int, conversion: str | None) -> StageFunnel:
    return StageFunnel(
        stage_id=index,
        key=f"s{index}",
        name_zh=zh,
        name_en=en,
        reached=reached,
        conversion_to_next=None if conversion is None else Decimal(conversion),
        average_days_in_stage=Decimal("3.5"),
    )


def make_report(**changes: Any) -> FunnelReport:
    values: dict[str, Any] = {
        "period_from": date(2026, 1, 1),
        "period_to": date(2026, 3, 31),
        "owner_id": None,
        "stages": (
            stage(1, "线索", "Lead", 120, "75.0"),
            stage(2, "初步接洽", "Qualified", 90, "66.7"),
            # User data that looks like mathtext must stay plain text.
            stage(3, "需求分析 $x$", "Needs $analysis$", 60, "50.0"),
            stage(4, "方案报价", "Proposal", 30, "33.3"),
            stage(5, "商务谈判（关键客户专用长名称阶段）", "Negotiation", 10, None),
        ),
        "created": 120,
        "won": 7,
        "lost": 40,
        "win_rate": Decimal("14.9"),
        "won_amount": Decimal("123456.78"),
        "average_deal_size": Decimal("17636.68"),
        "average_cycle_days": Decimal("41.2"),
        "lost_reasons": (
            LostReasonCount(1, "价格太高", "Price too high", 25, Decimal("90000.00")),
            LostReasonCount(2, "选择了竞争对手", "Chose a competitor", 10, Decimal("5000.00")),
            LostReasonCount(None, "", "", 5, Decimal("100.00")),
        ),
    }
    values.update(changes)
    return FunnelReport(**values)


EMPTY = make_report(
    created=0,
    won=0,
    lost=0,
    win_rate=None,
    won_amount=Decimal("0.00"),
    average_deal_size=None,
    average_cycle_days=None,
    stages=tuple(StageFunnel(i, f"s{i}", "线索", "Lead", 0, None, None) for i in range(1, 4)),
    lost_reasons=(),
)


@pytest.fixture(autouse=True)
def _only_bundled_fonts() -> Iterator[None]:
    """Hide the system's fonts from matplotlib, as on a machine without any CJK font.

    This machine has WenQuanYi installed system-wide too; without this, a chart would render
    Chinese even if the bundled font were never registered.
    """
    register_matplotlib_cjk()
    manager = font_manager.fontManager
    own = Path(matplotlib.get_data_path()).resolve()
    bundled = cjk_font_path().resolve()
    everything = manager.ttflist
    manager.ttflist = [
        f
        for f in everything
        if Path(f.fname).resolve() == bundled or Path(f.fname).resolve().is_relative_to(own)
    ]
    manager._findfont_cached.cache_clear()
    try:
        yield
    finally:
        manager.ttflist = everything
        manager._findfont_cached.cache_clear()


def render_strictly(fig: Figure, fmt: str, caplog: pytest.LogCaptureFixture) -> bytes:
    """Render with every warning an error, and no matplotlib font complaint in the log."""
    buffer = io.BytesIO()
    with caplog.at_level(logging.WARNING), warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buffer, format=fmt)
    # mathtext reports missing glyphs through logging ("… does not have a glyph …"), and the
    # font manager its fallbacks ("findfont: …"): both mean a wrong rendering.
    complaints = [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")]
    assert complaints == []
    return buffer.getvalue()


def texts(fig: Figure) -> list[str]:
    found = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    return [t for t in found if isinstance(t, str) and t]


# ------------------------------------------------------------------------------- fonts


def test_the_bundled_font_registers_once_as_a_fallback_after_the_default() -> None:
    assert cjk_font_path().is_file()
    assert register_matplotlib_cjk() == "WenQuanYi Micro Hei"
    registered = len(font_manager.fontManager.ttflist)
    assert register_matplotlib_cjk() == "WenQuanYi Micro Hei"
    assert len(font_manager.fontManager.ttflist) == registered
    assert font_families() == [*matplotlib.rcParams["font.family"], "WenQuanYi Micro Hei"]
    found = font_manager.findfont(font_manager.FontProperties(family="WenQuanYi Micro Hei"))
    assert Path(found) == cjk_font_path()


def test_building_a_chart_leaves_the_global_rc_params_alone() -> None:
    before = dict(matplotlib.rcParams)
    funnel_figure(make_report(), language="zh_CN", labels=ZH)
    with chart_rc():
        pass
    assert dict(matplotlib.rcParams) == before


# ------------------------------------------------------------------------------ charts


@pytest.mark.parametrize(("language", "labels"), [("zh_CN", ZH), ("en", EN)])
def test_the_funnel_renders_without_missing_glyphs(
    language: str, labels: FunnelLabels, caplog: pytest.LogCaptureFixture
) -> None:
    fig = funnel_figure(make_report(), language=language, labels=labels)
    png = render_strictly(fig, "png", caplog)
    assert png.startswith(b"\x89PNG")
    shown = texts(fig)
    assert labels.title + "\n2026-01-01 – 2026-03-31    " + labels.win_rate + ": 14.9%" in shown
    assert {labels.reached, labels.lost_reasons, labels.won, labels.no_reason} <= set(shown)
    assert {"120", "↓ 75.0%", "↓ 33.3%", "25", f"↓ {labels.conversion}"} <= set(shown)
    if language == "zh_CN":
        assert {"线索", "需求分析 $x$", "价格太高"} <= set(shown)
        assert "商务谈判（关键客户专用…" in shown  # cut to 24 cells: 11 wide characters and …
    else:
        assert {"Lead", "Needs $analysis$", "Price too high"} <= set(shown)
    assert len(fig.axes) == 2


def test_chinese_text_really_needs_the_fallback() -> None:
    """The check above is meaningful: without the fallback, matplotlib does warn."""
    fig = Figure()
    fig.text(0.5, 0.5, "销售漏斗", family="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    assert any("missing from font" in str(w.message) for w in caught)


def test_an_empty_period_draws_a_no_data_figure(caplog: pytest.LogCaptureFixture) -> None:
    fig = funnel_figure(EMPTY, language="zh_CN", labels=ZH)
    render_strictly(fig, "png", caplog)
    assert len(fig.axes) == 1
    assert not fig.axes[0].axison
    assert ZH.no_data in texts(fig)
    assert ZH.reached not in texts(fig)


def test_deals_without_lost_ones_say_so_beside_the_funnel(
    caplog: pytest.LogCaptureFixture,
) -> None:
    report = make_report(lost=0, win_rate=Decimal("100.0"), lost_reasons=())
    fig = funnel_figure(report, language="en", labels=EN)
    render_strictly(fig, "png", caplog)
    assert len(fig.axes) == 2
    assert EN.no_data in texts(fig)


def test_a_funnel_where_nobody_got_past_the_first_stage_renders(
    caplog: pytest.LogCaptureFixture,
) -> None:
    report = make_report(
        created=3,
        won=0,
        lost=0,
        win_rate=None,
        stages=(stage(1, "线索", "Lead", 0, None),),
        lost_reasons=(),
    )
    render_strictly(funnel_figure(report, language="zh", labels=ZH), "png", caplog)


def test_languages() -> None:
    assert is_chinese("zh_CN") and is_chinese("zh-Hans") and is_chinese("ZH")
    assert not is_chinese("en") and not is_chinese("en_US") and not is_chinese("")


# ------------------------------------------------------------------------------ saving


@pytest.mark.parametrize(
    ("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF-")]
)
def test_save_figure_writes_each_format(tmp_path: Path, fmt: Any, magic: bytes) -> None:
    target = tmp_path / f"漏斗.{fmt}"
    target.write_bytes(b"old")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        save_figure(funnel_figure(make_report(), language="zh_CN", labels=ZH), target, fmt)
    data = target.read_bytes()
    assert data.startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary left
    if fmt == "svg":
        assert b"<text" not in data  # glyphs are paths: no font needed to view it
    if fmt == "pdf":
        # The CJK font is embedded as TrueType (Type 42 → /FontFile2), subset, beside DejaVu.
        assert b"WenQuanYi" in data
        assert b"DejaVu" in data
        assert b"/FontFile2" in data


def test_save_figure_refuses_other_formats(tmp_path: Path) -> None:
    fig = funnel_figure(EMPTY, language="en", labels=EN)
    with pytest.raises(ValueError, match="jpeg"):
        save_figure(fig, tmp_path / "x.jpeg", "jpeg")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_charts_import_matplotlib_lazily_and_never_pyplot(tmp_path: Path) -> None:
    script = f"""
import sys
import sms_desktop.reporting.charts as charts
import sms_desktop.reporting.funnel_export
assert "matplotlib" not in sys.modules, "imported at module level"
from tests.reporting.test_charts import ZH, make_report
fig = charts.funnel_figure(make_report(), language="zh_CN", labels=ZH)
charts.save_figure(fig, __import__("pathlib").Path({str(tmp_path / "a.png")!r}), "png")
assert "matplotlib.pyplot" not in sys.modules, "pyplot imported"
"""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
