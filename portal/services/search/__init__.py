"""Search: one interface over two real index backends (SQLite FTS5 trigram, PostgreSQL pg_trgm).

- :func:`find` answers the directory, the search page and the API alike;
- :mod:`.index` keeps the index current on every commit and rebuilds it (``flask portal reindex``);
- :mod:`.normalize` and :mod:`.reading` make documents and queries meet in one form.
"""
from .highlight import highlight
from .index import install as install_index_hooks
from .index import rebuild
from .normalize import QUERY_MAX, normalize, terms
from .query import SearchPage, find

__all__ = ["QUERY_MAX", "SearchPage", "find", "highlight", "install_index_hooks", "normalize",
           "rebuild", "terms"]
