"""The forecast workbook (#16): the periods as shown (forecast, 80 % interval, weighted
pipeline, target), the backtest's error by horizon of the chosen method and of the
seasonal-naive baseline, and past forecasts against what happened.

Amounts are the stored ``Decimal`` figures written as numbers with a money format; the
document has its own language (the word pairs below), whatever the interface's is.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sms_desktop.domain.forecast import SeriesForecast
from sms_desktop.domain.i18n import Message
from sms_desktop.domain.palette import Colour
from sms_desktop.reporting.charts import is_chinese
from sms_desktop.reporting.excel import FORMULA_PREFIXES, clean_text, sanitize_sheet_title
from sms_desktop.reporting.files import Progress, atomic_output
from sms_desktop.services.forecast_snapshots import PastForecast
from sms_desktop.services.pipeline_forecast import Together

MONEY_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0"

_WORDS: dict[str, tuple[str, str]] = {
    "sheet_forecast": ("预测", "Forecast"),
    "sheet_accuracy": ("回测误差", "Backtest error"),
    "sheet_past": ("预测与实际", "Forecast vs actual"),
    "period": ("期间", "Period"),
    "forecast": ("预测", "Forecast"),
    "low": ("下限 (80%)", "Low (80 %)"),
    "high": ("上限 (80%)", "High (80 %)"),
    "pipeline": ("加权商机", "Weighted pipeline"),
    "target": ("目标", "Target"),
    "method": ("方法", "Method"),
    "horizon": ("提前期数", "Horizon"),
    "wape": ("WAPE %", "WAPE %"),
    "mape": ("MAPE %", "MAPE %"),
    "count": ("比较次数", "Forecasts compared"),
    "chosen": ("所选方法", "Chosen method"),
    "baseline": ("基准（季节性朴素）", "Baseline (seasonal naive)"),
    "coverage": ("80% 区间回测覆盖率 %", "Backtest coverage of the 80 % interval, %"),
    "made_in": ("预测月份", "Made in"),
    "ahead": ("提前期数", "Periods ahead"),
    "actual": ("实际", "Actual"),
    "error": ("误差 %", "Error %"),
    "inside": ("在区间内", "Inside the interval"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}


def word(key: str, language: str) -> str:
    zh, en = _WORDS[key]
    return zh if is_chinese(language) else en


@dataclass(frozen=True, slots=True)
class ForecastWorkbook:
    """What the workbook holds; ``title`` and the method names come translated."""

    title: str
    money: bool
    result: SeriesForecast
    method_names: dict[str, str]  # Method value → its name in the document's language
    together: Together
    past: Sequence[PastForecast] = ()


def write_forecast_workbook(
    path: Path, book: ForecastWorkbook, *, language: str, progress: Progress | None = None
) -> None:
    """Write ``book`` to ``path`` (replaced whole, or left untouched on error)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    def w(key: str) -> str:
        return word(key, language)

    amount = MONEY_FORMAT if book.money else COUNT_FORMAT
    wb = Workbook()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=Colour.TABLE_HEADER.rgb)

    def sheet(
        ws: Any,
        title: str,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        formats: Sequence[str | None],
    ) -> None:
        ws.title = sanitize_sheet_title(title)
        ws.append([_text(book.title)])
        ws["A1"].font = Font(bold=True, size=13)
        _as_strings(ws[1])
        ws.append([])
        ws.append([_text(h) for h in header])
        for cell in ws[3]:
            cell.font, cell.fill = bold, fill
        for row in rows:
            ws.append([_text(v) if isinstance(v, str) else v for v in row])
            _as_strings(ws[ws.max_row])
            for cell, fmt in zip(ws[ws.max_row], formats, strict=False):
                if fmt is not None and cell.value is not None:
                    cell.number_format = fmt
        ws.freeze_panes = "A4"
        for index, head in enumerate(header):
            letter = ws.cell(row=3, column=index + 1).column_letter
            ws.column_dimensions[letter].width = max(12, min(40, len(head) * 1.6 + 2))

    result = book.result
    rows = [
        (r.label, r.forecast, r.low, r.high, r.pipeline_weighted, r.target)
        for r in book.together.rows
    ]
    sheet(
        wb.active,
        w("sheet_forecast"),
        [w("period"), w("forecast"), w("low"), w("high"), w("pipeline"), w("target")],
        rows,
        [None, amount, amount, amount, MONEY_FORMAT, amount],
    )
    summary = wb.active
    summary.append([])
    for key, value in (
        ("chosen", book.method_names.get(result.method.value, "") if result.method else ""),
        ("wape", _round(result.backtest_wape)),
        ("baseline", _round(result.baseline_wape)),
        ("coverage", None if result.coverage is None else round(100 * result.coverage, 1)),
    ):
        summary.append([_text(w(key)), _text(value) if isinstance(value, str) else value])
        _as_strings(summary[summary.max_row])
    if progress is not None:
        progress(1, 3)

    accuracy: list[tuple[Any, ...]] = []
    shown = [c for c in result.candidates if c.method in (result.method, result.baseline)]
    for candidate in shown:
        name = book.method_names.get(candidate.method.value, candidate.method.value)
        for e in candidate.by_horizon:
            accuracy.append((name, e.horizon, _round(e.wape), _round(e.mape), e.count))
    sheet(
        wb.create_sheet(),
        w("sheet_accuracy"),
        [w("method"), w("horizon"), w("wape"), w("mape"), w("count")],
        accuracy,
        [None, COUNT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, COUNT_FORMAT],
    )
    if progress is not None:
        progress(2, 3)

    past = [
        (
            p.made_in.strftime("%Y-%m"),
            p.label,
            p.ahead,
            p.forecast,
            p.low,
            p.high,
            p.actual,
            p.error_percent,
            None if p.inside is None else w("yes") if p.inside else w("no"),
        )
        for p in book.past
    ]
    sheet(
        wb.create_sheet(),
        w("sheet_past"),
        [
            w("made_in"),
            w("period"),
            w("ahead"),
            w("forecast"),
            w("low"),
            w("high"),
            w("actual"),
            w("error"),
            w("inside"),
        ],
        past,
        [None, None, COUNT_FORMAT, amount, amount, amount, amount, "0.00", None],
    )
    with atomic_output(path) as temporary, temporary.open("xb") as out:
        wb.save(out)
        out.flush()
        os.fsync(out.fileno())
    if progress is not None:
        progress(3, 3)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _text(value: str | Message) -> str:
    return clean_text(str(value))


def _as_strings(row: Any) -> None:
    """Text cells stay text: a name starting with ``=`` is never read as a formula."""
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
            cell.data_type = "s"
