"""Who may do what to an article, written once: the admin, the preview
and the desk's table of moves (desk/workflow.py) ask these."""

from .models import Article


def may_publish(user):
    """Whether `user` is an editor: publishes, and edits any article."""
    return user.has_perm("articles.publish_article")


def may_work_on(user, article):
    """Editors work on any article, authors on their own. `article` as it
    is stored (a new one: whoever may add articles)."""
    if article is None or article.pk is None:
        return user.has_perm("articles.add_article")
    return user.has_perm("articles.change_article") and (
        may_publish(user) or article.created_by_id == user.pk
    )


def may_edit(user, article):
    """Editors edit any article; authors their own drafts only."""
    return may_work_on(user, article) and (
        may_publish(user) or article is None or article.status == Article.Status.DRAFT
    )
