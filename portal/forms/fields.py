"""Fields whose built-in error messages come from our catalogs (WTForms' own catalogues do not
cover all our locales, and their wording is not ours)."""
from __future__ import annotations

from flask_babel import gettext as _
from wtforms import RadioField, SelectField
from wtforms.validators import ValidationError


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
