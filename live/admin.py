from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from mediabank.admin import ImageChooserMixin

from . import services
from .models import LivePost, LiveStory
from .seo import post_text


@admin.register(LiveStory)
class LiveStoryAdmin(admin.ModelAdmin):
    """Which articles are live stories; closing one ends its coverage."""

    list_display = ["article", "started_at", "closed_at", "post_links"]
    list_select_related = ["article"]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    readonly_fields = ["closed_at"]
    actions = ["close_coverage"]

    def get_readonly_fields(self, request, obj=None):
        # The article of a story is fixed once chosen.
        return ["article", "closed_at"] if obj else ["closed_at"]

    def save_model(self, request, obj, form, change):
        if change:
            services.change_live_story(story=obj, started_at=obj.started_at)
        else:
            obj.pk = services.start_live_story(
                article=obj.article, started_at=obj.started_at
            ).pk

    def delete_model(self, request, obj):
        services.delete_live_story(story=obj)

    def delete_queryset(self, request, queryset):
        for story in queryset.select_related("article"):
            services.delete_live_story(story=story)

    @admin.display(description=_("posts"))
    def post_links(self, story):
        add = reverse("admin:live_livepost_add")
        posts = reverse("admin:live_livepost_changelist")
        return format_html(
            '<a href="{}?story={}">{}</a> · <a href="{}?story={}">{}</a>',
            add,
            story.pk,
            _("Add a post"),
            posts,
            story.pk,
            _("Posts"),
        )

    @admin.action(description=_("End the coverage of the selected stories"))
    def close_coverage(self, request, queryset):
        for story in queryset.select_related("article"):
            try:
                services.close_story(story=story)
            except ValidationError as error:
                self.message_user(
                    request, f"{story}: {error.messages[0]}", messages.WARNING
                )


class LivePostForm(forms.ModelForm):
    link_url = forms.URLField(
        label=_("link"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = LivePost
        fields = services.POST_FIELDS + ("story",)

    def clean(self):
        cleaned = super().clean()
        story = cleaned.get("story") or getattr(self.instance, "story", None)
        if story is not None:
            services.check_open(story)
        return cleaned


@admin.register(LivePost)
class LivePostAdmin(ImageChooserMixin, admin.ModelAdmin):
    """Posts of the live stories, newest first; every write goes through
    live/services.py (page cache, open pages). An image post's picture is
    a library image, chosen or uploaded with the library's chooser."""

    form = LivePostForm
    image_fields = ["image"]
    raw_id_fields = ["image"]
    list_display = ["excerpt", "kind", "story", "author", "posted_at", "edited_at"]
    list_filter = ["kind", "story"]
    list_select_related = ["story__article", "author"]
    search_fields = ["body", "quote_author", "link_url"]
    autocomplete_fields = ["story"]
    fields = ["story", *services.POST_FIELDS]

    def get_readonly_fields(self, request, obj=None):
        return ["story"] if obj else []

    @admin.display(description=_("text"))
    def excerpt(self, post):
        return Truncator(post_text(post)).chars(80) or str(post)

    def save_model(self, request, obj, form, change):
        # The form has set them on `obj`, a cleared image as None.
        fields = {name: getattr(obj, name) for name in services.POST_FIELDS}
        if change:
            services.edit_post(post=obj, **fields)
        else:
            post = services.post_update(story=obj.story, author=request.user, **fields)
            obj.pk = post.pk

    def delete_model(self, request, obj):
        services.delete_post(post=obj)

    def delete_queryset(self, request, queryset):
        for post in queryset.select_related("story__article"):
            services.delete_post(post=post)
