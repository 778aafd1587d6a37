"""Search latency at 10,000 procedures × 10 locales, against a LIKE '%…%' scan baseline.

    .venv/bin/python benchmarks/search.py            # SQLite (and PostgreSQL if TEST_DATABASE_URL)

Builds a throw-away database: the 2,972 real survey names plus synthetic names made from their
parts, a text in each of the ten locales (so 100,000 search documents), indexed by the real
index code. Then runs a fixed query set through ``search.find`` (the service the pages and the
API call, including loading the result rows) and through the naive baseline: ``LIKE '%term%'``
on the translations of the same locales, one page of ids. Prints p50/p95/p99 in milliseconds and
the baseline/search ratio measured in the same run.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import func, insert, select, text  # noqa: E402

from portal import create_app  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.i18n import CODES, content_chain  # noqa: E402
from portal.models import Procedure, ProcedureTranslation  # noqa: E402
from portal.services import catalog, search  # noqa: E402
from portal.services.demo import read_survey  # noqa: E402

SIZE = 10_000
REPEAT = 30
QUERIES = [("住民票", "ja"), ("じゅうみんひょう", "ja"), ("ｼﾞｭｳﾐﾝﾋｮｳ", "ja"), ("住民票　写し", "ja"),
           ("ようかいご", "ja"), ("りさい", "ja"), ("転出届", "ja"), ("申請", "ja"), ("犬", "ja"),
           ("届出 変更", "ja"), ("residence certificate", "en"), ("child allowance", "en"),
           ("certificate", "en"), ("住民票", "vi"), ("ca", "en"), ("保険", "ko"),
           ("介護保険 交付", "ja-easy"), ("notification", "en"), ("税", "zh-hans"), ("registro", "fil")]
# English names are built from a plain-English vocabulary of the kind our procedure names use;
# the other locales get words made of their own scripts, so each language's documents share
# words with each other, as real translations do, not with English.
WORDS_EN = ("certificate notification application registration allowance permit insurance tax "
            "child residence change renewal report card address family register birth death "
            "marriage divorce pension health care nursery school vaccination dog waste bicycle "
            "parking housing building business licence permit subsidy refund payment exemption "
            "disability elderly support benefit medical expenses moving seal income property "
            "vehicle road park library facility copy request consultation assistance loan").split()
SCRIPTS = {"zh-hans": "申请证明书登记变更住所户籍婴儿出生死亡结婚离婚年金健康保险护理育儿学校税金车辆道路",
           "zh-hant": "申請證明書登記變更住所戶籍嬰兒出生死亡結婚離婚年金健康保險照護育兒學校稅金車輛道路",
           "ko": "신청증명서등록변경주소가족출생사망결혼이혼연금건강보험간호육아학교세금차량도로",
           "vi": "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ",
           "fil": "abkdeghilmnoprstuwy",
           "ne": "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
           "th": "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"}


def synthetic_words(rng: random.Random, code: str, n: int) -> str:
    if code == "en":
        return " ".join(rng.sample(WORDS_EN, n))
    letters = SCRIPTS[code]
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(2, 6)))
                    for _ in range(n))


def build(app) -> None:
    random.seed(7)
    names = [row["name_ja"] for row in read_survey()]
    with app.app_context():
        upgrade()
        procs, texts = [], []
        for i in range(SIZE):
            base = names[i % len(names)]
            ja = base if i < len(names) else f"{random.choice(names)[:12]}{random.choice(names)[-10:]}"
            procs.append({"id": i + 1, "slug": f"p{i}", "status": "published",
                          "online_status": "none", "usage_count": random.randint(0, 10_000),
                          "version": 1, "online_channel": "", "online_url": "",
                          "online_form_a11y_level": "", "counter_available": True,
                          "post_available": False, "cashless_payable": False,
                          "identity_verification": "", "legal_basis": "",
                          "national_online_status": ""})
            for code in CODES:
                name = ja if code in ("ja", "ja-easy") else synthetic_words(
                    random, code, random.randint(2, 5))
                texts.append({"procedure_id": i + 1, "locale": code, "name": name,
                              "summary": "", "eligibility": "", "how_to_apply": "",
                              "documents": "", "fee_text": "", "processing_time": "",
                              "notes": ""})
        db.session.execute(insert(Procedure), procs)
        db.session.execute(insert(ProcedureTranslation), texts)
        db.session.commit()
        started = time.perf_counter()
        documents = search.rebuild()  # also ANALYZEs on PostgreSQL
        print(f"  indexed {documents:,} documents in {time.perf_counter() - started:.1f} s")


def like_baseline(q: str, locale: str) -> list[int]:
    stmt = select(ProcedureTranslation.procedure_id).where(
        ProcedureTranslation.locale.in_(content_chain(locale)))
    for term in q.split():
        stmt = stmt.where(ProcedureTranslation.name.like(f"%{term}%"))
    ids = db.session.scalars(stmt.distinct().limit(20)).all()
    db.session.scalar(select(func.count()).select_from(stmt.distinct().subquery()))
    return ids


def timed(fn, *args) -> list[float]:
    fn(*args)  # warm up
    out = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return q[49], q[94], q[98]


def run(label: str, app) -> None:
    print(f"\n{label}: {SIZE:,} procedures × {len(CODES)} locales")
    build(app)
    with app.app_context():
        found, base = [], []
        print(f"  {'query':24} {'locale':8} {'matches':>8} {'search p50':>11} {'LIKE p50':>9}")
        for q, locale in QUERIES:
            one = timed(lambda: search.find(catalog.Filters(q=q), locale))
            naive = timed(like_baseline, q, locale)
            total = search.find(catalog.Filters(q=q), locale).total
            print(f"  {q:24} {locale:8} {total:8,} {statistics.median(one):11.2f} "
                  f"{statistics.median(naive):9.2f}")
            found += one
            base += naive
        s, b = percentiles(found), percentiles(base)
        print(f"  {'':22} {'p50':>8} {'p95':>8} {'p99':>8}   (ms, {len(QUERIES)} queries × {REPEAT})")
        print(f"  {'search.find':22} {s[0]:8.2f} {s[1]:8.2f} {s[2]:8.2f}")
        print(f"  {'LIKE %…% baseline':22} {b[0]:8.2f} {b[1]:8.2f} {b[2]:8.2f}")
        print(f"  {'ratio baseline/search':22} {b[0] / s[0]:8.1f} {b[1] / s[1]:8.1f} {b[2] / s[2]:8.1f}")
        db.session.remove()
        db.engine.dispose()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite (FTS5 trigram)", create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/b.db"}))
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url:
        url = url.replace("postgresql://", "postgresql+psycopg://", 1)
        from sqlalchemy import create_engine
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("CREATE SCHEMA IF NOT EXISTS extensions"))
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions"))
            conn.execute(text("DROP SCHEMA IF EXISTS portal_bench CASCADE"))
            conn.execute(text("CREATE SCHEMA portal_bench"))
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SQLALCHEMY_ENGINE_OPTIONS": {
            "connect_args": {"options": "-csearch_path=portal_bench,extensions"}}})
        run("PostgreSQL (pg_trgm GIN)", app)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA portal_bench CASCADE"))
        engine.dispose()
    else:
        print("\nPostgreSQL: skipped (set TEST_DATABASE_URL to measure it)")


if __name__ == "__main__":
    main()
