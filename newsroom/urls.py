from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from articles import sitemaps
from newsroom import health

from . import views

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom admin")
admin.site.index_title = _("Desk")
# The app list beside every page leaves the article list and form too narrow
# at 1280 px (issue 11); the dashboard and breadcrumbs lead everywhere.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    # Crawlers' files stay at the root, outside the language prefixes.
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap, name="sitemap"),
    path("admin/", admin.site.urls),
    path("health/", health.ReportView.as_view(), name="health"),
    path("health/live/", health.live, name="health_live"),
    path("health/ready/", health.ready, name="health_ready"),
]
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("comments/", include("comments.urls")),
    path("subscriptions/", include("subscriptions.urls")),
    path("chats/", include("chats.urls")),
    # Before the articles' catch-all section and article addresses.
    path("accessibility/", views.accessibility_statement, name="accessibility"),
    path("", include("articles.urls")),
    prefix_default_language=False,
)
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
