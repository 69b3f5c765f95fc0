"""The demo site: the newsroom as it stood on 26 January 2009.

Data, not code: data/ holds each edition's sections, the authors and every
article, and `manage.py load_demo` writes them into the database with
generated pictures. The reference article leads each edition, verbatim from
the reference page (../shared/seed/000_6700a108fc43cdf5.txt) minus the
dateline, which the site renders from dateline_place, published_at and
source_credit.
"""
