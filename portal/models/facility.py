"""Facilities (公共施設), their counters (窓口) and the cashless payment methods each counter
accepts, for which fees and since when.

A facility carries the fields of the 自治体標準オープンデータセット 公共施設一覧 (the Digital Agency's
standard public-facility list): names, address parts, coordinates, contact, opening days and
hours, and the barrier-free yes/no fields. Text that residents read in their own language lives in
:class:`FacilityTranslation` and :class:`CounterTranslation`; brand names are not translated (they
keep their official spelling in every locale).
"""
from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (Boolean, Column, Date, DateTime, Float, ForeignKey, Integer, SmallInteger,
                        String, Table, Text, Time, UniqueConstraint, func)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .procedure import PublicationStatus, _enum
from .taxonomy import Department, _Term


class PaymentCategory(enum.StrEnum):
    CREDIT_CARD = "credit-card"  # クレジットカード
    E_MONEY = "e-money"  # 電子マネー・交通系IC
    QR_CODE = "qr-code"  # 二次元コード（QRコード）決済


class FacilityKind(enum.StrEnum):
    """施設分類 (an extension column of our open data; the standard has none)."""

    WARD_OFFICE = "ward-office"
    REGIONAL_CENTRE = "regional-centre"
    LIBRARY = "library"
    HEALTH_CENTRE = "health-centre"
    SPORTS = "sports"
    CULTURE = "culture"
    MUSEUM = "museum"
    PARK = "park"
    OTHER = "other"


# The standard's barrier-free yes/no fields, in the standard's order: (attribute, standard name).
BARRIER_FREE_FIELDS: tuple[tuple[str, str], ...] = (
    ("wheelchair_accessible", "車椅子可"),
    ("wheelchair_rental", "車椅子貸出"),
    ("cane_rental", "ツエ貸出"),
    ("multipurpose_toilet", "多目的トイレ"),
    ("step_free", "スロープ、エレベータ、エスカレータ"),
    ("tactile_paving", "点字ブロック等の移動支援"),
    ("braille_or_audio", "点字や読上による支援"),
    ("assistance_dogs", "盲導犬・介助犬・聴導犬同伴"),
    ("captions", "字幕"),
    ("written_communication", "筆談対応"),
    ("priority_parking", "優先駐車場"),
    ("ostomate_toilet", "オストメイト対応トイレ"),
    ("nursing_room", "授乳室"),
    ("baby_changing", "おむつ替えコーナー"),
    ("food_allowed", "飲食可否"),
    ("stroller_rental", "ベビーカー貸出"),
    ("stroller_allowed", "ベビーカー利用"),
)
BARRIER_FREE = tuple(attr for attr, _name in BARRIER_FREE_FIELDS)

# Day codes of FacilityHours.day: Monday … Sunday as in datetime.weekday(), then public holidays.
HOLIDAY = 7


counter_fee_scope = Table(
    "counter_fee_scope", db.metadata,
    Column("counter_id", ForeignKey("counter.id", ondelete="CASCADE"), primary_key=True),
    Column("fee_scope_id", ForeignKey("fee_scope.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)
# Procedures whose fee can be paid cashless at a counter.
procedure_counter = Table(
    "procedure_counter", db.metadata,
    Column("procedure_id", ForeignKey("procedure.id", ondelete="CASCADE"), primary_key=True),
    Column("counter_id", ForeignKey("counter.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Area(_Term, db.Model):
    """The ward's five districts (品川・大崎・大井・荏原・八潮地区)."""

    __tablename__ = "area"
    translations: Mapped[list["AreaTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class AreaTranslation(db.Model):
    __tablename__ = "area_translation"
    __table_args__ = (UniqueConstraint("area_id", "locale"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))


class FeeScope(_Term, db.Model):
    """What a counter takes cashless payment for: certificates, taxes, insurance premiums, …"""

    __tablename__ = "fee_scope"
    translations: Mapped[list["FeeScopeTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class FeeScopeTranslation(db.Model):
    __tablename__ = "fee_scope_translation"
    __table_args__ = (UniqueConstraint("fee_scope_id", "locale"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    fee_scope_id: Mapped[int] = mapped_column(ForeignKey("fee_scope.id", ondelete="CASCADE"))
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))


class PaymentMethod(db.Model):
    """A payment brand (Visa, Suica, PayPay, d払い …) and its category. The name is the brand's
    official spelling, the same in every locale; ``name_lang`` is ``ja`` when it is written in
    Japanese script (so that pages in other languages can mark it with ``lang``)."""

    __tablename__ = "payment_method"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    category: Mapped[PaymentCategory] = mapped_column(
        _enum(PaymentCategory, "payment_category"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    name_lang: Mapped[str] = mapped_column(String(16), default="")
    position: Mapped[int] = mapped_column(default=0)


class Facility(db.Model):
    __tablename__ = "facility"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # ID
    lg_code: Mapped[str] = mapped_column(String(6), default="")  # 全国地方公共団体コード
    lg_name: Mapped[str] = mapped_column(String(60), default="")  # 地方公共団体名
    kind: Mapped[FacilityKind] = mapped_column(_enum(FacilityKind, "facility_kind"),
                                               default=FacilityKind.OTHER, index=True)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), index=True)
    name_kana: Mapped[str] = mapped_column(String(200), default="")  # 名称_カナ
    poi_code: Mapped[str] = mapped_column(String(20), default="")  # POIコード
    external_id_kind: Mapped[str] = mapped_column(String(100), default="")  # 外部識別子
    external_id_value: Mapped[str] = mapped_column(String(100), default="")  # 外部識別子の値
    location_lg_code: Mapped[str] = mapped_column(String(6), default="")  # 所在地_全国地方公共団体コード
    town_id: Mapped[str] = mapped_column(String(20), default="")  # 町字ID
    address_full: Mapped[str] = mapped_column(String(300), default="")  # 所在地_連結表記
    address_prefecture: Mapped[str] = mapped_column(String(20), default="")  # 所在地_都道府県
    address_city: Mapped[str] = mapped_column(String(40), default="")  # 所在地_市区町村
    address_town: Mapped[str] = mapped_column(String(100), default="")  # 所在地_町字
    address_block: Mapped[str] = mapped_column(String(100), default="")  # 所在地_番地以下
    address_building: Mapped[str] = mapped_column(String(200), default="")  # 建物名等（方書）
    latitude: Mapped[float | None] = mapped_column(Float)  # 緯度 (WGS 84)
    longitude: Mapped[float | None] = mapped_column(Float)  # 経度
    altitude_kind: Mapped[str] = mapped_column(String(40), default="")  # 高度の種別
    altitude_value: Mapped[float | None] = mapped_column(Float)  # 高度の値
    phone: Mapped[str] = mapped_column(String(20), default="")  # 電話番号
    extension: Mapped[str] = mapped_column(String(20), default="")  # 内線番号
    email: Mapped[str] = mapped_column(String(200), default="")  # 連絡先メールアドレス
    form_url: Mapped[str] = mapped_column(String(500), default="")  # 連絡先FormURL
    contact_note: Mapped[str] = mapped_column(String(500), default="")  # 連絡先備考（その他、SNSなど）
    postal_code: Mapped[str] = mapped_column(String(8), default="")  # 郵便番号
    corporate_number: Mapped[str] = mapped_column(String(13), default="")  # 法人番号
    organisation: Mapped[str] = mapped_column(String(200), default="")  # 団体名
    url: Mapped[str] = mapped_column(String(500), default="")  # URL
    image: Mapped[str] = mapped_column(String(500), default="")  # 画像
    image_licence: Mapped[str] = mapped_column(String(200), default="")  # 画像ライセンス
    data_as_of: Mapped[str] = mapped_column(String(100), default="")  # 情報時点 (extension)
    source: Mapped[str] = mapped_column(Text, default="")  # 出典 (extension)

    # Barrier-free yes/no fields of the standard; None means not known.
    wheelchair_accessible: Mapped[bool | None] = mapped_column(Boolean)
    wheelchair_rental: Mapped[bool | None] = mapped_column(Boolean)
    cane_rental: Mapped[bool | None] = mapped_column(Boolean)
    multipurpose_toilet: Mapped[bool | None] = mapped_column(Boolean)
    step_free: Mapped[bool | None] = mapped_column(Boolean)
    tactile_paving: Mapped[bool | None] = mapped_column(Boolean)
    braille_or_audio: Mapped[bool | None] = mapped_column(Boolean)
    assistance_dogs: Mapped[bool | None] = mapped_column(Boolean)
    captions: Mapped[bool | None] = mapped_column(Boolean)
    written_communication: Mapped[bool | None] = mapped_column(Boolean)
    priority_parking: Mapped[bool | None] = mapped_column(Boolean)
    ostomate_toilet: Mapped[bool | None] = mapped_column(Boolean)
    nursing_room: Mapped[bool | None] = mapped_column(Boolean)
    baby_changing: Mapped[bool | None] = mapped_column(Boolean)
    food_allowed: Mapped[bool | None] = mapped_column(Boolean)
    stroller_rental: Mapped[bool | None] = mapped_column(Boolean)
    stroller_allowed: Mapped[bool | None] = mapped_column(Boolean)

    status: Mapped[PublicationStatus] = mapped_column(
        _enum(PublicationStatus, "publication_status"), default=PublicationStatus.DRAFT, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now())

    __mapper_args__ = {"version_id_col": version}

    area: Mapped[Area | None] = relationship(lazy="selectin")
    translations: Mapped[list["FacilityTranslation"]] = relationship(
        back_populates="facility", cascade="all, delete-orphan", lazy="selectin")
    hours: Mapped[list["FacilityHours"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin",
        order_by="[FacilityHours.day, FacilityHours.opens]")
    counters: Mapped[list["Counter"]] = relationship(
        back_populates="facility", cascade="all, delete-orphan", lazy="selectin",
        order_by="[Counter.position, Counter.id]")


class FacilityTranslation(db.Model):
    __tablename__ = "facility_translation"
    __table_args__ = (UniqueConstraint("facility_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facility.id", ondelete="CASCADE"),
                                             index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))  # 名称 (ja), 名称_英字 (en)
    alias: Mapped[str] = mapped_column(String(200), default="")  # 名称_通称
    address: Mapped[str] = mapped_column(String(300), default="")  # the address written for readers
    description: Mapped[str] = mapped_column(Text, default="")  # 説明
    hours_note: Mapped[str] = mapped_column(Text, default="")  # 利用可能時間特記事項
    notes: Mapped[str] = mapped_column(Text, default="")  # 備考

    facility: Mapped[Facility] = relationship(back_populates="translations")


FACILITY_TRANSLATED_FIELDS = ("name", "alias", "address", "description", "hours_note", "notes")


class FacilityHours(db.Model):
    """One opening period on one day (two rows for a day with a lunch break)."""

    __tablename__ = "facility_hours"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facility.id", ondelete="CASCADE"),
                                             index=True)
    day: Mapped[int] = mapped_column(SmallInteger)  # 0 Monday … 6 Sunday, 7 public holidays
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)


class ClosedDay(db.Model):
    """Days the city's calendar treats differently: national holidays (facilities then keep
    their holiday hours, if any) and the year-end break (閉庁日, every facility closed)."""

    __tablename__ = "closed_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # holiday | year-end
    name: Mapped[str] = mapped_column(String(100), default="")  # Japanese name, e.g. 文化の日


class Counter(db.Model):
    """A counter (窓口) inside a facility where fees can be paid."""

    __tablename__ = "counter"
    __table_args__ = (UniqueConstraint("facility_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facility.id", ondelete="CASCADE"),
                                             index=True)
    code: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))

    facility: Mapped[Facility] = relationship(back_populates="counters")
    department: Mapped[Department | None] = relationship(lazy="selectin")
    translations: Mapped[list["CounterTranslation"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")
    fee_scopes: Mapped[list[FeeScope]] = relationship(
        secondary=counter_fee_scope, lazy="selectin", order_by="FeeScope.position")
    methods: Mapped[list["CounterPaymentMethod"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin")


class CounterTranslation(db.Model):
    __tablename__ = "counter_translation"
    __table_args__ = (UniqueConstraint("counter_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id", ondelete="CASCADE"),
                                            index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")  # floor or place in the building
    notes: Mapped[str] = mapped_column(Text, default="")


class CounterPaymentMethod(db.Model):
    """A counter accepts a payment method from ``since`` (None: no known start date)."""

    __tablename__ = "counter_payment_method"

    counter_id: Mapped[int] = mapped_column(ForeignKey("counter.id", ondelete="CASCADE"),
                                            primary_key=True)
    payment_method_id: Mapped[int] = mapped_column(
        ForeignKey("payment_method.id", ondelete="CASCADE"), primary_key=True, index=True)
    since: Mapped[dt.date | None] = mapped_column(Date)

    method: Mapped[PaymentMethod] = relationship(lazy="joined")
