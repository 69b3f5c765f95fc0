"""The newsroom's desk: how articles are written, checked and published.

`articles` is the publishing core: what an article is and who may publish
it, what readers may see and how it is fetched and cached. The desk works on
it: the one table of the workflow's moves (workflow.py), the one write path
(services.py: save_article()), revisions, editing locks, the editors'
calendar, wire copy, and the article admin built on them. The desk imports
the core; the core never imports the desk.

Models: Transition, Revision and EditLock are the desk's own records, read
only by the desk and its admin. Correction and HomeSlot stay in `articles`:
both are content readers see (the notes under an article and the
/corrections/ page; the home page's top stories), read by the core's views
and tags and covered by its cache invalidation. A correction's before/after
point at the desk's revisions: the readers' diff is made from them, through
the core's articles.diff; that nullable link is the only one from the core
to the desk.
"""
