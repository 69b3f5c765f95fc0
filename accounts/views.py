from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView, LogoutView
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from newsroom.ratelimit import is_over_limit
from newsroom.web import client_address, safe_next, site_url

from . import services, throttle
from .forms import (
    DeleteAccountForm,
    EmailChangeForm,
    EmailForm,
    LoginForm,
    ProfileForm,
    RegistrationForm,
)

BACKEND = "django.contrib.auth.backends.ModelBackend"


class SafeNextMixin:
    """Django's auth views' `next`, as "this site or nowhere" (safe_next)."""

    def get_redirect_url(self):
        return safe_next(self.request, "")


class ReaderLoginView(SafeNextMixin, LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        throttle.forget_failures(self.request, form.cleaned_data["username"])
        return super().form_valid(form)


class ReaderLogoutView(SafeNextMixin, LogoutView):
    pass


@sensitive_post_parameters("password1", "password2")
def register(request):
    if request.user.is_authenticated:
        return redirect(safe_next(request))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit, period = settings.REGISTRATION_RATE
        key = f"register:{client_address(request)}"
        # Fails closed: without the cache, nobody can make the site mail
        # addresses of their choosing in bulk.
        if is_over_limit(key, limit=limit, period=period, fail_open=False):
            form.add_error(
                None, _("Too many registrations from your network. Try again later.")
            )
        else:
            services.register_reader(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                site_url=site_url(request),
                next_url=safe_next(request, ""),
            )
            return render(
                request,
                "accounts/register_done.html",
                {"email": form.cleaned_data["email"]},
            )
    return render(
        request,
        "accounts/register.html",
        {"form": form, "next": safe_next(request, "")},
    )


def activate(request, uidb64, token):
    user = services.activate_reader(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/activation_invalid.html", status=400)
    login(request, user, backend=BACKEND)
    messages.success(
        request,
        _("Your account is active. Welcome, %(name)s.")
        % {"name": user.get_short_name()},
    )
    return redirect(safe_next(request))


def activation_resend(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit, period = settings.REGISTRATION_RATE
        # Fails closed, silently: the page is the same either way.
        if not is_over_limit(
            f"resend:{client_address(request)}",
            limit=limit,
            period=period,
            fail_open=False,
        ):
            services.resend_activation(
                email=form.cleaned_data["email"], site_url=site_url(request)
            )
        return render(
            request,
            "accounts/register_done.html",
            {"email": form.cleaned_data["email"]},
        )
    return render(request, "accounts/activation_resend.html", {"form": form})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    comments = (
        request.user.comments.exclude(status="deleted")
        .select_related("article__section")
        .order_by("-created_at", "-id")
    )
    page = Paginator(comments, 20).get_page(request.GET.get("page"))
    return render(request, "accounts/profile.html", {"form": form, "page": page})


@login_required
@sensitive_post_parameters("password")
def email_change(request):
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.request_email_change(
            user=request.user,
            new_email=form.cleaned_data["new_email"],
            site_url=site_url(request),
        )
        return render(
            request,
            "accounts/email_change_done.html",
            {"email": form.cleaned_data["new_email"]},
        )
    return render(request, "accounts/email_change.html", {"form": form})


def email_confirm(request, token):
    try:
        user = services.confirm_email_change(token=token)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        user = None
    if user is None:
        return render(request, "accounts/email_change_invalid.html", status=400)
    messages.success(
        request, _("Your e-mail address is now %(email)s.") % {"email": user.email}
    )
    return redirect(
        "accounts:profile" if request.user.is_authenticated else "accounts:login"
    )


@login_required
@sensitive_post_parameters("password")
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("articles:home")
    return render(request, "accounts/delete_account.html", {"form": form})
