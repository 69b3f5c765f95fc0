"""Django's i18n tag library, loaded as `{% load i18n %}` (TEMPLATES'
"libraries"), with one change: `{% translate "literal" %}` looks its
message up once per process and language, not on every rendering.

A literal's translation depends on nothing but the active language and the
catalogues, which are fixed for a process (a changed setting, in tests,
forgets them); its escaped text on autoescaping. A variable, a filter, a
context, `noop` or `as` go through Django's tag unchanged. Extraction is
unaffected: makemessages reads the templates' text, not this module.
"""

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import Library, Variable
from django.templatetags import i18n
from django.utils.translation import get_language

register = Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)

_translated = {}


@receiver(setting_changed)
def _forget_translations(**kwargs):
    _translated.clear()


class TranslateNode(i18n.TranslateNode):
    def render(self, context):
        var = self.filter_expression.var
        if (
            self.asvar
            or self.noop
            or self.message_context is not None
            or self.filter_expression.filters
            or not isinstance(var, Variable)
            or var.literal is None
        ):
            return super().render(context)
        key = (get_language(), context.autoescape, var.literal)
        value = _translated.get(key)
        if value is None:
            value = _translated[key] = super().render(context)
        return value


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token):
    node = i18n.do_translate(parser, token)
    node.__class__ = TranslateNode
    return node
