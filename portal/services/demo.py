"""Loads the demo: the Digital Agency survey's resident-facing applications as procedures, plus
hand-written full records for the most-used ones. Idempotent: running it again updates in place.

Everything loaded here is demo data and the site says so on every page (services.site.is_demo).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..extensions import db
from ..models import (Category, CategoryTranslation, Department, DepartmentTranslation, LifeEvent,
                      LifeEventTranslation, OnlineStatus, Procedure, ProcedureTranslation,
                      PublicationStatus)
from . import demo_payments, site
from .search import index as search_index
from .terms import upsert_terms

DATA = Path(__file__).resolve().parent.parent / "demo_data"
SURVEY = DATA / "national_survey_resident_to_local.csv"
FEATURED = DATA / "featured_procedures.json"
TAXONOMY = DATA / "taxonomy.json"
DEMO_VERIFIED_ON = dt.date(2025, 7, 29)  # the survey's publication date

# Category by keywords in the law name (first match wins), then by ministry.
CATEGORY_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mynumber", ("行政手続における特定の個人を識別するための番号",)),
    ("registry", ("住民基本台帳", "戸籍", "出入国管理", "入管特例", "外国人登録")),
    ("elections", ("選挙", "政治資金", "直接請求", "地方自治法")),
    ("taxes", ("税",)),
    ("insurance-pension", ("国民健康保険", "国民年金", "高齢者の医療", "健康保険", "年金")),
    ("welfare-care", ("介護", "障害", "生活保護", "老人福祉", "福祉", "被爆者", "手当", "戦傷病者",
                      "援護", "困窮")),
    ("children-education", ("児童", "子ども", "こども", "母子", "保育", "学校", "教育", "就学",
                            "幼稚園", "奨学")),
    ("environment", ("廃棄物", "狂犬病", "動物", "環境", "騒音", "振動", "悪臭", "大気", "水質",
                     "土壌", "浄化槽", "墓地", "鳥獣", "リサイクル", "再資源", "温泉")),
    ("safety", ("災害", "消防", "銃砲", "火薬", "防災", "危険物", "警備", "風俗", "遺失物", "古物",
                "石油")),
    ("health", ("医療", "医師", "薬", "麻薬", "覚醒剤", "感染症", "予防接種", "食品", "衛生", "健康",
                "栄養", "検疫", "理容", "美容", "旅館", "興行場", "公衆浴場", "精神保健", "難病",
                "臓器", "毒物", "大麻")),
    ("roads-transport", ("道路", "自動車", "駐車", "河川", "港湾", "航空", "鉄道", "運送", "交通",
                         "海岸", "船")),
    ("housing-planning", ("建築", "都市", "土地", "住宅", "宅地", "景観", "区画", "マンション",
                          "公園", "下水道", "水道", "不動産", "農地", "屋外広告", "密集", "空家")),
    ("business", ("農", "林", "漁", "森林", "商", "工業", "中小企業", "労働", "職業", "雇用", "電気",
                  "ガス", "酒", "家畜", "種苗", "肥料", "計量", "牧")),
)
MINISTRY_CATEGORY = {
    "こども家庭庁": "children-education", "文部科学省": "children-education",
    "農林水産省": "business", "経済産業省": "business", "環境省": "environment",
    "国家公安委員会・警察庁": "safety", "国土交通省": "housing-planning", "総務省": "other",
    "厚生労働省": "welfare-care", "法務省": "registry",
}
CATEGORY_DEPARTMENT = {
    "registry": "family-register", "mynumber": "family-register", "taxes": "taxation",
    "insurance-pension": "insurance-pension", "children-education": "child-support",
    "welfare-care": "welfare", "health": "public-health", "housing-planning": "building",
    "environment": "environment", "safety": "disaster", "elections": "elections",
    "business": "industry", "roads-transport": "roads", "other": "general-affairs",
}
# Finer department choices inside a category, by keyword in the law or procedure name.
DEPARTMENT_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("elderly-care", ("介護", "老人", "高齢者")),
    ("disability", ("障害", "特別児童扶養")),
    ("education", ("学校", "教育", "就学", "奨学")),
    ("urban-planning", ("都市計画", "都市再生", "景観", "区画整理", "土地", "密集")),
)
NATIONAL_ONLINE = {"1": OnlineStatus.FULL, "5": OnlineStatus.PARTIAL}


@dataclass
class LoadReport:
    procedures: int
    created: int
    featured: int


def _code(value: str) -> str:
    """'4 本人確認書類の提示・提出; 6 本人確認不要' → '4;6'"""
    return ";".join(part.strip().split(" ")[0] for part in value.split(";") if part.strip())


def category_for(row: dict) -> str:
    text = row["law_name"] + row["name_ja"]
    for slug, words in CATEGORY_RULES:
        if any(w in text for w in words):
            return slug
    return MINISTRY_CATEGORY.get(row["ministry"], "other")


def department_for(row: dict, category: str) -> str:
    if category in ("welfare-care", "children-education", "housing-planning",
                    "insurance-pension"):
        text = row["law_name"] + row["name_ja"]
        for slug, words in DEPARTMENT_RULES:
            if any(w in text for w in words):
                return slug
    return CATEGORY_DEPARTMENT[category]


def read_survey() -> list[dict]:
    with SURVEY.open(encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f) if r["procedure_type"].startswith("1 ")]


def load_demo() -> LoadReport:
    """Load (or refresh) the demo data in one transaction."""
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    events = upsert_terms(LifeEvent, LifeEventTranslation, taxonomy["life_events"])
    cats = upsert_terms(Category, CategoryTranslation, taxonomy["categories"])
    depts = upsert_terms(Department, DepartmentTranslation, taxonomy["departments"])
    tag_to_event = {e["survey_tag"]: events[e["slug"]] for e in taxonomy["life_events"]}
    featured = {}
    if FEATURED.exists():
        featured = {f["survey_id"]: f for f in
                    json.loads(FEATURED.read_text(encoding="utf-8"))["procedures"]}

    existing = {p.national_survey_id: p for p in db.session.scalars(
        select(Procedure).where(Procedure.national_survey_id.is_not(None)))}
    created = 0
    rows = read_survey()
    for row in rows:
        sid = row["procedure_id"]
        proc = existing.get(sid)
        if proc is None:
            proc = Procedure(national_survey_id=sid, slug=f"survey-{sid}")
            db.session.add(proc)
            created += 1
        category = category_for(row)
        feature = featured.get(sid)
        _apply_survey(proc, row, category, depts, cats, tag_to_event)
        if feature:
            _apply_featured(proc, feature, depts)
        else:
            _set_text(proc, "ja", {"name": row["name_ja"]})
    demo_payments.load_payment_locations()  # facilities, counters and cashless payment methods
    site.set_demo(True)
    site.bump_content_version()
    db.session.commit()
    search_index.analyze()
    return LoadReport(procedures=len(rows), created=created, featured=len(featured))


def _apply_survey(proc, row, category, depts, cats, tag_to_event) -> None:
    status = row["online_status_national"].split(" ")[0]
    proc.online_status = NATIONAL_ONLINE.get(status, OnlineStatus.NONE)
    proc.national_online_status = status
    proc.online_channel = row["info_system_application"][:100] if proc.online_status != \
        OnlineStatus.NONE and "マイナポータル" in row["info_system_application"] else ""
    proc.online_url = "https://myna.go.jp/" if proc.online_channel else ""
    proc.counter_available = True
    proc.fee_required = {"1": False, "2": True}.get(row["fee"].split(" ")[0])
    proc.identity_verification = _code(row["identity_verification"])
    proc.legal_basis = f"{row['law_name']} {row['article']}".strip()[:300]
    proc.usage_count = int(row["total_count"] or 0)
    proc.last_verified_on = DEMO_VERIFIED_ON
    proc.status = PublicationStatus.PUBLISHED
    proc.department = depts[department_for(row, category)]
    proc.categories = [cats[category]]
    tags = {t.strip() for t in row["life_events_individual"].split(";")}
    proc.life_events = [event for tag, event in tag_to_event.items() if tag in tags]


def _apply_featured(proc, feature: dict, depts) -> None:
    proc.slug = feature["slug"]
    proc.online_status = OnlineStatus(feature["online_status"])
    proc.online_channel = feature.get("online_channel", "")
    proc.online_url = feature.get("online_url", "")
    proc.counter_available = bool(feature.get("counter", True))
    proc.post_available = bool(feature.get("post", False))
    proc.fee_amount = feature.get("fee_amount_yen")
    if proc.fee_amount:
        proc.fee_required = True
    proc.cashless_payable = bool(feature.get("cashless_payable", False))
    by_name = {t.name: d for d in depts.values() for t in d.translations if t.locale == "ja"}
    if feature.get("department_ja") in by_name:
        proc.department = by_name[feature["department_ja"]]
    for locale, texts in feature["text"].items():
        values = dict(texts)
        if locale == "ja" and feature.get("processing_time_ja"):
            values["processing_time"] = feature["processing_time_ja"]
        _set_text(proc, locale, values)


def _set_text(proc: Procedure, locale: str, values: dict) -> None:
    current = next((t for t in proc.translations if t.locale == locale), None)
    if current is None:
        current = ProcedureTranslation(locale=locale, name=values.get("name", ""))
        proc.translations.append(current)
    for key, value in values.items():
        setattr(current, key, value or "")
