"""Fields whose built-in error messages come from our catalogs (WTForms' own catalogues do not
cover all our locales, and their wording is not ours)."""
from __future__ import annotations

from flask_babel import gettext as _
from wtforms import RadioField, SelectField, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget


class _OwnChoiceMessage:
    def pre_validate(self, form):
        try:
            super().pre_validate(form)
        except (ValidationError, ValueError):
            raise ValidationError(_("Choose an option from the list")) from None


class ChoiceField(_OwnChoiceMessage, SelectField):
    pass


class RadioChoiceField(_OwnChoiceMessage, RadioField):
    pass


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (rendered by the fieldset macro); an unknown value is reported with
    our own message, and :meth:`valid_data` keeps the values that are known."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form):
        try:
            super().pre_validate(form)
        except (ValidationError, ValueError):
            raise ValidationError(_("Choose options from the list")) from None

    def valid_data(self) -> tuple[str, ...]:
        known = {str(choice[0]) for choice in self.choices or ()}
        return tuple(dict.fromkeys(v for v in (self.data or []) if v in known))
