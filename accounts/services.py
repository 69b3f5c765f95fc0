from django.db import transaction

from .models import User


@transaction.atomic
def register_reader(*, email, password, display_name):
    """Create a reader's account; returns the new user."""
    return User.objects.create_user(
        email=email, password=password, display_name=display_name
    )
