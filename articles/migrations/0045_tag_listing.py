
"""Tag listings (issue 9): TagListing, its triggers, and the listings of the
articles tagged so far."""

import django.db.models.deletion
from django.db import migrations, models

from articles import tag_listing


def install(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        tag_listing.install(cursor, schema_editor.connection.vendor)


def uninstall(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        tag_listing.uninstall(cursor, schema_editor.connection.vendor)


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0044_covering_listing_indexes'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='TagListing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=7)),
                ('status', models.CharField(max_length=12)),
                ('published_at', models.DateTimeField(null=True)),
                ('expires_at', models.DateTimeField(null=True)),
                ('embargo_until', models.DateTimeField(null=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='articles.article')),
                ('tag', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='taggit.tag')),
            ],
            options={
                'indexes': [models.Index(fields=['tag', 'language', 'status', '-published_at', '-article', 'expires_at', 'embargo_until'], name='taglisting_newest_idx')],
            },
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunSQL("ANALYZE articles_taglisting", migrations.RunSQL.noop),
    ]
