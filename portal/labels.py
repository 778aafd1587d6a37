"""Translated labels for the coded values stored in the database (one place for each code)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

ONLINE_STATUS = {
    "full": _l("Can be done online"),
    "partial": _l("Partly online"),
    "none": _l("Not online: at the counter or by post"),
}

ONLINE_FILTER = {
    "full": _l("Fully online"),
    "partial": _l("Partly online"),
    "none": _l("Not online"),
}

# The national survey's codes (行政手続等の悉皆調査): 1 実施済, 2 未実施, 3 適用除外, 4 その他, 5 一部実施済
NATIONAL_ONLINE_STATUS = {
    "1": _l("Online nationwide"),
    "2": _l("Not yet online nationwide"),
    "3": _l("Exempt from going online"),
    "4": _l("Other"),
    "5": _l("Partly online nationwide"),
}

# 1 押印＋印鑑証明, 2 押印, 3 署名, 4 本人確認書類の提示・提出, 5 その他, 6 本人確認不要
IDENTITY_VERIFICATION = {
    "1": _l("Registered seal and seal certificate"),
    "2": _l("Seal (hanko)"),
    "3": _l("Signature"),
    "4": _l("Show or submit an identity document"),
    "5": _l("Other means of identification"),
    "6": _l("No identity check needed"),
}


def identity_labels(codes: str) -> list:
    return [IDENTITY_VERIFICATION[c] for c in codes.split(";") if c in IDENTITY_VERIFICATION]
