"""Headless-Chromium screenshots of pages, to look at what we built.

    .venv/bin/python -m accessibility.screenshots http://127.0.0.1:5000 /en/ /ja/search?q=住民票
Writes screenshots/<path>-<width>.png at 1280 and 320 CSS px (full page height).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .runner import start_browser

WIDTHS = (1280, 320)


def main(base: str, paths: list[str], out: Path = Path("screenshots")) -> None:
    out.mkdir(exist_ok=True)
    driver = start_browser()
    try:
        for path in paths:
            for width in WIDTHS:
                driver.set_window_size(width, 900)
                driver.get(base + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(height, 6000))
                name = re.sub(r"[^A-Za-z0-9]+", "_", path).strip("_") or "root"
                target = out / f"{name}-{width}.png"
                driver.save_screenshot(str(target))
                print(target)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
