"""Beyond axe: reflow at 320 CSS px (1.4.10), text spacing (1.4.12), keyboard order and visible
focus (2.1.1, 2.4.3, 2.4.7) on the main page types."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from accessibility.matrix import FULL_RECORD, PAYMENT_LOCATION

pytestmark = pytest.mark.browser
PAGES = ["/ja/", "/en/procedures?life_event=moving", f"/vi/procedures/{FULL_RECORD}",
         "/ne/procedures?life_event=bad", "/th/procedures/missing", "/ko/search?q=じゅうみんひょう",
         "/en/payments", f"/vi/payments/{PAYMENT_LOCATION}",
         "/ja/payments?fee=certificates&category=credit-card&access=written_communication",
         "/ne/payments?brand=no-such-card", f"/fil/procedures/{FULL_RECORD}"]
TEXT_SPACING = """
var s = document.createElement('style');
s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
  + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
document.head.appendChild(s);
"""


@pytest.fixture()
def narrow(browser):
    browser.set_window_size(320, 800)
    yield browser
    browser.set_window_size(1280, 1024)


@pytest.mark.parametrize("path", PAGES)
def test_reflows_at_320px_with_text_spacing(narrow, live_server, path):
    narrow.get(live_server + path)
    width = narrow.execute_script("return document.documentElement.clientWidth")
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= width
    narrow.execute_script(TEXT_SPACING)
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("path", PAGES[:3])
def test_keyboard_reaches_every_control_with_visible_focus(browser, live_server, path):
    browser.get(live_server + path)
    interactive = browser.execute_script(
        "return Array.from(document.querySelectorAll('a[href], button, input, select, textarea'))"
        ".filter(e => e.offsetParent !== null || e.getClientRects().length).length")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    first = browser.switch_to.active_element
    assert "skip-link" in first.get_attribute("class")
    reached = set()
    for _ in range(interactive + 5):
        el = browser.switch_to.active_element
        if el.tag_name == "body":  # tabbed past the last control
            break
        key = el.get_attribute("outerHTML")[:200] + (el.get_attribute("id") or "")
        reached.add(key)
        visible = browser.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
            " || s.boxShadow !== 'none';", el)
        assert visible, f"no visible focus on {el.tag_name}: {el.text!r}"
        el.send_keys(Keys.TAB)
    # radios in one group are one tab stop, so the count may be a little lower
    assert len(reached) >= interactive - 3


def test_skip_link_moves_focus_to_main(browser, live_server):
    browser.get(live_server + "/en/procedures")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "main"
