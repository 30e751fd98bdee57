"""The Python side of `npm run eval:real`'s differential sample (CPython is the oracle).

    python3 driver.py analyze JOBS OUT   each call's free names, whether each is a plain variable,
                                         the role it plays (what to feed it), or why it cannot be fed
    python3 driver.py run JOBS OUT       run each call with its free names bound; one JSON line per job
    python3 driver.py classify JOBS OUT  the kind of Python construct of each snippet (for markers)

A call's Python runs as it stands in its file: an expression is evaluated, statements are
executed (inside `if True:` when the file indents them, so every line keeps its indentation), a
unit that starts with `return` inside a function. Its json aliases and standard-library imports
come from the file's own import statements; its free names are globals holding the fed values.
"""
import ast
import base64
import builtins
import io
import json
import signal
import symtable
import sys
import types

FUNCS = {"dump", "dumps", "load", "loads"}
HOOKS = {"default", "cls", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"}
OPTIONS = {"indent", "sort_keys", "ensure_ascii", "allow_nan", "skipkeys", "check_circular", "separators", "strict"}
# A free name whose only use is one of these methods: what to feed it.
METHODS = {"decode": "bytes", "encode": "text", "read": "reader", "write": "writer"}
STDLIB = set(sys.stdlib_module_names) | {"simplejson"}
TIMEOUT_S = 10

# --- the file's imports ---------------------------------------------------------------------------

_namespaces = {}


def _try_exec(code, ns):
    try:
        exec(code, ns)
    except Exception:  # a module this Python lacks: the name stays unbound
        pass


def namespace(path):
    """The file's json aliases and standard-library imports, executed in source order."""
    if path not in _namespaces:
        ns = {}
        with open(path, "rb") as f:
            tree = ast.parse(f.read())
        nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
        for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
            if isinstance(node, ast.Import):
                for a in node.names:
                    if a.name.split(".")[0] in STDLIB:
                        _try_exec(f"import {a.name}" + (f" as {a.asname}" if a.asname else ""), ns)
                continue
            module = node.module or ""
            for a in node.names:
                bound = a.asname or a.name
                if node.level == 0 and module.split(".")[0] in STDLIB:
                    _try_exec(f"from {module} import {a.name}" + (f" as {a.asname}" if a.asname else ""), ns)
                elif a.name in ("json", "simplejson"):  # a module that re-exports json (botocore.compat)
                    ns[bound] = json
        ns.pop("__builtins__", None)
        _namespaces[path] = ns
    return dict(_namespaces[path])


# --- a unit's code ---------------------------------------------------------------------------------


def _returns(node):
    """Whether a `return` of the unit itself (not of a nested def or lambda) is in `node`."""
    for c in ast.iter_child_nodes(node):
        if isinstance(c, ast.Return) or (not isinstance(c, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) and _returns(c)):
            return True
    return False


def unit_code(job):
    """(how, source): how is "eval" (an expression), "exec" (statements) or "def" (statements that return)."""
    python, indent = job["python"], job["indent"]
    if job["expression"]:
        source = "(" + python + "\n)"
        try:
            compile(source, "<unit>", "eval")
            return "eval", source
        except SyntaxError:
            pass
    body = (indent or " ") + python + "\n"
    try:
        if _returns(ast.parse("def __unit__():\n" + body).body[0]):
            return "def", "def __unit__():\n" + body
    except SyntaxError:
        pass
    return "exec", ("if True:\n" + body) if indent else python + "\n"


def free_names(source, how):
    """Names the unit reads but never binds (nor do its imports)."""
    table = symtable.symtable(source if how != "eval" else "__v = " + source, "<unit>", "exec")
    out = []

    def visit(t, top):
        for s in t.get_symbols():
            name = s.get_name()
            if top and s.is_referenced() and not s.is_assigned() and not s.is_imported():
                out.append(name)
            elif not top and s.is_referenced() and s.is_global() and not s.is_declared_global():
                out.append(name)
        for c in t.get_children():
            if how == "def" and top and c.get_name() == "__unit__":
                visit(c, False)
            else:
                visit(c, False)

    visit(table, True)
    seen = []
    for n in out:
        if n not in seen and n not in ("__v", "__unit__"):
            seen.append(n)
    return seen


def is_json_call(call, ns):
    f = call.func
    chain = []
    while isinstance(f, ast.Attribute):
        chain.append(f.attr)
        f = f.value
    if not isinstance(f, ast.Name) or f.id not in ns:
        return None
    obj = ns[f.id]
    for attr in reversed(chain):
        obj = getattr(obj, attr, None)
    name = getattr(obj, "__name__", None)
    module = getattr(obj, "__module__", "") or ""
    if name in FUNCS and module.split(".")[0] in ("json", "simplejson"):
        return name
    return None


def is_open(call):
    """open(), io.open() or codecs.open()."""
    f = call.func
    return (isinstance(f, ast.Name) and f.id == "open") or (
        isinstance(f, ast.Attribute) and f.attr == "open" and isinstance(f.value, ast.Name) and f.value.id in ("io", "codecs"))


def is_path(call):
    """Path(...) or pathlib.Path(...)."""
    f = call.func
    return (isinstance(f, ast.Name) and f.id == "Path") or (isinstance(f, ast.Attribute) and f.attr == "Path")


def open_mode(call):
    mode = call.args[1] if len(call.args) > 1 else next((k.value for k in call.keywords if k.arg == "mode"), None)
    if mode is None:
        return "r"
    if isinstance(mode, ast.Constant) and isinstance(mode.value, str):
        return mode.value
    return None


def roles(tree, names, ns):
    """For each free name, its role (a dict of roles by attribute path for a name used as `n.a.b`),
    or the reason (starting with "!") it cannot be fed."""
    parents = {}
    for p in ast.walk(tree):
        for c in ast.iter_child_nodes(p):
            parents[c] = p
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Name) or node.id not in names or not isinstance(node.ctx, ast.Load):
            continue
        e, path = node, []
        while isinstance(parents.get(e), ast.Attribute) and parents[e].value is e:
            e = parents[e]
            path.append(e.attr)
        p = parents.get(e)
        if path and isinstance(p, ast.Call) and p.func is e:
            role = METHODS.get(path[-1], "!method of a free name called")
            path = path[:-1]
        else:
            role = use_role(e, p, parents, ns)
        found.setdefault(node.id, {}).setdefault(".".join(path), set()).add(role)
    out = {}
    for name, by_path in found.items():
        flat = {path: rs.pop() if len(rs) == 1 else "!used in two roles" for path, rs in by_path.items()}
        bad = [r for r in flat.values() if r.startswith("!")]
        if "" in flat and len(flat) > 1:
            bad.append("!used in two roles")
        out[name] = bad[0] if bad else flat[""] if "" in flat else flat
    return out


def use_role(node, p, parents, ns):
    """What the expression `node` (a free name or `name.attr...`) is used as, by its parent `p`."""
    role = "value"
    if isinstance(p, ast.BinOp):
        other = p.right if p.left is node else p.left
        if isinstance(other, (ast.JoinedStr,)) or (isinstance(other, ast.Constant) and isinstance(other.value, str)):
            role = "string" if not isinstance(p.op, ast.Mod) else "scalar"
        elif isinstance(p.op, ast.Mod) and p.right is node:
            role = "scalar"
        elif isinstance(p.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Pow)):
            role = "number"
    elif isinstance(p, ast.FormattedValue) or (isinstance(p, ast.Tuple) and isinstance(parents.get(p), ast.BinOp) and isinstance(parents[p].op, ast.Mod)):
        role = "scalar"
    elif isinstance(p, ast.Call) and p.func is node:
        role = "!free name called"
    elif isinstance(p, ast.Subscript) and p.value is node:
        role = "!subscript of a free name"
    elif isinstance(p, (ast.Starred,)) or (isinstance(p, ast.keyword) and p.arg is None):
        role = "!star argument"
    elif isinstance(p, ast.keyword) and isinstance(parents.get(p), ast.Call):
        call = parents[p]
        fn = is_json_call(call, ns)
        if fn and p.arg in HOOKS:
            role = "!hook or class option"
        elif fn and p.arg in OPTIONS:
            role = "option:" + p.arg
        elif fn and p.arg == "s":
            role = "text"
        elif fn and p.arg == "fp":
            role = "reader" if fn == "load" else "writer"
        elif fn and p.arg == "obj":
            role = "value"
        elif fn:
            role = "!unknown json keyword"
        elif is_open(call) and p.arg == "encoding":
            role = "option:encoding"
        elif is_open(call) and p.arg in ("file", "filename"):
            role = "!open() mode is not a literal"
            mode = open_mode(call)
            if mode is not None:
                role = "path-read" if "r" in mode and "+" not in mode else "path-write"
        elif isinstance(call.func, ast.Name) and call.func.id == "print" and p.arg == "file":
            role = "writer"
    elif isinstance(p, ast.Call) and node in p.args:
        fn = is_json_call(p, ns)
        i = p.args.index(node)
        if fn == "loads" and i == 0:
            role = "text"
        elif fn == "load" and i == 0:
            role = "reader"
        elif fn == "dump" and i == 1:
            role = "writer"
        elif fn and i > (1 if fn == "dump" else 0):
            role = "!positional option"
        elif is_open(p) and i == 0:
            mode = open_mode(p)
            role = "!open() mode is not a literal" if mode is None else "path-read" if "r" in mode and "+" not in mode else "path-write"
        elif is_open(p) and i == 2 and isinstance(p.func, ast.Attribute) and p.func.attr == "open" and p.func.value.id == "codecs":
            role = "option:encoding"
        elif is_open(p):
            role = "!open() mode is not a literal"
        elif is_path(p) and i == 0:
            use = parents.get(p)
            role = "path-write" if isinstance(use, ast.Attribute) and use.attr.startswith("write") else "path-read"
    return role


def analyze(job):
    how, source = unit_code(job)
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as e:
        return {"reason": f"does not compile alone ({e.msg})"}
    if any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await, ast.AsyncWith, ast.AsyncFor)) for n in ast.walk(tree)):
        return {"reason": "async or generator code"}
    ns = namespace(job["file"])
    names = [n for n in free_names(source, how) if n not in ns and not hasattr(builtins, n)]
    names += [n for n in job["tsNames"] if n not in names]
    r = roles(tree, set(names), ns)
    return {"names": names, "roles": {n: r.get(n, "value") for n in names}}


# --- running a unit --------------------------------------------------------------------------------


class Reader:
    def __init__(self, text):
        self.text = text

    def read(self, *args):
        return self.text


class Writer:
    def __init__(self):
        self.chunks = []

    def write(self, s):
        self.chunks.append(s)
        return len(s)


class Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise Timeout()


def value_of(binding, writers, key):
    kind = binding["kind"]
    if kind == "ns":
        root = types.SimpleNamespace()
        for path, leaf in binding["attrs"].items():
            obj, *parts = [root] + path.split(".")
            for part in parts[:-1]:
                if not hasattr(obj, part):
                    setattr(obj, part, types.SimpleNamespace())
                obj = getattr(obj, part)
            setattr(obj, parts[-1], value_of(leaf, writers, key + "." + path))
        return root
    if kind == "json":
        return json.loads(binding["text"])
    if kind == "str":
        return binding["text"]
    if kind == "bytes":
        return binding["text"].encode("utf-8")
    if kind == "reader":
        return Reader(binding["text"])
    if kind == "writer":
        writers[key] = Writer()
        return writers[key]
    raise ValueError(kind)


def run(job):
    how, source = unit_code(job)
    g = namespace(job["file"])
    g["__builtins__"] = builtins
    g["__name__"] = "__evalreal__"
    writers = {}
    for name, binding in job["bindings"].items():
        g[name] = value_of(binding, writers, name)
    out, err = io.BytesIO(), io.BytesIO()
    stdout, stderr = sys.stdout, sys.stderr
    wrappers = (io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True),
                io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", newline="\n", write_through=True))
    sys.stdout, sys.stderr = wrappers
    result = {"status": "ok"}
    signal.alarm(TIMEOUT_S)
    try:
        if how == "eval":
            value = eval(compile(source, "<unit>", "eval"), g)
        else:
            exec(compile(source, "<unit>", "exec"), g)
            value = g["__unit__"]() if how == "def" else None
            declares = job.get("declares") or []
            if how == "exec" and len(declares) == 1:
                value = g.get(declares[0])
            elif how == "exec" and declares:
                value = {d: g.get(d) for d in declares}
        result["repr"] = repr(value)
    except Timeout:
        result = {"status": "timeout"}
    except BaseException as e:  # SystemExit and KeyboardInterrupt are the unit's outcome too
        result = {"status": "raised", "type": type(e).__name__, "message": str(e)}
    finally:
        signal.alarm(0)
        sys.stdout, sys.stderr = stdout, stderr
        for w in wrappers:
            try:
                w.flush()
                w.detach()  # keeps the BytesIO open when the wrapper is collected
            except ValueError:  # the unit closed sys.stdout itself
                pass
    result["stdout"] = base64.b64encode(out.getvalue()).decode()
    result["stderr"] = base64.b64encode(err.getvalue()).decode()
    result["writers"] = {n: repr(("" if all(isinstance(c, str) for c in w.chunks) else b"").join(w.chunks)) for n, w in writers.items()}
    return result


# --- what a marker's Python is ----------------------------------------------------------------------


def construct(text):
    """A short name for the kind of Python expression `text` is: `%` formatting, `in`, a method call..."""
    try:
        node = ast.parse("(" + text + "\n)", mode="eval").body
    except SyntaxError:
        return "not an expression"
    if isinstance(node, ast.BinOp):
        op = type(node.op).__name__
        if isinstance(node.op, ast.Mod) and isinstance(node.left, (ast.Constant, ast.JoinedStr)):
            return "% formatting (" + ("tuple" if isinstance(node.right, ast.Tuple) else "dict" if isinstance(node.right, ast.Dict) else "one value") + ")"
        return "binary " + op
    if isinstance(node, ast.Compare):
        return "comparison " + "/".join(type(o).__name__ for o in node.ops)
    if isinstance(node, ast.Call):
        f = node.func
        kw = " with keywords" if node.keywords else ""
        if isinstance(f, ast.Attribute):
            return f"method .{f.attr}(){kw}"
        if isinstance(f, ast.Name):
            return f"call {f.id}(){kw}" if hasattr(builtins, f.id) else f"call of a function{kw}"
        return "call of an expression"
    if isinstance(node, ast.Subscript):
        return "slice" if isinstance(node.slice, ast.Slice) else "subscript"
    if isinstance(node, ast.JoinedStr):
        return "f-string with a format spec" if any(isinstance(v, ast.FormattedValue) and v.format_spec for v in node.values) else "f-string"
    return type(node).__name__


def main():
    command, jobs_path, out_path = sys.argv[1:4]
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    with open(out_path, "a", encoding="utf-8") as out:
        for job in jobs:
            if command == "analyze":
                try:
                    r = analyze(job)
                except Exception as e:
                    r = {"reason": f"cannot be analyzed ({type(e).__name__}: {e})"}
            elif command == "classify":
                r = {"construct": construct(job["text"])}
            else:
                r = run(job)
            out.write(json.dumps({"id": job["id"], **r}) + "\n")
            out.flush()


if __name__ == "__main__":
    main()
