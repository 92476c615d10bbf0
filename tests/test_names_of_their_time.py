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


def test_no_platform_and_no_cma_before_june_2014():
    """Serval to MINUSMA opens in June 2013, a year before the Platform was formed in Algiers
    (14 June 2014) and before the northern movements went to the talks as the CMA."""
    june_2014 = 2014 * 12 + 5
    assert short("platform", "fr", JUNE_2013) == "Loyalistes" and short("cma", "en", JUNE_2013) == "MNLA-HCUA"
    assert short("platform", "fr", june_2014) == "Plateforme" and short("cma", "fr", june_2014) == "CMA"
    assert describe("strength.platform", "en", JUNE_2013) == "strength of the pro-government militias (the Platform from June 2014)"
    assert "MNLA, HCUA et MAA" in describe("relation.government.cma", "fr", JUNE_2013)
    assert "Plateforme" not in describe("relation.cma.platform", "fr", JUNE_2013).split("(")[0]


def test_the_serval_web_names_no_platform_in_2013(tmp_path):
    from ui_support import make_app

    from game.content.loader import levels_root

    app = make_app(tmp_path / "data", "1024x600", "fr", 3)
    assert app.start_game(str(levels_root() / "serval-to-minusma"), seed=1)
    app.view.command("tab", "web")
    words = " ".join(r.text for r in app.draw().texts)
    assert "Loyalistes" in words and "MNLA-HCUA" in words
    assert "Plateforme" not in words and "CMA" not in words


def test_the_agreement_is_ouagadougou_s_before_algiers_was_signed():
    """'Mise en œuvre de l'Accord 5' in June 2013 named the Algiers Agreement of 2015."""
    assert describe("politics.implementation", "fr", JUNE_2013) == "mise en œuvre de l'accord de Ouagadougou"
    assert describe("politics.implementation", "en", JUNE_2015) == "implementation of the agreement"
