"""Beyond axe on the payment pages: the checkbox filters work from the keyboard, and no page
asks another site for anything. (Reflow at 320 px: tests/a11y/test_layout.py.)"""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from accessibility.matrix import PAYMENT_LOCATION

pytestmark = pytest.mark.browser


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
