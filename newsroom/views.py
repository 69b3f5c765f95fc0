"""Site pages that belong to no app."""

import datetime

from django.conf import settings
from django.shortcuts import render

# When the statement's text was last checked against the site; change it with
# the text (templates/pages/accessibility.html).
STATEMENT_REVIEWED_ON = datetime.date(2026, 11, 29)


def accessibility_statement(request):
    """What the site supports for disabled readers, and whom to tell."""
    return render(
        request,
        "pages/accessibility.html",
        {
            "contact": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "reviewed_on": STATEMENT_REVIEWED_ON,
        },
    )
