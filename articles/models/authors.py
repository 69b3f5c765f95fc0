from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AuthorQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Authors credited on at least one article the public may see."""
        byline = self.model._meta.get_field("bylines").related_model
        article = byline._meta.get_field("article").related_model
        bylines = byline.objects.filter(article__in=article.objects.published())
        return self.filter(pk__in=bylines.values("author_id"))


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ForeignKey(
        "mediabank.Image",
        verbose_name=_("photo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="authors",
        help_text=_("A picture from the image library."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})
