"""Exports reports to JSON files: the writing side of the json module's mistakes."""
import json
import os
from pathlib import Path

OUT_DIR = Path("reports")


def render(report):
    # JSN001: dump() without a file; dumps() returns the string.
    return json.dump(report, indent=2)


def export(report, path):
    with open(path, "w", encoding="utf-8") as f:
        # JSN002: dump() writes and returns None.
        written = json.dump(report, f)
    return written


def export_lines(rows, path):
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            # JSN003: dumps() takes no file.
            json.dumps(row, out)


def export_to(report, name):
    # JSN004: a path where an open file is needed.
    json.dump(report, OUT_DIR / f"{name}.json")
    json.dump(report, os.path.join("backup", "report.json"))


def update(report, path):
    with open(path) as f:
        # JSN010: the file is open for reading only.
        json.dump(report, f)


def export_bytes(report, path):
    with open(path, "wb") as f:
        # JSN012: a binary file takes bytes; dumps() returns str.
        f.write(json.dumps(report))


def export_text(report, path):
    with open(path, "w", encoding="utf-8") as f:
        # JSN013: a text file takes str; .encode() made bytes.
        f.write(json.dumps(report).encode("utf-8"))
