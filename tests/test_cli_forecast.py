"""sms-desktop forecast: orders imported through the importer, forecast as of a day."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sms_desktop.cli import main

SEASON = (100, 80, 120, 90, 110, 130, 150, 140, 100, 90, 160, 200)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """Three years of monthly orders with an exact yearly season, imported from a CSV."""
    path = tmp_path / "shop.sqlite3"
    assert main(["init", "--db", str(path), "--company", "明达贸易", "--owner", "王明"]) == 0
    rows = ["订单号,下单日期,客户名称,产品名称,数量,单价"]
    for i in range(36):
        year, month = 2021 + i // 12, i % 12 + 1
        rows.append(f"SO-{i:04d},{year}-{month:02d}-15,华夏科技,咨询服务,{SEASON[i % 12]},10")
    orders = tmp_path / "orders.csv"
    orders.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["import", "orders", str(orders), "--db", str(path), "--create-missing"]) == 0
    return path


def test_json_shape(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["forecast", "--db", str(shop), "--as-of", "2024-01-20", "--horizon", "3"]
    assert main([*args, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["model"] == "seasonal_naive"
    assert document["backtest_wape"] == 0.0
    assert document["baseline_wape"] == 0.0
    assert document["interval"] == 0.8
    assert {"model", "wape"} <= set(document["candidates"][0])
    assert document["periods"] == [
        {"period": p, "forecast": f, "low": f, "high": f, "pipeline_weighted": "0.00"}
        for p, f in (("2024-01", "1000.00"), ("2024-02", "800.00"), ("2024-03", "1200.00"))
    ]


def test_as_of_and_csv_and_table(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["forecast", "--db", str(shop), "--by", "quarter", "--horizon", "2"]
    assert main([*args, "--as-of", "2023-08-01", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "period,forecast,low,high,pipeline_weighted"
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["2023-Q3", "3900.00"],
        ["2023-Q4", "4500.00"],
    ]
    assert main(["--lang", "zh_CN", *args, "--as-of", "2023-08-01", "--metric", "orders"]) == 0
    out = capsys.readouterr().out
    assert "2023-Q3" in out and "回测" in out


def test_no_history_and_unknown_names(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["forecast", "--db", str(shop), "--as-of", "2020-05-01"]) == 1
    assert "There is no history to forecast from." in capsys.readouterr().err
    assert main(["--lang", "zh_CN", "forecast", "--db", str(shop), "--owner", "无名"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sms-desktop: ") and "无名" in err and len(err.splitlines()) == 1
    with pytest.raises(SystemExit) as usage:
        main(["forecast", "--db", str(shop), "--horizon", "19"])
    assert usage.value.code == 2
