"""A small site for the browser tests to look at: every kind of reader page
has something on it, in one edition."""

from datetime import timedelta

from django.utils import timezone

from articles.images import refresh_renditions
from articles.models import Article, Correction
from chats.models import ChatMessage
from comments.models import Comment
from desk.revisions import link_corrections, record_revision
from tests.factories import (
    image_upload,
    make_article,
    make_author,
    make_section,
    make_user,
)

TEXT = {
    "en": {
        "section": ("Russia", "russia"),
        "title": "NATO head, Russia's Ivanov to discuss resuming ties Feb. 6",
        "lead": "NATO's secretary general and a Russian deputy prime minister "
        "will meet on February 6 to discuss resuming cooperation.",
        "word": "NATO",
        "author": ("Alexei Korolev", "alexei-korolev"),
        "comment": "Good news for everyone.",
    },
    "ru": {
        "section": ("Россия", "rossiya"),
        "title": "Генсек НАТО и Сергей Иванов обсудят возобновление отношений",
        "lead": "Генеральный секретарь НАТО и вице-премьер России встретятся "
        "6 февраля, чтобы обсудить возобновление сотрудничества.",
        "word": "НАТО",
        "author": ("Алексей Королёв", "aleksei-korolyov"),
        "comment": "Хорошая новость для всех.",
    },
}


def make_site(language, *, reader=None, now=None):
    """One edition's content; returns the objects pages are about."""
    text = TEXT[language]
    now = now or timezone.now()
    name, slug = text["section"]
    section = make_section(
        name=name, slug=slug, language=language, description="News and analysis."
    )
    author = make_author(name=text["author"][0], slug=text["author"][1])
    article = make_article(
        section=section,
        title=text["title"],
        lead=text["lead"],
        body=f"<p>{text['lead']}</p>" * 8,
        dateline_place="Brussels",
        source_credit="RIA Novosti",
        tags=[text["word"]],
        authors=[author],
        image=image_upload(size=(1600, 900)),
        image_alt="Jaap de Hoop Scheffer",
        image_caption="NATO headquarters",
        image_credit="RIA Novosti",
        published_at=now - timedelta(hours=1),
        comments_mode="open",
    )
    refresh_renditions(obj=article)
    # A correction with the readers' diff: the public text before and after.
    record_revision(article=article, by=None)
    Article.objects.filter(pk=article.pk).update(lead=text["lead"] + " (updated)")
    article.refresh_from_db()
    correction = Correction.objects.create(article=article, text=text["lead"][:60])
    link_corrections(
        corrections=[correction], revision=record_revision(article=article, by=None)
    )
    # The Newsfeed across several days, teasers with and without images.
    for i in range(12):
        make_article(
            section=section,
            title=f"{text['word']} {i}: {text['title'][:40]}",
            lead=text["lead"],
            published_at=now - timedelta(hours=2 + 9 * i),
            tags=[text["word"]],
        )
    make_article(
        section=section,
        title=f"{text['word']}: withdrawn",
        status=Article.Status.UNPUBLISHED,
    )
    commenter = make_user(display_name="Anna")
    Comment.objects.create(article=article, author=commenter, body=text["comment"])
    if reader is not None:
        Comment.objects.create(article=article, author=reader, body=text["comment"])
    # More chat history than the room shows without scrolling.
    ChatMessage.objects.bulk_create(
        ChatMessage(article=article, user=commenter, text=f"{text['comment']} {i}")
        for i in range(30)
    )
    ChatMessage.objects.bulk_create(
        ChatMessage(section=section, user=commenter, text=f"{text['comment']} {i}")
        for i in range(30)
    )
    return {
        "section": section,
        "article": article,
        "author": author,
        "tag": article.tags.get(),
        "correction": correction,
        "withdrawn": Article.objects.get(title=f"{text['word']}: withdrawn"),
        "word": text["word"],
    }
