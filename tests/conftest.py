"""Fixtures live in small modules under tests/fixtures/."""
pytest_plugins = ["tests.fixtures.app", "tests.fixtures.db", "tests.fixtures.browser"]
