import pytest

from sms_desktop.domain.enums import DocumentLanguage
from sms_desktop.domain.print_language import printed_description, product_name_in, unit_in

ZH, EN, BOTH = DocumentLanguage.ZH_CN, DocumentLanguage.EN, DocumentLanguage.BILINGUAL


@pytest.mark.parametrize(
    ("unit", "language", "printed"),
    [
        ("台", EN, "unit"),
        ("个", EN, "pc"),
        ("次", EN, "time"),
        ("台", ZH, "台"),
        ("台", BOTH, "台 unit"),
        ("pcs", EN, "pcs"),  # typed in English: printed as typed
        ("托盘", EN, "托盘"),  # a unit with no English name stays as typed
    ],
)
def test_units_print_in_the_document_language(
    unit: str, language: DocumentLanguage, printed: str
) -> None:
    assert unit_in(unit, language) == printed


def test_a_product_name_in_each_language_falls_back_to_the_other() -> None:
    assert product_name_in("服务器", "Server", EN) == "Server"
    assert product_name_in("服务器", "Server", ZH) == "服务器"
    assert product_name_in("服务器", "Server", BOTH) == "服务器 Server"
    assert product_name_in("服务器", "", EN) == "服务器"
    assert product_name_in("", "Server", ZH) == "Server"
    assert product_name_in("Server", "Server", BOTH) == "Server"


def test_a_line_with_its_products_name_follows_the_language_and_written_text_stays() -> None:
    for carried in ("服务器", "Server", "服务器 Server"):
        assert printed_description(carried, "服务器", "Server", EN) == "Server"
        assert printed_description(carried, "服务器", "Server", ZH) == "服务器"
        assert printed_description(carried, "服务器", "Server", BOTH) == "服务器 Server"
    written = "服务器（含三年上门保修）"
    assert printed_description(written, "服务器", "Server", EN) == written
