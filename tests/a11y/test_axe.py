"""The accessibility gate: axe-core 4 in Debian's Chromium on every page of the matrix, in every
locale, against a real server. Zero violations; the root element's lang matches the locale."""
from __future__ import annotations

import pytest

from accessibility.matrix import all_urls
from portal.i18n import BY_CODE

pytestmark = pytest.mark.browser
MATRIX = all_urls()


@pytest.mark.parametrize("locale,case,url", MATRIX, ids=[f"{c.name}-{loc}" for loc, c, _ in MATRIX])
def test_no_axe_violations(axe, live_server, locale, case, url):
    if not case.localized:  # its locale is negotiated: forget the one remembered from earlier pages
        axe.driver.get(live_server + "/static/portal.css")
        axe.driver.delete_all_cookies()
    violations = axe.audit(live_server + url)
    assert violations == [], axe.report(violations)
    lang = axe.driver.execute_script("return document.documentElement.lang")
    assert lang == (BY_CODE[locale].html_lang if case.localized else "en")
