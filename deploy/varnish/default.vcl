# The caching proxy in front of the portal's app servers (Varnish 7, from Debian's packages).
#
# What it caches is decided by the app (portal/headers.py): only responses sent
# "Cache-Control: public, s-maxage=..." are kept, for their s-maxage; anything else, and any request
# from a visitor with a session (signed in, part way through responding, or who replied to an
# event), goes to the app every time. The app purges what a change makes stale, after the change
# commits (portal/frontend_cache.py): PURGE drops one path with every query string of it (filters,
# pagination), BAN drops everything. Only addresses in the "purge" acl may send either.
#
# backend.vcl (beside this file, or on vcl_path) defines "backend default" and "acl purge" for the
# machine: see backend.vcl.example. `make serve-prod` runs this file in front of gunicorn.
vcl 4.1;

import std;

include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE" || req.method == "BAN") {
        if (!(client.ip ~ purge)) {
            return (synth(403, "Forbidden"));
        }
        # Matched on the path alone, under whatever host name or port the copy was fetched by
        # (the site's own name, an alias, 127.0.0.1:8000 locally): a purge of a path on another
        # site of the same proxy costs that site one fetch, a missed purge would show stale pages.
        if (req.method == "BAN") {
            ban("obj.status != 0");
            return (synth(200, "Banned"));
        }
        ban("obj.http.X-Portal-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    # Tracking parameters change nothing on the page: one cached copy for every campaign link.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|msclkid|mc_cid|mc_eid)=") {
        set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|msclkid|mc_cid|mc_eid)=[^&]*", "\1");
        set req.url = regsuball(req.url, "([?&])&+", "\1");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    # While the app is healthy, a copy past its lifetime is served for a minute at most while a
    # fresh one is fetched; while it is down, for up to the six hours kept below.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, accounts, alerts, responding and replying are per visitor: never cached.
    if (req.url ~ "^/admin/" || req.url ~ "^/healthz" ||
        req.url ~ "^/[^/]+/(accounts|alerts)/" ||
        req.url ~ "/respond/" || req.url ~ "/rsvp/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Any other cookie (the CSRF token, a browser's own) changes nothing on a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # What PURGE matches on (taken off again before delivery).
    set beresp.http.X-Portal-Path = regsub(bereq.url, "\?.*$", "");

    if (beresp.http.Cache-Control !~ "(^|,)\s*public\s*(,|$)" ||
        beresp.http.Cache-Control ~ "(private|no-store|no-cache)" ||
        beresp.http.Set-Cookie) {
        # Not shareable: remember that for two minutes so requests are not queued behind it.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept for s-maxage (Varnish reads it from Cache-Control); see vcl_recv for grace.
    set beresp.grace = 6h;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.X-Portal-Path;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
