"""Site-wide request handling: a request id for the logs, and a 400 page
for form data that cannot be decoded."""

import contextvars
import re
import uuid

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http.multipartparser import MultiPartParserError
from django.views.defaults import bad_request

from .web import is_from_trusted_proxy

request_id = contextvars.ContextVar("request_id", default="")
# What a proxy may hand on: letters, digits, dashes, up to 64 characters.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    """Give each request an id (X-Request-ID from a trusted proxy, else a
    new one), put it on every log record (newsroom.logs) and the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        if (
            incoming
            and is_from_trusted_proxy(request)
            and REQUEST_ID.fullmatch(incoming)
        ):
            request.id = incoming
        else:
            request.id = uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response


class UndecodableFormMiddleware:
    """Answer 400 to a form body in a charset that is not UTF-8 or does not
    exist, before anything (the CSRF check first) reads request.POST.

    Django refuses such bodies with exceptions that escape its middleware as
    a 500 (an unknown codec is a LookupError); parsing here, at the edge,
    turns each into the site's 400 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            try:
                request.POST  # noqa: B018 - parse now, where a failure is a 400
            except (
                BadRequest,
                LookupError,
                UnicodeError,
                MultiPartParserError,
            ) as error:
                return bad_request(request, error)
        return self.get_response(request)


# What a view may set on its response to change its policy (csp.decorators).
PER_RESPONSE = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
)
_policies = {}


@receiver(setting_changed)
def _forget_policies(**kwargs):
    _policies.clear()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy built once per process
    for the responses that change nothing in it (no nonce used, no
    decorator): building it cost about 300 Python calls a page. Any other
    response goes through django-csp unchanged."""

    def process_response(self, request, response):
        if (
            settings.DEBUG  # django-csp leaves Django's debug pages alone
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in PER_RESPONSE)
        ):
            return super().process_response(request, response)
        if not _policies:
            _policies.update(
                {
                    HEADER: build_policy(),
                    HEADER_REPORT_ONLY: build_policy(report_only=True),
                }
            )
        for header, setting in (
            (HEADER, "CONTENT_SECURITY_POLICY"),
            (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
        ):
            excluded = (getattr(settings, setting, None) or {}).get(
                "EXCLUDE_URL_PREFIXES"
            ) or ()
            if (
                _policies[header]
                and header not in response
                and not request.path_info.startswith(tuple(excluded))
            ):
                response[header] = _policies[header]
        # As django-csp does: a nonce asked for after this would not be sent.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
