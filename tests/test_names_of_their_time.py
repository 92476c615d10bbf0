"""Actors carry the names of their time: no JNIM before March 2017, no ISGS before May 2015."""

from __future__ import annotations

from game.i18n import actor_name, describe
from game.ui.strings import short

JUNE_2015 = 2015 * 12 + 5
JUNE_2017 = 2017 * 12 + 5
JUNE_2013 = 2013 * 12 + 5


def test_no_jnim_before_march_2017():
    assert "JNIM" not in short("jnim", "en", JUNE_2015)
    assert short("jnim", "en", JUNE_2017) == "JNIM"
    assert describe("strength.jnim", "en", JUNE_2015).startswith("strength of Ansar Dine")
    assert "JNIM" in describe("strength.jnim", "en", JUNE_2017)
    assert describe("relation.cma.jnim", "fr", JUNE_2015).startswith("relation CMA – Ansar Dine")


def test_no_isgs_before_may_2015():
    assert short("isgs", "fr", JUNE_2013) == "MUJAO"
    assert actor_name("isgs", "en", JUNE_2015) == "ISGS"
    assert describe("violence.gao", "en", JUNE_2013) == "violence in Gao"  # places keep their names
