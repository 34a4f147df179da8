"""A record's dimension and element in its form, when the plan's framework does not know them.

A form must never clear what it cannot show (a form saved unchanged writes nothing): an element
the laptop's framework file lacks (the region's file not copied here, or a `reframe` that kept
the dimension but not the element) is listed as "(elemen tidak dikenal: xyz)" and stays chosen,
so the officer sees it and may pick another. A record outside the framework (a dimension
`reframe` did not place) gets a Dimensi field, showing "(di luar kerangka: branding)" until
the officer chooses one of the framework's dimensions, which moves it. For a record inside the
framework with a known element, nothing of this shows: its form is as it always was.
"""

from __future__ import annotations

from textual.widgets import Select

from ...i18n import t
from ...model.framework import Dimension, Framework


def element_options(dimension: Dimension, current: str, lang: str) -> list[tuple[str, str]]:
    """The dimension's elements, and the stored one too when the dimension does not have it."""
    options = [(e.label(lang), e.key) for e in dimension.elements]
    if current and dimension.element(current) is None:
        options.append((t("frame.form.unknown_element", lang, value=current), current))
    return options


def outside(framework: Framework, pillar: str) -> bool:
    return pillar not in framework.keys


def dimension_select(framework: Framework, pillar: str, lang: str) -> Select[str]:
    """The choice of dimension for a record outside the framework: its own key first, as it is
    (kept when nothing else is chosen), then the framework's dimensions."""
    options = [(t("frame.form.outside_dimension", lang, value=pillar), pillar)]
    options += [(f"{d.number} {d.label(lang)}", d.key) for d in framework.dimensions]
    return Select(options, value=pillar, allow_blank=False, id="dimension", compact=True)
