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

from dataclasses import dataclass, field, replace

from sqlalchemy import Select, and_, case, column, func, or_, select, table, text
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
    close_matches: bool = False  # no exact match: these share most of the query's trigrams
    reasons: dict = field(default_factory=dict)


def _locales(locale: str) -> tuple[str, ...]:
    chain = content_chain(locale)
    return chain if "ja" in chain else (*chain, "ja")


def _contains(column, term: str) -> ColumnElement:
    return func.instr(column, term) > 0 if db.engine.dialect.name == "sqlite" else \
        func.strpos(column, term) > 0


_FTS = table("search_fts", column("rowid"))
_FTS_CHARS = table("search_fts_chars", column("rowid"))


def _phrase(term: str) -> str:
    """A term as an FTS5 phrase: quoted (quotes doubled), so nothing a resident types is read as
    FTS syntax (NEAR, OR, -, *, column filters…)."""
    return '"' + term.replace('"', '""') + '"'


def _from_index(terms: list[str]):
    """Where the matching documents come from, and the conditions that use the engine's index.

    SQLite: the FTS5 table drives the join — trigram index for terms of 3+ characters, the
    per-character index for shorter ones. PostgreSQL: LIKE '%term%' answered by the pg_trgm GIN
    index (terms under 3 characters are checked on the rows the other conditions leave)."""
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    if db.engine.dialect.name != "sqlite":
        return SearchDocument.__table__, [SearchDocument.haystack.like("%" + t + "%")
                                          for t in long_terms] + [
            _contains(SearchDocument.haystack, t) for t in short_terms]
    if long_terms:
        source = _FTS.join(SearchDocument, SearchDocument.id == _FTS.c.rowid)
        match = text("search_fts MATCH :fts").bindparams(
            fts=" AND ".join(_phrase(t) for t in long_terms))
        return source, [match, *(_contains(SearchDocument.haystack, t) for t in short_terms)]
    source = _FTS_CHARS.join(SearchDocument, SearchDocument.id == _FTS_CHARS.c.rowid)
    match = text("search_fts_chars MATCH :fts").bindparams(
        fts=" AND ".join(_phrase(" ".join(t)) for t in short_terms))
    return source, [match]


def _unindexed(column):
    """On SQLite, a column wrapped so the planner cannot use its index: the FTS table must drive
    the join, or the virtual table is searched once per candidate row."""
    if db.engine.dialect.name == "sqlite":
        return column + 0 if column.type.python_type is int else column.concat("")
    return column


def _rank(terms: list[str]) -> ColumnElement:
    whole = "".join(terms)
    in_name = and_(*(or_(_contains(SearchDocument.name, t), _contains(SearchDocument.reading, t))
                     for t in terms))
    return case(
        (or_(SearchDocument.name == whole, SearchDocument.reading == whole), 0),
        (or_(SearchDocument.name.startswith(terms[0], autoescape=True),
             SearchDocument.reading.startswith(terms[0], autoescape=True)), 1),
        (in_name, 2),
        else_=3)


def _matching(terms: list[str], locale: str, filters: catalog.Filters) -> Select:
    """(procedure_id, best rank) for published procedures matching every term."""
    source, conditions = _from_index(terms)
    conditions.append(_unindexed(SearchDocument.locale).in_(_locales(locale)))
    procedures = catalog._apply_filters(catalog._published(), filters, locale)
    return (select(SearchDocument.procedure_id, func.min(_rank(terms)).label("rank"),
                   func.min(func.length(SearchDocument.name)).label("name_length"))
            .select_from(source)
            .where(*conditions, _unindexed(SearchDocument.procedure_id).in_(procedures))
            .group_by(SearchDocument.procedure_id))


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
    # One pass over the index: every match with its rank, sorted here (a second COUNT query
    # would search the index again).
    matching = _matching(terms, locale, filters).subquery()
    rows = db.session.execute(
        select(matching.c.procedure_id, matching.c.rank, matching.c.name_length,
               Procedure.usage_count)
        .join(Procedure, Procedure.id == matching.c.procedure_id)).all()
    rows.sort(key=lambda r: (r.rank, -r.usage_count, r.name_length, r.procedure_id))
    total = len(rows)
    rows = rows[(page - 1) * per_page: page * per_page]
    close = False
    ids = [r[0] for r in rows]
    reasons = {r[0]: r[1] for r in rows}
    if total == 0:
        close_ids = _close_matches(terms, locale, filters)
        if close_ids:
            close, total = True, len(close_ids)
            ids = close_ids[(page - 1) * per_page: page * per_page]
    loaded = catalog._load(ids, locale)
    return SearchPage([catalog._summary(loaded[i], locale) for i in ids], total, page, per_page,
                      terms=tuple(terms), close_matches=close, reasons=reasons)
