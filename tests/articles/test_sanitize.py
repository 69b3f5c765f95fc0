import pytest

from articles.sanitize import clean_body
from tests.factories import make_article


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<script"),
        ('<p onclick="alert(1)">Hi</p>', "onclick"),
        ('<p><img src=x onerror="alert(1)"></p>', "onerror"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "javascript:"),
        ('<p><a href="JaVaScRiPt:alert(1)">x</a></p>', "alert"),
        ('<p style="color:red">x</p>', "style"),
        ("<iframe src='https://evil.example'></iframe>", "iframe"),
        ('<p><a href="data:text/html,<script>1</script>">x</a></p>', "data:"),
    ],
)
def test_clean_body_removes_scripts_handlers_and_js_urls(dirty, forbidden):
    assert forbidden.lower() not in clean_body(dirty).lower()


def test_clean_body_keeps_the_allowed_markup():
    html = (
        '<h2>Sub</h2><p><strong>b</strong> <em>i</em> <a href="https://x.example/">l</a>'
        "</p><ul><li>one</li></ul><blockquote><p>q</p></blockquote>"
    )

    cleaned = clean_body(html)

    for kept in ["<h2>", "<strong>", "<em>", "<ul>", "<blockquote>"]:
        assert kept in cleaned
    assert 'href="https://x.example/"' in cleaned


def test_plain_pasted_text_becomes_paragraphs():
    assert (
        clean_body("One line.\n\nTwo <b>x</b>.")
        == "<p>One line.</p><p>Two <b>x</b>.</p>"
    )


@pytest.mark.django_db
def test_article_body_is_sanitized_on_save():
    article = make_article(body='<p onmouseover="x()">Hello<script>bad()</script></p>')

    article.refresh_from_db()

    assert article.body == "<p>Hello</p>"
