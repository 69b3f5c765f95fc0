import re
from pathlib import Path

import articles

CORE = Path(articles.__file__).resolve().parent
DESK_IMPORT = re.compile(r"^\s*(from|import)\s+desk\b", re.MULTILINE)


def test_the_publishing_core_never_imports_the_desk():
    offenders = [
        str(path.relative_to(CORE))
        for path in CORE.rglob("*.py")
        if "migrations" not in path.parts and DESK_IMPORT.search(path.read_text())
    ]

    assert offenders == []
