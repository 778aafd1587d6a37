"""Adding a route without adding it to the accessibility matrix fails here."""
from accessibility.matrix import NOT_PAGES, endpoints_covered


def test_every_route_is_in_the_page_matrix(app):
    routes = {rule.endpoint for rule in app.url_map.iter_rules()}
    missing = routes - endpoints_covered() - set(NOT_PAGES)
    assert not missing, f"add these routes to accessibility/matrix.py: {sorted(missing)}"


def test_matrix_names_only_real_routes(app):
    routes = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints_covered() <= routes
    assert set(NOT_PAGES) <= routes
