"""Input that cannot be a query at all (bytes that are not UTF-8) is a 400, not a guess."""
from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import request


def search_input_is_valid() -> bool:
    """False when the query string holds bytes that are not valid UTF-8 (e.g. ``q=%FF``)."""
    for pair in request.query_string.split(b"&"):
        try:
            unquote_to_bytes(pair.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
