"""Finding procedures by what a resident types.

Ranking (best first), for each procedure over its documents in the page's locale and its
fallbacks (always including Japanese):

0. the whole query *is* the name (or its kana reading) — 住民票 finds a procedure called 住民票;
1. the name or reading *starts with* the first term;
2. every term is *in* the name or reading;
3. the terms are found in other fields only (summary, documents, department, law…).

Ties go to the procedure more residents use (the national survey's yearly count), then the
shorter name (the general procedure before its special cases), then id, so results are stable.

Every term must match (AND). Terms of three or more characters use the index (SQLite FTS5
trigram / PostgreSQL pg_trgm); shorter ones are checked within the documents the locale allows.
When nothing matches, :func:`find` tries *close matches* (shared character pairs), for typos.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from sqlalchemy import Select, and_, bindparam, case, column, func, or_, select, table, text
from sqlalchemy.sql import ColumnElement

from ...extensions import db
from ...i18n import content_chain
from ...models import Procedure, PublicationStatus, SearchDocument
from .. import catalog
from .normalize import terms as split_terms

CLOSE_MATCH_MIN = 0.5  # share of the query's character pairs a close match must contain
CLOSE_MATCH_LIMIT = 50  # close matches are suggestions: a short list
CLOSE_MATCH_CANDIDATES = 2000  # documents scored, from the index's best


@dataclass(frozen=True)
class SearchPage(catalog.Page):
    terms: tuple[str, ...] = ()
    close_matches: bool = False  # no exact match: these share most of the query's letter pairs


def _locales(locale: str) -> tuple[str, ...]:
    chain = content_chain(locale)
    return chain if "ja" in chain else (*chain, "ja")


def _contains(column, term) -> ColumnElement:
    return func.instr(column, term) > 0 if db.engine.dialect.name == "sqlite" else \
        func.strpos(column, term) > 0


_FTS = table("search_fts", column("rowid"))
_FTS_CHARS = table("search_fts_chars", column("rowid"))
FILTER_NAMES = ("life_event", "category", "department", "online")


def _phrase(term: str) -> str:
    """A term as an FTS5 phrase: quoted (quotes doubled), so nothing a resident types is read as
    FTS syntax (NEAR, OR, -, *, column filters…)."""
    return '"' + term.replace('"', '""') + '"'


def _unindexed(column, dialect: str):
    """On SQLite, a column wrapped so the planner cannot use its index: the FTS table must drive
    the join, or the virtual table is searched once per candidate row."""
    return column.concat("") if dialect == "sqlite" else column


@lru_cache(maxsize=256)
def _statement(dialect: str, n_long: int, n_short: int, active: tuple[str, ...]) -> Select:
    """(procedure_id, rank, name_length, usage_count) of every published procedure matching
    all terms, for one *shape* of query. Built once per shape with bound parameters, so a
    search compiles nothing (values are bound by :func:`_parameters`).

    SQLite: the FTS5 table drives the join — trigram index for terms of 3+ characters, the
    per-character index when all terms are shorter. PostgreSQL: LIKE '%term%' answered by the
    pg_trgm GIN index; terms under 3 characters are checked on the rows that remain."""
    long_terms = [bindparam(f"l{i}") for i in range(n_long)]
    short_terms = [bindparam(f"s{i}") for i in range(n_short)]
    doc = SearchDocument
    if dialect == "sqlite" and n_long:
        source = _FTS.join(doc, doc.id == _FTS.c.rowid)
        conditions = [text("search_fts MATCH :fts"), *(_contains(doc.haystack, t) for t in short_terms)]
    elif dialect == "sqlite":
        source = _FTS_CHARS.join(doc, doc.id == _FTS_CHARS.c.rowid)
        conditions = [text("search_fts_chars MATCH :fts")]
    else:
        source = doc.__table__
        conditions = [doc.haystack.like(bindparam(f"lp{i}")) for i in range(n_long)]
        conditions += [_contains(doc.haystack, t) for t in short_terms]
    conditions.append(_unindexed(doc.locale, dialect).in_(bindparam("locales", expanding=True)))
    conditions.append(Procedure.status == PublicationStatus.PUBLISHED)
    every = [*long_terms, *short_terms]
    rank = case(
        (or_(doc.name == bindparam("whole"), doc.reading == bindparam("whole")), 0),
        (or_(doc.name.like(bindparam("prefix")), doc.reading.like(bindparam("prefix"))), 1),
        (and_(*(or_(_contains(doc.name, t), _contains(doc.reading, t)) for t in every)), 2),
        else_=3)
    stmt = (select(doc.procedure_id, func.min(rank).label("rank"),
                   func.min(func.length(doc.name)).label("name_length"),
                   func.max(Procedure.usage_count).label("usage_count"))
            .select_from(source.join(Procedure, Procedure.id == doc.procedure_id))
            .where(*conditions).group_by(doc.procedure_id))
    filters = catalog.Filters(**{name: bindparam(name) for name in active})
    matching = catalog._apply_filters(stmt, filters, "ja").subquery()
    # one page, best first, with the number of all matches alongside (one pass over the index)
    return (select(matching.c.procedure_id, func.count().over().label("total"))
            .order_by(matching.c.rank, matching.c.usage_count.desc(), matching.c.name_length,
                      matching.c.procedure_id)
            .limit(bindparam("limit")).offset(bindparam("offset")))


def _parameters(terms: list[str], locale: str, filters: catalog.Filters, dialect: str) -> dict:
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    params: dict = {"locales": list(_locales(locale)), "whole": "".join(terms),
                    # normalised terms hold no punctuation, so no LIKE wildcard needs escaping
                    "prefix": terms[0] + "%"}
    params.update({f"l{i}": t for i, t in enumerate(long_terms)})
    params.update({f"s{i}": t for i, t in enumerate(short_terms)})
    if dialect == "sqlite":
        params["fts"] = " AND ".join(_phrase(t) for t in long_terms) if long_terms else \
            " AND ".join(_phrase(" ".join(t)) for t in short_terms)
    else:
        params.update({f"lp{i}": f"%{t}%" for i, t in enumerate(long_terms)})
    params.update({name: getattr(filters, name) for name in FILTER_NAMES
                   if getattr(filters, name)})
    return params


def _page_of_matches(terms: list[str], locale: str, filters: catalog.Filters, page: int,
                     per_page: int) -> tuple[list[int], int]:
    """The ids on one page of matches, best first, and how many match in all."""
    dialect = db.engine.dialect.name
    n_long = sum(len(t) >= 3 for t in terms)
    active = tuple(name for name in FILTER_NAMES if getattr(filters, name))
    stmt = _statement(dialect, n_long, len(terms) - n_long, active)
    params = _parameters(terms, locale, filters, dialect)
    params.update(limit=per_page, offset=(page - 1) * per_page)
    # plain rows, no ORM entities: Core execution on the session's connection is cheaper
    rows = db.session.connection().execute(stmt, params).all()
    if not rows and page > 1:  # past the last page: still say how many there are
        params.update(limit=1, offset=0)
        rows = db.session.connection().execute(stmt, params).all()
        return [], rows[0].total if rows else 0
    return [r.procedure_id for r in rows], rows[0].total if rows else 0


def _bigrams(term: str) -> set[str]:
    return {term[i:i + 2] for i in range(len(term) - 1)} if len(term) >= 2 else {term}


def _close_matches(terms: list[str], locale: str, filters: catalog.Filters) -> list[int]:
    """Procedures whose name or reading holds most of the query's character pairs: a typo
    (住民表 for 住民票, certficate for certificate) still finds the procedure. Only runs when
    nothing matched exactly, so a scan of the locale's names is affordable."""
    wanted = set().union(*(_bigrams(t) for t in terms))
    if len(wanted) < 2:
        return []
    procedures = catalog._apply_filters(catalog._published(), filters, locale)
    columns = (SearchDocument.procedure_id, SearchDocument.name, SearchDocument.reading,
               Procedure.usage_count)
    if db.engine.dialect.name == "sqlite":
        # the per-character index finds documents sharing any pair, best (bm25) first
        best = (select(_FTS_CHARS.c.rowid).where(text("search_fts_chars MATCH :pairs").bindparams(
            pairs=" OR ".join(_phrase(" ".join(g)) for g in sorted(wanted))))
            .order_by(text("rank")).limit(CLOSE_MATCH_CANDIDATES).subquery())
        stmt = select(*columns).select_from(best).join(
            SearchDocument, SearchDocument.id == best.c.rowid)
    else:
        names = SearchDocument.name + " " + SearchDocument.reading
        stmt = select(*columns).where(or_(*(_contains(names, g) for g in sorted(wanted))))
    rows = db.session.execute(
        stmt.join(Procedure, Procedure.id == SearchDocument.procedure_id)
        .where(SearchDocument.locale.in_(_locales(locale)),
               SearchDocument.procedure_id.in_(procedures))).all()
    scored: dict[int, tuple[float, int]] = {}
    for pid, name, kana, usage in rows:
        have = _bigrams(name) | _bigrams(kana or "")
        score = len(wanted & have) / len(wanted)
        if score >= CLOSE_MATCH_MIN and score > scored.get(pid, (0.0, 0))[0]:
            scored[pid] = (score, usage)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))
    return [pid for pid, _ in ranked[:CLOSE_MATCH_LIMIT]]


def find(filters: catalog.Filters, locale: str, page: int = 1, per_page: int = 20) -> catalog.Page:
    """Procedures for a directory or search page: by relevance when there is a query, by use
    otherwise. Filters (life event, category, department, online) always apply."""
    terms = split_terms(filters.q)
    if not terms:
        base = catalog.list_procedures(replace(filters, q=""), locale, page, per_page)
        return SearchPage(base.items, base.total, base.page, base.per_page)
    page = max(1, page)
    ids, total = _page_of_matches(terms, locale, filters, page, per_page)
    close = False
    if total == 0:
        close_ids = _close_matches(terms, locale, filters)
        if close_ids:
            close, total = True, len(close_ids)
            ids = close_ids[(page - 1) * per_page: page * per_page]
    return SearchPage(catalog.summaries(ids, locale), total, page, per_page,
                      terms=tuple(terms), close_matches=close)
