"""Unit names as people write them (SPEC §7): derived forms, folded, still exact."""

from __future__ import annotations

import pytest

from ipr_rules.model.ruleset import Ruleset
from ipr_rules.unitnames import derived_forms


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("官渡区市场监督管理局", "区市场监管局"),
        ("昆明市官渡区市场监督管理局", "区市场监管局"),
        ("官渡区司法局", "区司法局"),
        ("昆明市官渡区司法局", "区司法局"),
        ("官渡区税务局", "区税务局"),
        ("国家税务总局官渡区税务局", "区税务局"),
        ("昆明市官渡区委宣传部", "区委宣传部"),
        ("公安局官渡分局", "市公安官渡分局"),
        ("区 司法局", "区司法局"),  # a space from a hard wrap
        ("区司\u3000法局", "区司法局"),  # an ideographic space
        ("区司\u200b法局", "区司法局"),  # a zero-width space (named by invalid-report)
        ("\u00a0区法院\u00a0", "区法院"),  # no-break spaces pasted around it
    ],
)
def test_forms_that_follow_from_a_registered_name_resolve(written: str, canonical: str, ruleset: Ruleset) -> None:
    unit = ruleset.registry.lookup(written)
    assert unit is not None and unit.name == canonical


@pytest.mark.parametrize(
    "written", ["区市场监督局", "官渡区司法所", "区\u2f42化和旅游局", "区市场监督管\uf9e4局", "区", ""]
)
def test_near_misses_and_look_alikes_are_not_taken_for_a_unit(written: str, ruleset: Ruleset) -> None:
    assert ruleset.registry.lookup(written) is None


def test_the_exact_lookup_the_ruleset_uses_is_unchanged(ruleset: Ruleset) -> None:
    assert ruleset.registry.resolve("官渡区司法局") is None
    assert ruleset.registry.resolve("区司法局") is not None


def test_derived_forms_swap_the_place_words() -> None:
    assert derived_forms("区司法局") == {"区司法局", "官渡区司法局", "昆明市官渡区司法局"}
    assert derived_forms("昆明市公安局官渡分局") == {"昆明市公安局官渡分局", "公安局官渡分局"}
    assert derived_forms("国资委") == {"国资委"}


def test_a_form_two_units_could_share_is_left_out() -> None:
    from ipr_rules.unitnames import NameIndex

    index = NameIndex([("区财政局", "甲"), ("官渡区财政局", "乙")])
    assert index.lookup("官渡区财政局") == "乙", "a registered name wins over a derived one"
    shared = NameIndex([("区审计局", "甲"), ("官渡区审计局机关", "乙"), ("昆明市官渡区审计局", "丙")])
    assert shared.lookup("官渡区审计局") is None, "derived from two units' names: neither"


@pytest.mark.parametrize(
    ("written", "first"),
    [
        ("官渡区司法所", ["区司法局"]),
        ("区市场监督局", ["区市场监管局"]),
        ("区文广局", ["区文化和旅游局"]),
        ("区发改局", ["区发展改革局"]),
        ("区知识产权局", []),
    ],
)
def test_suggestions_rank_by_the_name_without_its_place_words(written: str, first: list[str], ruleset: Ruleset) -> None:
    assert ruleset.registry.index.closest(written) == first


def test_a_look_alike_is_found_only_for_suggesting(ruleset: Ruleset) -> None:
    assert ruleset.registry.index.look_alike("区\u2f42化和旅游局") == "区文化和旅游局"
