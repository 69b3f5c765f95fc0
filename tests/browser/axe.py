"""axe-core (pinned in package.json, installed by `npm ci`) in the pages that
Selenium opens, and the colour schemes and screen widths it checks them in.

Chromium evaluates the script in every document the window opens, before
the page's own scripts; the DevTools protocol is not bound by the site's
Content-Security-Policy, which forbids inline scripts."""

import os
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The dark scheme changes colour values alone (the stylesheets' variables),
# so on a page already checked whole at a width only these rules can answer
# differently in it.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
DESKTOP = 1280
PHONE = 390

RUN = """
const [only, done] = [arguments[0], arguments[arguments.length - 1]];
axe.run(document, {runOnly: only, resultTypes: ["violations"]})
  .then(result => done(result.violations.map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.map(n => n.target.join(" ")),
    summary: v.nodes[0].failureSummary,
  }))))
  .catch(error => done([{id: "axe-error", impact: "critical", nodes: [],
                         summary: String(error)}]));
"""


def require_axe():
    if AXE_JS.exists():
        return
    message = f"{AXE_JS} is missing: run `npm ci` (make test does)."
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def install(driver):
    """Load axe-core into every document `driver` opens from now on."""
    require_axe()
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": AXE_JS.read_text()}
    )
    driver.set_script_timeout(60)


def emulate(driver, *, scheme="light", width=DESKTOP, height=800):
    """Show the open page in `scheme` on a screen `width` CSS pixels wide
    (a phone below 500: touch, mobile viewport)."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": height if width >= 500 else 844,
            "deviceScaleFactor": 1,
            "mobile": width < 500,
        },
    )


SETTLED = """
const done = arguments[arguments.length - 1];
const settled = () => document.getAnimations().every(a => a.playState !== "running");
const wait = () => settled() ? done(true) : requestAnimationFrame(wait);
requestAnimationFrame(wait);
"""


def violations(driver, rules=None):
    """axe's violations on the open page (all of TAGS' rules, or `rules`):
    ["rule (impact) xN: where; … [why]"]."""
    # A scheme switched mid-transition (the admin eases colours) would show
    # axe colours that no reader ever sees at rest.
    driver.execute_async_script(SETTLED)
    only = (
        {"type": "rule", "values": rules} if rules else {"type": "tag", "values": TAGS}
    )
    found = driver.execute_async_script(RUN, only)
    return [
        f"{v['id']} ({v['impact']}) x{len(v['nodes'])}: {'; '.join(v['nodes'][:4])}"
        f" [{' '.join((v['summary'] or '').split())[:240]}]"
        for v in found
    ]


def check(driver, url, *, variants):
    """Open `url` once and check it in each (scheme, width) of `variants`:
    wholly at the first scheme of each width, with COLOUR_RULES at the others.
    {"url scheme width": violations} for the variants with any."""
    driver.get(url)
    return check_open(driver, variants=variants, name=url)


def check_open(driver, *, variants, name):
    """check() of the page as it is now (a dialog opened, a slide shown),
    back in the light scheme on a desktop after."""
    failures = {}
    checked_widths = set()
    for scheme, width in variants:
        emulate(driver, scheme=scheme, width=width)
        found = violations(driver, COLOUR_RULES if width in checked_widths else None)
        checked_widths.add(width)
        if found:
            failures[f"{name} {scheme} {width}px"] = found
    emulate(driver, scheme="light", width=DESKTOP)
    return failures


def report(failures):
    """The failures of check(), one violation a line, for an assert message."""
    return "\n".join(
        f"{where}: {violation}"
        for where, found in failures.items()
        for violation in found
    )
