"""Logging helpers: every record carries the id of the request it was
logged in (newsroom.middleware.RequestIdMiddleware), "-" outside one."""

import logging

from .middleware import request_id


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get() or "-"
        return True
