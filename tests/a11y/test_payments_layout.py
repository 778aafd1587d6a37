"""Beyond axe on the payment pages: reflow at 320 CSS px with the 1.4.12 text spacing, the
checkbox filters reachable by keyboard, and no request to another site."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.matrix import FULL_RECORD, PAYMENT_LOCATION
from tests.a11y.test_layout import TEXT_SPACING

pytestmark = pytest.mark.browser
PAGES = ["/en/payments", f"/vi/payments/{PAYMENT_LOCATION}",
         "/ja/payments?fee=certificates&category=credit-card&access=written_communication",
         "/ne/payments?brand=no-such-card", f"/fil/procedures/{FULL_RECORD}"]


@pytest.fixture()
def narrow(browser):
    browser.set_window_size(320, 800)
    yield browser
    browser.set_window_size(1280, 1024)


@pytest.mark.parametrize("path", PAGES)
def test_payment_pages_reflow_at_320px_with_text_spacing(narrow, live_server, path):
    narrow.get(live_server + path)
    width = narrow.execute_script("return document.documentElement.clientWidth")
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= width
    narrow.execute_script(TEXT_SPACING)
    assert narrow.execute_script("return document.documentElement.scrollWidth") <= width


def test_checkbox_filters_work_from_the_keyboard(browser, live_server):
    browser.get(live_server + "/en/payments")
    box = browser.find_element(By.ID, "category-0")
    box.send_keys(Keys.SPACE)
    assert box.is_selected()
    browser.find_element(By.ID, "access-0").send_keys(Keys.SPACE)
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "category=" in d.current_url)
    assert "category=credit-card" in browser.current_url
    assert "access=wheelchair_accessible" in browser.current_url
    heading = browser.find_element(By.ID, "results-heading").text
    assert heading.endswith("locations found")
    assert browser.find_element(By.ID, "category-0").is_selected()  # answers kept


def test_location_page_loads_nothing_from_other_sites(browser, live_server):
    browser.get(live_server + f"/en/payments/{PAYMENT_LOCATION}")
    urls = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls and all(u.startswith(live_server) for u in urls), urls
