"""Public pages are rendered once per content version and then served from the cache (per
process, or Redis when configured), with ETags and 304s; a content write makes them fresh."""
from __future__ import annotations

import pytest

from portal.extensions import db
from portal.services import site
from tests.fixtures.app import make_app


@pytest.fixture()
def cached_app(app):
    """The demo database, served by an app with the in-process cache on."""
    return make_app(app.config["SQLALCHEMY_DATABASE_URI"], PAGE_CACHE_SIZE=64)


def test_second_request_is_served_from_the_cache(cached_app):
    client = cached_app.test_client()
    first = client.get("/en/procedures?life_event=moving")
    second = client.get("/en/procedures?life_event=moving")
    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first.headers and second.headers["X-Page-Cache"] == "hit"
    assert first.data == second.data
    assert second.headers["Content-Security-Policy"]  # headers still added on a hit
    assert second.headers["ETag"] == first.headers["ETag"]


def test_etag_gives_304(cached_app):
    client = cached_app.test_client()
    etag = client.get("/ja/").headers["ETag"]
    again = client.get("/ja/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""


def test_a_content_write_makes_pages_fresh(cached_app):
    client = cached_app.test_client()
    before = client.get("/ko/search?q=住民票")
    with cached_app.app_context():
        site.bump_content_version()
        db.session.commit()
    after = client.get("/ko/search?q=住民票")
    assert "X-Page-Cache" not in after.headers
    assert after.headers["ETag"] != before.headers["ETag"]


def test_pages_that_move_with_the_clock_are_not_cached(cached_app):
    client = cached_app.test_client()
    client.get("/en/payments")
    assert "X-Page-Cache" not in client.get("/en/payments").headers


def test_errors_are_not_cached(cached_app):
    client = cached_app.test_client()
    client.get("/en/procedures/nope")
    assert "X-Page-Cache" not in client.get("/en/procedures/nope").headers


@pytest.mark.redis
def test_redis_cache_is_shared_between_app_instances(app, redis_url):
    import redis

    redis.Redis.from_url(redis_url).delete(*redis.Redis.from_url(redis_url).keys(
        "portal:page:*") or ["none"])
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    worker_a = make_app(url, REDIS_URL=redis_url).test_client()
    worker_b = make_app(url, REDIS_URL=redis_url).test_client()
    rendered = worker_a.get("/th/procedures/residence-certificate-copy")
    shared = worker_b.get("/th/procedures/residence-certificate-copy")
    assert "X-Page-Cache" not in rendered.headers and shared.headers["X-Page-Cache"] == "hit"
    assert rendered.data == shared.data


def test_redis_outage_falls_back_to_rendering(app):
    client = make_app(app.config["SQLALCHEMY_DATABASE_URI"],
                      REDIS_URL="redis://127.0.0.1:1/0").test_client()
    response = client.get("/en/")
    assert response.status_code == 200 and b"<h1>" in response.data
