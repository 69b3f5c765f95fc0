"""The image chooser of the article and author forms.

Underneath, Django's raw-id input: the image's number, a link to browse
the library (the admin's pop-up list, with its search and thumbnails) and
one to upload a new image; both work without JavaScript. With it,
static/js/image-chooser.js adds a dialog that searches the library through
the admin-only chooser endpoint (ImageAdmin.chooser_view) and picks an
image with the keyboard or the mouse.
"""

from django.contrib.admin.widgets import ForeignKeyRawIdWidget
from django.core.exceptions import ValidationError
from django.urls import reverse


class ImageChooserWidget(ForeignKeyRawIdWidget):
    template_name = "mediabank/widgets/image_chooser.html"

    class Media:
        js = ["admin/js/admin/RelatedObjectLookups.js", "js/image-chooser.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        site = self.admin_site.name
        context["chosen"] = self.chosen(value)
        context["chooser_url"] = reverse(f"{site}:mediabank_image_chooser")
        context["add_url"] = (
            reverse(f"{site}:mediabank_image_add") + "?_to_field=id&_popup=1"
        )
        return context

    def chosen(self, value):
        """The chosen image, for the preview; None for none or a bad value."""
        if not value:
            return None
        try:
            return self.rel.model._default_manager.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            return None

    def label_and_url_for_value(self, value):
        # The preview names the image: no second query for a label.
        return "", ""
