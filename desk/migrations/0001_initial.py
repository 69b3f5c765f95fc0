"""The desk's models, taken over from articles (issue 12) with their tables.

The tables, rows and foreign keys stay as they are (each model keeps its
db_table): only Django's state moves. articles 0046 then drops them from the
articles app's state and moves their content types.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0045_tag_listing'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name='EditLock',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('started_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('refreshed_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='edit_lock', to='articles.article')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'editing lock',
                'verbose_name_plural': 'editing locks',
                'db_table': 'articles_editlock',
            },
        ),
        migrations.CreateModel(
            name='Revision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('lead', models.TextField(blank=True, verbose_name='lead')),
                ('body', models.TextField(blank=True, verbose_name='body')),
                ('dateline_place', models.CharField(blank=True, max_length=80, verbose_name='dateline place')),
                ('source_credit', models.CharField(blank=True, max_length=80, verbose_name='source credit')),
                ('tags', models.JSONField(default=list, verbose_name='tags')),
                ('authors', models.JSONField(default=list, verbose_name='authors')),
                ('is_public', models.BooleanField(default=False, help_text='Saved while published or scheduled: the text readers get.', verbose_name='public')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='saved at')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='articles.article')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'revision',
                'verbose_name_plural': 'revisions',
                'db_table': 'articles_revision',
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['article', '-created_at'], name='revision_article_idx')],
            },
        ),
        migrations.CreateModel(
            name='Transition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('from_status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('scheduled', 'Scheduled'), ('published', 'Published'), ('unpublished', 'Unpublished'), ('archived', 'Archived')], max_length=12, verbose_name='from')),
                ('to_status', models.CharField(choices=[('draft', 'Draft'), ('review', 'In review'), ('scheduled', 'Scheduled'), ('published', 'Published'), ('unpublished', 'Unpublished'), ('archived', 'Archived')], max_length=12, verbose_name='to')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='articles.article')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
            ],
            options={
                'verbose_name': 'transition',
                'verbose_name_plural': 'workflow history',
                'db_table': 'articles_transition',
                'ordering': ['-created_at', '-id'],
                'indexes': [models.Index(fields=['article', '-created_at'], name='transition_article_idx')],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]
