"""Web helpers every app shares: where a form may send a reader back to,
the site's own address and its pages' absolute addresses, and the client's
address behind trusted proxies."""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default="/"):
    """The `next` target when it is a path on this site, otherwise `default`.

    "This site or nowhere": only an absolute path on the same host passes, so
    neither another site nor a bare word such as `?next=id` (which Django's
    `redirect()` would try to reverse as a URL name) ever becomes a redirect.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        )
    ):
        return target
    return resolve_url(default) if default else default


def site_url(request):
    """The site's absolute root address as this request reached it."""
    return request.build_absolute_uri("/")


def absolute_url(path, *, root=None):
    """`path` on this site as an absolute address: under `root` (site_url()
    of the request) or, where no request is (the task queue, the mail sweep),
    under settings.SITE_URL."""
    return (root or settings.SITE_URL).rstrip("/") + path


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def is_trusted_address(address):
    """True when `address` is in one of the TRUSTED_PROXIES networks."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The client's address: REMOTE_ADDR, or when that is a trusted proxy
    (Varnish, nginx), the nearest untrusted hop in X-Forwarded-For.

    Proxies append to the header, so it is read from the right; entries left
    of the first untrusted one could be written by the client and are ignored.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    if not is_trusted_address(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",")]):
        if not hop:
            continue
        if not is_trusted_address(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a forged or broken header: the proxy itself
    return remote


def client_ip(request):
    """client_address() when it is an IP address, else None (django-axes
    stores it in an address column)."""
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def is_from_trusted_proxy(request):
    """True when the request came through one of the TRUSTED_PROXIES."""
    return is_trusted_address(request.META.get("REMOTE_ADDR") or "")
