"""The same jobs done right: dumpling reports nothing here."""
import json
from pathlib import Path


def render(report):
    return json.dumps(report, indent=2, sort_keys=True)


def export(report, path: Path):
    with path.open("w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False)


def load(path: Path):
    with path.open(encoding="utf-8") as f:
        return json.load(f)
