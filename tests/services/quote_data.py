"""Products, categories and price lists on top of the service dataset, for the quote tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sms_desktop.persistence import models as m
from sms_desktop.persistence.db import Database

D = Decimal


@dataclass(frozen=True)
class Catalogue:
    office: int  # category
    services: int  # category
    desk: int  # 1,000.00, cost 700, office
    chair: int  # 300.00, cost 240, office
    install: int  # 500.00 service, 6 %, no cost


def add_catalogue(db: Database, *, huaxia: int, today: date) -> Catalogue:
    with db.write() as s:
        office = m.ProductCategory(name_zh="办公家具", name_en="Office furniture")
        services = m.ProductCategory(name_zh="服务", name_en="Services")
        s.add_all([office, services])
        s.flush()
        desk = m.Product(
            sku="DK-100",
            name_zh="办公桌",
            name_en="Office desk",
            unit="张",
            category_id=office.id,
            list_price=D("1000.00"),
            cost=D("700.00"),
            tax_rate=D("13"),
        )
        chair = m.Product(
            sku="CH-200",
            name_zh="办公椅",
            name_en="Office chair",
            unit="把",
            category_id=office.id,
            list_price=D("300.00"),
            cost=D("240.00"),
            tax_rate=D("13"),
        )
        install = m.Product(
            sku="SV-900",
            name_zh="安装服务",
            name_en="Installation",
            unit="次",
            category_id=services.id,
            list_price=D("500.00"),
            cost=D("0.00"),
            tax_rate=D("6"),
        )
        s.add_all([desk, chair, install])
        s.flush()
        tier_a = m.PriceList(name="A类价", customer_tier="A", valid_from=date(today.year - 1, 1, 1))
        mine = m.PriceList(name="华夏合同价", customer_id=huaxia)
        s.add_all([tier_a, mine])
        s.flush()
        s.add_all(
            [
                m.PriceRule(
                    price_list_id=tier_a.id, category_id=office.id, discount_percent=D("5")
                ),
                m.PriceRule(
                    price_list_id=tier_a.id,
                    product_id=chair.id,
                    min_quantity=D("10"),
                    discount_percent=D("10"),
                ),
                m.PriceRule(price_list_id=mine.id, product_id=desk.id, fixed_price=D("900.00")),
            ]
        )
        s.execute(m.Setting.__table__.delete().where(m.Setting.key.startswith("defaults.")))
        return Catalogue(office.id, services.id, desk.id, chair.id, install.id)
