"""CPython oracle for dumpling's tests: a long-lived process answering JSON-lines requests.

Protocol (documented in full in python-oracle.ts): every input line is one request object or a JSON
array of them (a batch); every output line is the reply object, or the array of replies, in order.
Values cross in the "tagged" encoding, which carries what plain JSON cannot (see to_tagged).
"""
import base64, contextlib, io, json, math, sys, traceback

sys.setrecursionlimit(1000)  # the default; stated because RecursionError tests depend on it


class unlimited_ints:
    """Tagged ints may have any number of digits; json's own calls keep CPython's 4300-digit limit."""

    def __enter__(self):
        sys.set_int_max_str_digits(0)

    def __exit__(self, *exc):
        sys.set_int_max_str_digits(4300)


def to_tagged(v, ids=None):
    if ids is None:
        ids = {}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        if -(2**53) < v < 2**53:
            return v
        with unlimited_ints():
            return {"$int": str(v)}
    if isinstance(v, float):
        return {"$float": repr(v)}
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": base64.b64encode(v).decode()}
    if isinstance(v, (list, tuple, dict, set, frozenset)):
        if id(v) in ids:
            return {"$ref": ids[id(v)]}
        ids[id(v)] = len(ids)
        if isinstance(v, list):
            return [to_tagged(x, ids) for x in v]
        if isinstance(v, tuple):
            return {"$tuple": [to_tagged(x, ids) for x in v]}
        if isinstance(v, dict):
            return {"$dict": [[to_tagged(k, ids), to_tagged(x, ids)] for k, x in v.items()]}
        return {"$set": [to_tagged(x, ids) for x in v]}
    return {"$object": type(v).__name__, "repr": repr(v)}


_classes = {}


def from_tagged(t, refs=None):
    if refs is None:
        refs = {}
    if t is None or isinstance(t, (bool, str, int, float)):
        return t
    if isinstance(t, list):
        return [from_tagged(x, refs) for x in t]
    if "$int" in t:
        with unlimited_ints():
            return int(t["$int"])
    if "$float" in t:
        return float(t["$float"])
    if "$bytes" in t:
        return base64.b64decode(t["$bytes"])
    if "$ref" in t:
        return refs[t["$ref"]]
    if "$object" in t:
        name = t["$object"]
        cls = _classes.setdefault(name, type(name, (), {}))
        return cls()
    if "$tuple" in t:
        return tuple(from_tagged(x, refs) for x in t["$tuple"])
    if "$set" in t:
        return set(from_tagged(x, refs) for x in t["$set"])
    if "$list" in t:  # a list that others refer to: {"$id": n, "$list": [...]}
        out = refs[t["$id"]] = []
        out.extend(from_tagged(x, refs) for x in t["$list"])
        return out
    if "$dict" in t:
        out = {}
        if "$id" in t:
            refs[t["$id"]] = out
        for k, x in t["$dict"]:
            out[from_tagged(k, refs)] = from_tagged(x, refs)
        return out
    raise ValueError("bad tagged value: %r" % (t,))


def error_reply(e, **extra):
    err = {
        "type": type(e).__name__,
        "module": type(e).__module__,
        "message": str(e),
        "line": traceback.format_exception_only(type(e), e)[-1].rstrip("\n"),
    }
    if isinstance(e, json.JSONDecodeError):
        err.update(msg=e.msg, pos=e.pos, lineno=e.lineno, colno=e.colno)
    if isinstance(e, (UnicodeDecodeError, UnicodeEncodeError)):
        err.update(encoding=e.encoding, start=e.start, end=e.end, reason=e.reason)
    err.update(extra)
    return {"error": err}


HOOKS = ("default", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant")


def kwargs(opts):
    kw = dict(opts or {})
    for name in HOOKS:
        if isinstance(kw.get(name), str):  # hooks travel as Python expressions
            kw[name] = eval(kw[name], {"json": json, "math": math})
    if "separators" in kw and kw["separators"] is not None:
        kw["separators"] = tuple(kw["separators"])
    if "indent" in kw and isinstance(kw["indent"], dict):
        kw["indent"] = from_tagged(kw["indent"])
    return kw


def handle(req):
    op = req.get("op")
    if op == "version":
        return {"ok": sys.version}
    if op == "dumps":
        return {"ok": json.dumps(from_tagged(req["value"]), **kwargs(req.get("opts")))}
    if op == "dump":
        fp = io.StringIO()
        try:
            json.dump(from_tagged(req["value"]), fp, **kwargs(req.get("opts")))
        except Exception as e:
            return error_reply(e, partial=fp.getvalue())
        return {"ok": fp.getvalue()}
    if op == "loads":
        s = base64.b64decode(req["bytes"]) if "bytes" in req else req["s"]
        return {"ok": to_tagged(json.loads(s, **kwargs(req.get("opts"))))}
    if op == "roundtrip":  # json.dumps(json.loads(s), **opts)
        return {"ok": json.dumps(json.loads(req["s"]), **kwargs(req.get("opts")))}
    if op == "repr":
        return {"ok": repr(from_tagged(req["value"]))}
    if op == "exec":  # run code; reply with the tagged `result` variable and what it printed
        ns = {"json": json}
        for name, value in (req.get("vars") or {}).items():  # tagged values bound to names first
            ns[name] = from_tagged(value)
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(req["code"], ns)
        except Exception as e:
            return error_reply(e, stdout=out.getvalue())
        return {"ok": to_tagged(ns.get("result")), "stdout": out.getvalue()}
    if op == "eval":  # a Python expression over tagged variables; reply with its tagged value
        ns = {name: from_tagged(v) for name, v in (req.get("vars") or {}).items()}
        return {"ok": to_tagged(eval(req["expr"], ns))}
    if op in ("orjson.dumps", "ujson.dumps", "ujson.dump", "orjson.loads", "ujson.loads"):
        return libraries(op, req)
    raise ValueError("unknown op %r" % (op,))


def libraries(op, req):
    """orjson's and ujson's calls: only in the venv of test/support/libraries.ts, which has them."""
    import orjson, ujson

    # A deep value travels as a Python expression ("expr"): its tagged form would pass json's recursion limit.
    value = (lambda: eval(req["expr"])) if "expr" in req else (lambda: from_tagged(req["value"]))
    if op == "orjson.dumps":
        # orjson matches keyword names by identity: the names json.loads made must be interned.
        kw = {sys.intern(k): v for k, v in kwargs(req.get("opts")).items()}
        return {"ok": orjson.dumps(value(), **kw).decode("utf-8")}
    if op == "ujson.dumps":
        return {"ok": ujson.dumps(value(), **kwargs(req.get("opts")))}
    if op == "ujson.dump":
        fp = io.StringIO()
        ujson.dump(from_tagged(req["value"]), fp, **kwargs(req.get("opts")))
        return {"ok": fp.getvalue()}
    s = base64.b64decode(req["bytes"]) if "bytes" in req else req["s"]
    return {"ok": to_tagged((orjson if op == "orjson.loads" else ujson).loads(s))}


def answer(req):
    try:
        return handle(req)
    except RecursionError as e:
        return error_reply(e)
    except Exception as e:
        return error_reply(e)


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        msg = json.loads(line)
        reply = [answer(r) for r in msg] if isinstance(msg, list) else answer(msg)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
