"""The procedure-directory filter form: a GET form, so results change only when it is submitted."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional

from ..i18n import LocalizedText
from ..labels import ONLINE_FILTER
from ..services.catalog import Filters, Term
from .fields import ChoiceField, RadioChoiceField

QUERY_MAX = 200


def _choices(terms: list[Term], any_label) -> list:
    """(value, label, attributes): a name not in the page's language keeps its own lang."""
    choices = [("", any_label, {})]
    for term in terms:
        name: LocalizedText = term.name
        attrs = {"lang": name.lang} if name.locale != _page_code() else {}
        choices.append((term.slug, f"{name.text} ({term.count:,})", attrs))
    return choices


def _page_code() -> str:
    from ..i18n import current
    return current().code


class ProcedureFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form changes nothing

    q = StringField(_l("Search words"), validators=[
        Optional(), Length(max=QUERY_MAX, message=_l("Enter %(max)d characters or fewer", max=QUERY_MAX))])
    life_event = ChoiceField(_l("Life event"), default="", validate_choice=True)
    category = ChoiceField(_l("Category"), default="", validate_choice=True)
    department = ChoiceField(_l("Department"), default="", validate_choice=True)
    online = RadioChoiceField(_l("Online"), default="", validate_choice=True)

    def set_choices(self, life_events: list[Term], categories: list[Term],
                    departments: list[Term]) -> None:
        self.life_event.choices = _choices(life_events, _l("Any life event"))
        self.category.choices = _choices(categories, _l("Any category"))
        self.department.choices = _choices(departments, _l("Any department"))
        self.online.choices = [("", _l("Any"))] + list(ONLINE_FILTER.items())

    def filters(self) -> Filters:
        """Valid answers only: a field with an error is ignored (and reported on the page)."""
        def ok(f):
            return "" if f.errors else (f.data or "")
        return Filters(q=" ".join(ok(self.q).split())[:QUERY_MAX], life_event=ok(self.life_event),
                       category=ok(self.category), department=ok(self.department),
                       online=ok(self.online))
