"""The payment-location filter form: a GET form, so results change only when it is submitted.

Unknown values (a brand or category that does not exist) fail validation with our own message;
the page then reports them in the error summary and ignores them (see :meth:`filters`).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..i18n import LocalizedText, current
from ..labels import BARRIER_FREE, PAYMENT_CATEGORY
from ..services.payments import ACCESS_NEEDS, CATEGORIES, Brand, PaymentFilters, Term
from .fields import ChoiceField, MultiCheckboxField


def _attrs(text: LocalizedText) -> dict:
    return {"lang": text.lang} if text.locale != current().code else {}


def _term_choices(terms: list[Term], any_label) -> list:
    return [("", any_label, {})] + [(t.slug, t.name.text, _attrs(t.name)) for t in terms]


def _brand_choices(brands: list[Brand], any_label) -> dict:
    """Brands grouped by payment category (optgroups), each with its number of locations; a
    name in Japanese script keeps ``lang="ja"`` on pages in other languages."""
    page = current()
    groups: dict = {"": [("", any_label, {})]}
    for category in CATEGORIES:
        label = str(PAYMENT_CATEGORY[category.value])
        options = []
        for b in brands:
            if b.category != category:
                continue
            attrs = {"lang": "ja"} if b.lang == "ja" and page.html_lang != "ja" else {}
            options.append((b.slug, f"{b.name} ({b.count:,})", attrs))
        if options:
            groups[label] = options
    return groups


class PaymentFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET filter form changes nothing

    # default "": a field left out of the query means "any", not an invalid answer
    fee = ChoiceField(_l("What do you want to pay?"), default="", validate_choice=True)
    category = MultiCheckboxField(_l("How do you want to pay?"))
    brand = ChoiceField(_l("Card or payment service"), default="", validate_choice=True)
    area = ChoiceField(_l("Area"), default="", validate_choice=True)
    access = MultiCheckboxField(_l("Accessibility needs"))

    def set_choices(self, brands: list[Brand], areas: list[Term], fee_scopes: list[Term]) -> None:
        self.fee.choices = _term_choices(fee_scopes, _l("Any fee"))
        self.category.choices = [(c.value, PAYMENT_CATEGORY[c.value]) for c in CATEGORIES]
        self.brand.choices = _brand_choices(brands, _l("Any card or service"))
        self.area.choices = _term_choices(areas, _l("Anywhere in the city"))
        self.access.choices = [(need, BARRIER_FREE[need]) for need in ACCESS_NEEDS]

    def filters(self) -> PaymentFilters:
        """Known values only: an unknown brand, area or fee is ignored (and reported); of a
        checkbox group, the known values are kept."""
        def ok(f):
            return "" if f.errors else (f.data or "")
        return PaymentFilters(categories=self.category.valid_data(), brand=ok(self.brand),
                              area=ok(self.area), fee=ok(self.fee),
                              access=self.access.valid_data())
