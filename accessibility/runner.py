"""Runs axe-core 4 (the npm-pinned file) in Debian's Chromium through Selenium.

axe-selenium-python 2.1.6 bundles axe-core 3.1 (2018); we always inject the pinned current file
through ``script_url``. Used by tests/a11y and by ``flask a11y audit``.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = json.dumps({"runOnly": {"type": "tag", "values": TAGS},
                          "resultTypes": ["violations"]})
CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1280,1024", "--lang=en-US")


def missing_requirements() -> list[str]:
    missing = []
    if not shutil.which("chromium"):
        missing.append("chromium (apt-get install chromium)")
    if not shutil.which("chromedriver"):
        missing.append("chromedriver (apt-get install chromium-driver)")
    if not AXE_JS.exists():
        missing.append(f"{AXE_JS} (cd accessibility && npm ci)")
    return missing


def start_browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


class AxeRunner:
    def __init__(self, driver: webdriver.Chrome):
        self.driver = driver
        self.axe = Axe(driver, script_url=str(AXE_JS))

    def audit(self, url: str) -> list[dict]:
        """Load ``url`` and return axe's violations (an empty list is a pass)."""
        self.driver.get(url)
        self.axe.inject()
        version = self.driver.execute_script("return axe.version")
        if not str(version).startswith("4."):
            raise RuntimeError(f"expected axe-core 4, got {version}")
        return self.axe.run(options=AXE_OPTIONS)["violations"]

    def report(self, violations: list[dict]) -> str:
        return self.axe.report(violations)
