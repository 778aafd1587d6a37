"""The accessibility gate: the page matrix and the axe-core runner (Selenium + Debian Chromium)."""
