"""Short names for finding kinds, shared by the document renderers: each kind's module holds
its own (`LABEL`)."""

from __future__ import annotations

from ipr_rules.checks import BY_KIND
from ipr_rules.i18n import Lang


def kind_label(kind: str, lang: Lang) -> str:
    """The kind's short name; a kind without one shows as its id."""
    rule = BY_KIND.get(kind)
    return rule.label.render(lang) if rule else kind
