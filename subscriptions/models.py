from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article, Author, Section


class SubscriptionQuerySet(models.QuerySet):
    def for_email(self, email):
        """Subscriptions of one address, with what they follow, newest first."""
        return (
            self.filter(email=email.lower())
            .select_related("section", "tag", "author")
            .order_by("-created_at", "-id")
        )


class Subscription(models.Model):
    """A confirmed e-mail subscription to a section, a tag or an author.

    Rows exist only once the address is confirmed (double opt-in): the
    confirmation link carries the request signed, so unconfirmed requests
    leave nothing behind.
    """

    class Kind(models.TextChoices):
        SECTION = "section", _("Section")
        TAG = "tag", _("Tag")
        AUTHOR = "author", _("Author")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Each article, as it is published")
        DAILY = "daily", _("Daily digest")
        WEEKLY = "weekly", _("Weekly digest")

    PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}

    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("follows"), max_length=10, choices=Kind)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    tag = models.ForeignKey(
        Tag,
        verbose_name=_("tag"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency, default=Frequency.IMMEDIATE
    )
    created_at = models.DateTimeField(_("confirmed at"), auto_now_add=True)
    next_digest_at = models.DateTimeField(
        _("next digest at"),
        null=True,
        blank=True,
        help_text=_("When a daily or weekly digest is next due."),
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [models.Index(fields=["email", "-created_at"], name="sub_email_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["email", field],
                condition=Q(kind=kind),
                name=f"sub_unique_{kind}",
            )
            for kind, field in [
                ("section", "section"),
                ("tag", "tag"),
                ("author", "author"),
            ]
        ] + [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="section",
                        section__isnull=False,
                        tag__isnull=True,
                        author__isnull=True,
                    )
                    | Q(
                        kind="tag",
                        tag__isnull=False,
                        section__isnull=True,
                        author__isnull=True,
                    )
                    | Q(
                        kind="author",
                        author__isnull=False,
                        section__isnull=True,
                        tag__isnull=True,
                    )
                ),
                name="sub_one_target",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.target}"

    def get_absolute_url(self):
        return target_url(self.kind, self.target)

    @property
    def target(self):
        """The section, tag or author followed."""
        return getattr(self, self.kind)


def target_url(kind, target):
    """The public page of a section, tag or author."""
    if kind == Subscription.Kind.TAG:
        return reverse("articles:tag", kwargs={"slug": target.slug})
    return target.get_absolute_url()


class Dispatch(models.Model):
    """Marks an article whose deliveries are recorded, so each sweep only
    looks at articles that became public since the last one."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="dispatch"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.article_id)


class Delivery(models.Model):
    """One article for one address: written once, so it is mailed at most
    once; `sent_at` is set only after the mail server accepted the message."""

    email = models.EmailField(_("e-mail address"))
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "article"], name="delivery_once_per_address"
            )
        ]
        indexes = [
            models.Index(
                fields=["subscription"],
                condition=Q(sent_at__isnull=True),
                name="delivery_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.email}: {self.article_id}"
