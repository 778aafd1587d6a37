"""Rendered public pages, kept per (path, query, content version, city date).

Published content changes rarely and is read often: a page is rendered once and served from the
cache until a staff write bumps the content version (services.site) or the day changes in the
city (some content starts on a date). Per-process LRU by default; Redis when REDIS_URL is set, so
all workers share it. Every cached page carries an ETag; a matching If-None-Match gets a 304.
Pages whose content moves with the clock ("open now") are not cached.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from zoneinfo import ZoneInfo

from flask import Flask, Response, current_app, g, request

CITY_ZONE = ZoneInfo("Asia/Tokyo")
CACHED_ENDPOINTS = {"public.home", "public.procedures", "public.search_page", "public.procedure"}
TTL_SECONDS = 24 * 3600


class LRUCache:
    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class RedisCache:
    def __init__(self, url: str, prefix: str = "portal:page:"):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=0.5)
        self.prefix = prefix

    def get(self, key: str) -> bytes | None:
        try:
            return self.client.get(self.prefix + key)
        except Exception:  # a cache outage must not take pages down: render instead
            current_app.logger.warning("page cache: Redis unavailable")
            return None

    def set(self, key: str, value: bytes) -> None:
        try:
            self.client.set(self.prefix + key, value, ex=TTL_SECONDS)
        except Exception:
            current_app.logger.warning("page cache: Redis unavailable")


def _key() -> str:
    from .services.site import content_version

    today = dt.datetime.now(CITY_ZONE).date().isoformat()
    query = "&".join(sorted(request.query_string.decode("latin-1").split("&")))
    raw = f"{request.path}?{query}|v{content_version()}|{today}"
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def _cacheable() -> bool:
    return request.method in ("GET", "HEAD") and request.endpoint in CACHED_ENDPOINTS


def _serve(body: bytes, etag: str) -> Response:
    response = Response(body, mimetype="text/html")
    response.set_etag(etag)
    response.headers["X-Page-Cache"] = "hit"
    return response.make_conditional(request)


def init_app(app: Flask) -> None:
    size = app.config["PAGE_CACHE_SIZE"]
    if app.config.get("REDIS_URL"):
        cache = RedisCache(app.config["REDIS_URL"])
    elif size > 0:
        cache = LRUCache(size)
    else:
        return  # caching off (tests of rendering use this)
    app.extensions["page_cache"] = cache

    @app.before_request
    def _from_cache():
        if not _cacheable():
            return None
        g.page_cache_key = _key()
        body = cache.get(g.page_cache_key)
        return _serve(body, g.page_cache_key[:32]) if body is not None else None

    @app.after_request
    def _to_cache(response: Response) -> Response:
        key = g.get("page_cache_key")
        if key and response.status_code == 200 and "X-Page-Cache" not in response.headers:
            cache.set(key, response.get_data())
            response.set_etag(key[:32])
            response = response.make_conditional(request)
        if key:
            response.headers["Cache-Control"] = "no-cache"  # revalidate with the ETag
        return response
