import itertools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from newsroom import fragments

register = template.Library()

# Bumped when a setting changes (tests): every {% once %} renders again.
_generation = itertools.count()
_current = [next(_generation)]


@receiver(setting_changed)
def _forget_once_blocks(**kwargs):
    _current[0] = next(_generation)


class FragmentNode(template.Node):
    def __init__(self, name, parts, unless, nodelist):
        self.name, self.parts, self.unless = name, parts, unless
        self.nodelist = nodelist

    def render(self, context):
        if self.unless is not None and self.unless.resolve(context, True):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        request = context.get("request")
        if request is not None:
            # Blocks may hold absolute URLs (canonical, share links).
            parts += [request.scheme, request.get_host()]
        key = fragments.cache_key(self.name, *parts)
        return mark_safe(fragments.cached(key, lambda: self.nodelist.render(context)))


@register.tag
def fragment(parser, token):
    """A block kept in the fragment cache while what it shows is unchanged:

        {% fragment "article" article.pk unless is_preview %}...{% endfragment %}

    The name and the values after it tell entries apart (the language, the
    scheme and the host are added); what renders inside says what it shows
    with `freshness.depend()` (e.g. `{% depends_on article %}`), so the rows
    it needs must be read inside, lazily. After `unless`, a condition under
    which the block is neither read from nor stored in the cache.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment takes a name.")
    unless = None
    if "unless" in bits:
        at = bits.index("unless")
        if at != len(bits) - 2:
            raise template.TemplateSyntaxError("'unless' takes one condition.")
        unless = parser.compile_filter(bits[-1])
        bits = bits[:at]
    name = bits[1].strip("\"'")
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(name, parts, unless, nodelist)


class OnceNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.generation, self.rendered = None, {}

    def render(self, context):
        if self.generation != _current[0]:
            self.generation, self.rendered = _current[0], {}
        key = (get_language(), get_script_prefix())
        html = self.rendered.get(key)
        if html is None:
            html = self.rendered[key] = mark_safe(self.nodelist.render(context))
        return html


@register.tag
def once(parser, token):
    """Markup that is the same on every page of a language, rendered once per
    process and language (and script prefix) and then reused:

        {% once %}<a href="{% url 'articles:home' %}">{{ SITE_NAME }}</a>{% endonce %}

    Only for what depends on nothing but the language, the settings, URL
    reversing and static files (the site's chrome: its head links, labels,
    footer): never a variable of the page, the request or the reader. A
    changed setting (tests) renders every block again.
    """
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("once takes no arguments.")
    nodelist = parser.parse(("endonce",))
    parser.delete_first_token()
    return OnceNode(nodelist)
