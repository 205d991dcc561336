"""Pages are cut in the query; page numbers from clients are clamped."""

from portal_app.core.paging import Page, PageNumber, PageRequest


def test_clamp_and_cut():
    assert PageRequest.clamp("x", None) == PageRequest(1, 25)
    assert PageRequest.clamp(-3, 1000) == PageRequest(1, 100)
    assert PageRequest(3, 10).offset == 20 and PageRequest(3, 10).fetch == 11
    page = Page.cut(list(range(11)), PageRequest(2, 10))
    assert page.items == tuple(range(10)) and page.has_next and page.has_previous
    assert not Page.cut([1], PageRequest(1, 10)).has_next


def test_page_numbers_from_clients():
    assert PageNumber().parse("3") == 3
    assert PageNumber().parse("1e9") == 1 and PageNumber().parse(10**9) == 10_000
