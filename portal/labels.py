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

# Cashless payment locations (services.payments).
PAYMENT_CATEGORY = {
    "credit-card": _l("Credit cards"),
    "e-money": _l("Electronic money and transit IC cards"),
    "qr-code": _l("QR code payments"),
}

FACILITY_KIND = {
    "ward-office": _l("Ward office"),
    "regional-centre": _l("Regional centre"),
    "library": _l("Library"),
    "health-centre": _l("Health centre"),
    "sports": _l("Sports facility"),
    "culture": _l("Community and cultural venue"),
    "museum": _l("Museum or aquarium"),
    "park": _l("Park"),
    "other": _l("Other facility"),
}

# The barrier-free fields of the 公共施設一覧 standard, in its order.
BARRIER_FREE = {
    "wheelchair_accessible": _l("Wheelchair accessible"),
    "wheelchair_rental": _l("Wheelchairs to borrow"),
    "cane_rental": _l("Walking sticks to borrow"),
    "multipurpose_toilet": _l("Accessible toilet"),
    "step_free": _l("Step-free access (ramp, lift or escalator)"),
    "tactile_paving": _l("Tactile paving or other guidance for blind people"),
    "braille_or_audio": _l("Braille or read-aloud support"),
    "assistance_dogs": _l("Guide dogs, service dogs and hearing dogs welcome"),
    "captions": _l("Captions"),
    "written_communication": _l("Communication in writing"),
    "priority_parking": _l("Accessible parking"),
    "ostomate_toilet": _l("Toilet for people with a stoma"),
    "nursing_room": _l("Nursing room"),
    "baby_changing": _l("Baby changing"),
    "food_allowed": _l("Eating and drinking allowed"),
    "stroller_rental": _l("Pushchairs to borrow"),
    "stroller_allowed": _l("Pushchairs allowed"),
}
