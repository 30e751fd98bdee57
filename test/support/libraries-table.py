"""The README's table "json, simplejson, orjson, ujson: what differs": every cell is what the real
library does, computed here (run by test/libraries-table.test.ts in the venv of libraries.ts).
Prints JSON: {"versions": {...}, "rows": [[what, json, simplejson, orjson, ujson], ...]}."""
import json, sys
import orjson, simplejson, ujson

MODULES = {"json": json, "simplejson": simplejson, "orjson": orjson, "ujson": ujson}


def cell(f):
    try:
        v = f()
    except Exception as e:
        return "raises %s: %s" % (type(e).__name__, str(e).split(":")[0] if type(e).__name__ == "JSONDecodeError" else e)
    return repr(v)


def dumps(m, obj, **kw):
    """dumps with json's keyword names; orjson's option flags stand in for indent and sort_keys."""
    if m is orjson:
        option = (orjson.OPT_INDENT_2 if kw.pop("indent", None) else 0) | (orjson.OPT_SORT_KEYS if kw.pop("sort_keys", False) else 0)
        return orjson.dumps(obj, option=option or None, **kw)
    return m.dumps(obj, **kw)


ROWS = [
    ("`dumps({'a': [1, 2]})`: what it returns, with which separators", lambda m: dumps(m, {"a": [1, 2]})),
    ("`dumps('é')`: non-ASCII (ensure_ascii's default)", lambda m: dumps(m, "é")),
    ("`dumps('a/b')`: forward slashes", lambda m: dumps(m, "a/b")),
    ("`dumps([1.0, 1e-05, 1e16])`: float layout", lambda m: dumps(m, [1.0, 1e-05, 1e16])),
    ("`dumps(float('nan'))`", lambda m: dumps(m, float("nan"))),
    ("`dumps({1: 2})`: non-str keys", lambda m: dumps(m, {1: 2})),
    ("`dumps(2 ** 64)`: big ints", lambda m: dumps(m, 2**64)),
    ("`dumps(b'x')`: bytes", lambda m: dumps(m, b"x")),
    ("`dumps([1], indent=2)` (orjson: `OPT_INDENT_2`)", lambda m: dumps(m, [1], indent=2)),
    ("`dumps({'b': 1, 'a': 2}, sort_keys=True)` (orjson: `OPT_SORT_KEYS`)", lambda m: dumps(m, {"b": 1, "a": 2}, sort_keys=True)),
    ("`loads('NaN')`", lambda m: m.loads("NaN")),
    ("`loads('18446744073709551616')`: ints past 64 bits", lambda m: m.loads("18446744073709551616")),
    ("`loads('1e400')`", lambda m: m.loads("1e400")),
    ("`loads('01')`", lambda m: m.loads("01")),
    ("`loads('\"\\\\ud800\"')`: an escaped lone surrogate", lambda m: m.loads('"\\ud800"')),
    ("`loads(b'[1]')`: bytes in", lambda m: m.loads(b"[1]")),
    ("`dump` and `load` exist", lambda m: hasattr(m, "dump") and hasattr(m, "load")),
]

versions = {"python": sys.version.split()[0], "simplejson": simplejson.__version__, "orjson": orjson.__version__, "ujson": ujson.__version__}
rows = [[what] + [cell(lambda m=m: f(m)) for m in MODULES.values()] for what, f in ROWS]
print(json.dumps({"versions": versions, "rows": rows}))
