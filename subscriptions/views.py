from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from newsroom.ratelimit import is_over_limit
from newsroom.web import client_address, safe_next

from . import services
from .forms import FrequencyForm, SubscribeForm
from .models import Subscription, target_url


def subscribe(request, kind, slug):
    """Anonymous readers confirm by e-mail; logged-in readers subscribe at once."""
    target = services.get_target(kind, slug)
    if target is None:
        raise Http404
    context = {"kind": kind, "target": target, "back_url": target_url(kind, target)}
    if request.user.is_authenticated and request.method == "POST":
        subscription, created = services.subscribe(
            email=request.user.email, kind=kind, target=target
        )
        if created:
            messages.success(
                request, _("You are subscribed to %(name)s.") % {"name": target}
            )
        else:
            messages.info(request, _("You already follow %(name)s.") % {"name": target})
        return redirect(safe_next(request, context["back_url"]))
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit, period = settings.SUBSCRIPTIONS_RATE
        # Fails closed: without the cache, nobody can make the site mail
        # addresses of their choosing in bulk.
        if is_over_limit(
            f"subscribe:{client_address(request)}",
            limit=limit,
            period=period,
            fail_open=False,
        ):
            form.add_error(
                None, _("Too many requests from your network. Try again later.")
            )
        else:
            services.request_subscription(
                email=form.cleaned_data["email"],
                kind=kind,
                target=target,
                frequency=form.cleaned_data["frequency"],
            )
            return render(
                request,
                "subscriptions/subscribe_done.html",
                {**context, "email": form.cleaned_data["email"]},
            )
    return render(request, "subscriptions/subscribe.html", {**context, "form": form})


def confirm(request, token):
    subscription = services.confirm_subscription(token=token)
    if subscription is None:
        return render(request, "subscriptions/link_invalid.html", status=400)
    return render(
        request, "subscriptions/confirmed.html", {"subscription": subscription}
    )


@csrf_exempt  # RFC 8058: mail clients POST here with no cookie or token
def unsubscribe(request, token):
    """The signed link from each mail: GET asks, POST (one click) unsubscribes."""
    subscriptions = services.subscriptions_from_unsubscribe_token(token)
    if subscriptions is None:
        return render(request, "subscriptions/link_invalid.html", status=400)
    subscriptions = list(subscriptions)
    if request.method == "POST":
        services.unsubscribe(subscriptions=subscriptions)
        return render(
            request,
            "subscriptions/unsubscribe.html",
            {"done": True, "subscriptions": subscriptions},
        )
    return render(
        request, "subscriptions/unsubscribe.html", {"subscriptions": subscriptions}
    )


def own_subscription(request, pk):
    return get_object_or_404(Subscription.objects.for_email(request.user.email), pk=pk)


@login_required
@require_POST
def change_frequency(request, pk):
    subscription = own_subscription(request, pk)
    form = FrequencyForm(request.POST)
    if form.is_valid():
        services.change_frequency(
            subscription=subscription, frequency=form.cleaned_data["frequency"]
        )
        messages.success(request, _("Your subscription is saved."))
    else:
        messages.error(request, _("Choose how often to get mail."))
    return redirect("accounts:profile")


@login_required
@require_POST
def delete(request, pk):
    subscription = own_subscription(request, pk)
    services.unsubscribe(subscriptions=[subscription])
    messages.success(
        request,
        _("You no longer follow %(name)s.") % {"name": subscription.target},
    )
    return redirect("accounts:profile")
