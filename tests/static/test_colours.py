"""The reader stylesheet's colours: every foreground meets its contrast
minimum on every background it names, in the light and the dark scheme, and
no rule outside the colour blocks names a colour of its own (so the dark
scheme and the print sheet reach everything). axe-core checks text contrast
on the pages it opens; it has no rule for non-text contrast (WCAG 1.4.11),
which these pairs cover."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "static" / "css"
SITE = CSS / "site.css"

DECLARATION = re.compile(
    r"--(?P<name>[\w-]+):\s*(?P<value>[^;]+);[ \t]*(?:/\*(?P<note>.*?)\*/)?"
)
PAIR_NOTE = re.compile(r"^\s*(?P<kind>text|ui) on (?P<backgrounds>[\w -]+?)\s*(?::|$)")
COLOUR = re.compile(r"^#[0-9a-f]{3}$|^#[0-9a-f]{6}$|^rgb\(", re.IGNORECASE)
MINIMUM = {"text": 4.5, "ui": 3.0}
LITERAL = re.compile(
    r"#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|"
    r"(?<![\w-])(?:white|black|red|green|blue|yellow|gray|grey|orange)(?![\w-])",
    re.IGNORECASE,
)


def root_block(css, after=0):
    """The declarations of the first `:root { ... }` at or after `after`."""
    start = css.index(":root {", after)
    return css[start : css.index("}", start)]


def declarations(block):
    return {m["name"]: m for m in DECLARATION.finditer(block)}


def schemes():
    css = SITE.read_text()
    light = declarations(root_block(css))
    dark_at = css.index("@media (prefers-color-scheme: dark)")
    dark = declarations(root_block(css, dark_at))
    assert set(dark) <= set(light), "the dark scheme overrides unknown colours"
    light_values = {name: m["value"].strip() for name, m in light.items()}
    dark_values = {**light_values, **{n: m["value"].strip() for n, m in dark.items()}}
    return light, {"light": light_values, "dark": dark_values}


def luminance(hex_colour):
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def pairs():
    """(kind, foreground, background) from the notes beside the light values."""
    light, _ = schemes()
    found = []
    for name, match in light.items():
        note = PAIR_NOTE.match(match["note"] or "")
        if note:
            for background in note["backgrounds"].split():
                found.append((note["kind"], name, background))
    return found


def test_the_notes_declare_pairs_for_every_scheme_colour():
    light, values = schemes()
    colours = {n for n, v in values["light"].items() if COLOUR.match(v)}
    paired = {name for _, fg, bg in pairs() for name in (fg, bg)}
    decorative = {
        n for n in colours if "decorative" in (light[n]["note"] or "").split(":")[0]
    }

    assert paired - colours == set(), "a note names a colour that does not exist"
    assert colours - paired - decorative == set(), "colours with no checked pair"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_declared_pair_meets_its_contrast_minimum(scheme):
    values = schemes()[1][scheme]
    failures = []
    for kind, fg, bg in pairs():
        assert values[fg].startswith("#") and values[bg].startswith("#"), (fg, bg)
        ratio = contrast(values[fg], values[bg])
        if ratio < MINIMUM[kind]:
            failures.append(f"--{fg} on --{bg}: {ratio:.2f}:1 < {MINIMUM[kind]}:1")

    assert failures == []


def test_the_pairs_include_text_fields_and_focus_on_both_schemes():
    declared = set(pairs())

    assert ("text", "ink", "bg") in declared
    assert ("text", "ink", "mark-bg") in declared
    assert ("ui", "field-border", "bg") in declared
    assert ("ui", "focus", "bg") in declared


@pytest.mark.parametrize("path", sorted(CSS.glob("*.css")), ids=lambda p: p.name)
def test_rules_name_colours_only_through_variables(path):
    css = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
    css = re.sub(r":root\s*\{[^}]*\}", "", css)

    assert LITERAL.findall(css) == []
