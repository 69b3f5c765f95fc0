"""Site-wide request handling: a request id for the logs, and a 400 page
for form data that cannot be decoded."""

import contextvars
import re
import uuid

from django.core.exceptions import BadRequest
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
