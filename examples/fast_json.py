"""A cache switched from json to orjson and ujson for speed: json's habits left behind."""
import orjson
import ujson
from pathlib import Path

CACHE = Path("cache.json")


def render(report) -> bytes:
    # JSN014: orjson takes no indent=; orjson.OPT_INDENT_2 is its only indent.
    return orjson.dumps(report, indent=2)


def save(report):
    with open(CACHE, "wb") as f:
        # JSN015: orjson has no dump(); write the bytes dumps() returns.
        orjson.dump(report, f)


def load():
    with open(CACHE, "rb") as f:
        # JSN006: loads() parses bytes or str, not a file.
        return orjson.loads(f)


def describe(report) -> str:
    # JSN016: orjson.dumps() returns bytes; in an f-string they show as b'...'.
    return f"report {orjson.dumps(report)}"


def render_compact(report) -> str:
    # JSN001: ujson.dump() needs a file; ujson.dumps() returns the string.
    return ujson.dump(report)


def render_sorted(report) -> str:
    # JSN009: ujson has no cls= (its options are its own).
    return ujson.dumps(report, sort_keys=True, cls=None)
