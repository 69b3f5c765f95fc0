# Varnish in front of newsroom (Debian's varnish 7.1 with varnish-modules'
# xkey). README, "Deploying behind Varnish or a CDN".
#
# What it caches is what the site says is shareable: anonymous reader pages
# answered `Cache-Control: public, max-age=0, s-maxage=N` with an `xkey`
# header naming the content keys the page shows (newsroom/freshness.py,
# articles/cachekeys.py). When a write commits, the site sends
# `PURGE` with `xkey: <keys>` (DJANGO_CACHE_PURGE_URLS, newsroom/purge.py) and
# every page showing one of those keys is dropped at once: a hard purge, so
# an unpublished story is never served stale. Everything else goes through.
vcl 4.1;

import std;
import xkey;

# The app server (make serve, gunicorn): change to where it listens.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app servers. Add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "PURGE needs an xkey header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    # The chats' WebSockets go straight to the app server.
    if (req.http.Upgrade ~ "(?i)websocket") {
        return (pipe);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Tracking parameters change nothing on a page: one entry for all.
    set req.url = regsuball(
        req.url,
        "(?i)([?&])(utm_[a-z0-9_]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|_openstat)=[^&#]*",
        "\1");
    set req.url = regsuball(req.url, "([?&])&+", "\1");
    set req.url = regsub(req.url, "[?&]+(#|$)", "\1");
    # A session (logged-in reader, staff) or messages waiting in their cookie:
    # the page is the reader's own.
    if (req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (CSRF token, analytics) change no shareable page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_pipe {
    if (req.http.Upgrade) {
        set bereq.http.Upgrade = req.http.Upgrade;
        set bereq.http.Connection = req.http.Connection;
    }
}

sub vcl_backend_response {
    # Only what the site marks shareable is kept; anything else (private,
    # no s-maxage, a cookie set, an error) goes through every time.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\s*(,|$)"
        || beresp.http.Cache-Control !~ "(?i)s-maxage=\d+"
        || beresp.http.Vary == "*"
        || beresp.status >= 400) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # s-maxage is the ttl (Varnish reads it itself); the grace and the keep
    # come from stale-while-revalidate and stale-if-error, which the site
    # sends only where no takedown or expiry can be pending.
    set beresp.grace = 0s;
    if (beresp.http.Cache-Control ~ "(?i)stale-while-revalidate=\d+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control,
                   "(?i)^.*stale-while-revalidate=(\d+).*$", "\1s"), 0s);
    }
    if (beresp.http.Cache-Control ~ "(?i)stale-if-error=\d+") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Cache-Control,
                   "(?i)^.*stale-if-error=(\d+).*$", "\1s"), 0s);
    }
    return (deliver);
}

sub vcl_deliver {
    # The keys are for purging here, not for browsers.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
