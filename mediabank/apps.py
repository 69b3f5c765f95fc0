from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediabankConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "mediabank"
    verbose_name = _("Image library")
