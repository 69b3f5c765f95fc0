"""A GIN index for the Russian edition's search (russian configuration)."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Q

INDEX_NAME = "article_search_ru_idx"


def search_index():
    # Must stay the expression articles.search.search_vector("russian")
    # compiles to; the condition matches the edition filter of every search.
    return GinIndex(
        SearchVector("title", weight="A", config="russian")
        + SearchVector("lead", weight="B", config="russian")
        + SearchVector("body", weight="C", config="russian"),
        name=INDEX_NAME,
        condition=Q(language="ru"),
    )


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Article"), search_index())


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Article"), search_index())


class Migration(migrations.Migration):
    dependencies = [("articles", "0040_editions")]

    operations = [migrations.RunPython(create_index, drop_index)]
