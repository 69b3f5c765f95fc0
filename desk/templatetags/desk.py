from django import template

from articles.permissions import may_publish

from ..admin import desk_counts

register = template.Library()


@register.inclusion_tag("admin/includes/desk_dashboard.html", takes_context=True)
def desk_dashboard(context):
    """The admin index's counts: my drafts, awaiting review, scheduled."""
    request = context["request"]
    if not request.user.has_perm("articles.view_article"):
        return {"counts": None}
    return {"counts": desk_counts(request), "can_publish": may_publish(request.user)}
