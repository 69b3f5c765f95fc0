"""The anonymous page cache (issue 9): whole reader pages answered from a
shared store before sessions, authentication and CSRF do any work, fresh by
content versions (newsroom/freshness.py), plus the HTTP caching headers a
proxy or CDN in front needs.

- `pages.py`: which pages are cached (by URL name), with the query
  parameters that make a different page, and the key of a request;
- `stores.py`: where entries live (local memory bounded in bytes, or Redis);
- `entries.py`: what a rendering must be to be stored, and an entry;
- `middleware.py`: the middleware, and the headers it adds;
- `front.py`: the front door in `newsroom.wsgi`/`newsroom.asgi`, which
  answers repeated hits before Django builds a request.
"""
