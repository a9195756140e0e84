"""The views' own table layout is tabulate's "simple" format, character for character."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
import tabulate
import wcwidth
from hypothesis import given, settings
from hypothesis import strategies as st

from ipr_rules.i18n import LANGS
from ipr_rules.model.ruleset import Ruleset
from ipr_rules.views import catalog, tables
from ipr_rules.views.metrics import metrics_table


def by_tabulate(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int | None] | None) -> str:
    return tabulate.tabulate(
        rows,
        headers=list(headers),
        tablefmt="simple",
        maxcolwidths=list(widths) if widths else None,
        disable_numparse=True,
    )


def test_every_width_known_here_is_wcwidths() -> None:
    for first, last, width in tables._WIDTHS:
        for code in range(first, last + 1):
            assert wcwidth.wcwidth(chr(code)) == width, hex(code)


def test_a_character_of_unknown_width_is_left_to_tabulate() -> None:
    assert tables.display_width("한국") is None
    assert tables.display_width("a\tb") is None
    assert tables._simple_table(["a"], [["\x1b[31mred"]], None) is None
    assert tables.table(["a"], [["한국"]]) == by_tabulate(["a"], [["한국"]], None)


@pytest.mark.parametrize("lang", LANGS)
def test_the_views_tables_are_tabulates(ruleset: Ruleset, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    own = tables.table

    def recording(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, widths: Any = None) -> str:
        calls.append((headers, rows, widths))
        assert tables._simple_table(list(headers), [list(r) for r in rows], list(widths) if widths else None)
        return own(headers, rows, widths=widths)

    monkeypatch.setattr(tables, "table", recording)
    catalog.tasks_table(ruleset, None, lang)  # type: ignore[arg-type]
    catalog.units_table(ruleset, lang)  # type: ignore[arg-type]
    metrics_table(ruleset, lang)  # type: ignore[arg-type]
    for unit in ruleset.registry.units:
        catalog.tasks_table(ruleset, unit, lang)  # type: ignore[arg-type]
    assert len(calls) == 3 + len(ruleset.registry.units)
    for headers, rows, widths in calls:
        assert own(headers, rows, widths=widths) == by_tabulate(headers, rows, widths)


ALPHABET = st.sampled_from(
    [*"ab xyz-,.1234\n\n“”…—·（）：、。中文侵权假冒打击ＡＢ１２\u3000", "True", "False", "1,234"]
)
CELL = st.lists(ALPHABET, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda columns: st.tuples(
            st.lists(CELL, min_size=columns, max_size=columns),
            st.lists(st.lists(CELL, min_size=columns, max_size=columns), max_size=5),
            st.one_of(
                st.none(),
                st.lists(
                    st.one_of(st.none(), st.integers(min_value=2, max_value=12)), min_size=columns, max_size=columns
                ),
            ),
        )
    )
)
def test_any_table_of_known_characters_is_laid_out_as_tabulate_does(
    table: tuple[list[str], list[list[str]], list[int | None] | None],
) -> None:
    headers, rows, widths = table
    try:
        expected = by_tabulate(headers, rows, widths)
    except ValueError:  # tabulate reads some wrapped cells as numbers, and fails on them: left to it
        with pytest.raises(ValueError):
            tables.table(headers, rows, widths=widths)
        return
    assert tables.table(headers, rows, widths=widths) == expected
