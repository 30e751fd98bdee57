// The JsonCall model: which calls are json calls (name resolution per scope), how arguments
// bind to the real signatures, and what kind of value the file/string argument holds.
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/python/context.js";
import { py } from "../support/rule-tester.js";
import { NATIVE } from "../support/native.js";

function calls(code: string): string[] {
  const ctx = buildContext("t.py", code, NATIVE);
  return ctx.calls.map((c) => `${ctx.lines.position(c.node.startIndex).row}:${c.module}.${c.api}`);
}

function only(code: string) {
  const ctx = buildContext("t.py", code, NATIVE);
  expect(ctx.calls).toHaveLength(1);
  return ctx.calls[0]!;
}

describe("which calls are json calls", () => {
  it.each([
    ["import json\njson.dumps(1)", ["2:json.dumps"]],
    ["import json as j\nj.loads('1')", ["2:json.loads"]],
    ["from json import dumps as d, load\nd(1)\nload(f)", ["2:json.dumps", "3:json.load"]],
    ["from json import *\ndumps(1)", ["2:json.dumps"]],
    ["import json.decoder\njson.dumps(1)", ["2:json.dumps"]],
    ["import simplejson as json\njson.dump(1, f)", ["2:simplejson.dump"]],
    ["json = __import__('json')\njson.dumps(1)", ["2:json.dumps"]],
    ["import importlib\njson = importlib.import_module('json')\njson.dumps(1)", ["3:json.dumps"]],
    ["import json\nd = json.dumps\nd(1)", ["3:json.dumps"]],
    ["import json\nx = f'{json.dumps(1)}'", ["2:json.dumps"]],
    ["import orjson, ujson\norjson.dumps(1)\nujson.dumps(1)", ["2:orjson.dumps", "3:ujson.dumps"]],
    ["import orjson as oj\noj.loads(b)\noj.dump(x, f)", ["2:orjson.loads", "3:orjson.dump"]],
    ["from ujson import dumps as d, load\nd(1)\nload(f)", ["2:ujson.dumps", "3:ujson.load"]],
    ["from orjson import loads as parse\nparse(b)", ["2:orjson.loads"]],
    ["from ujson import *\ndump(x, f)\nloads(s)", ["2:ujson.dump", "3:ujson.loads"]],
    ["from orjson import *\ndumps(x)", ["2:orjson.dumps"]],
    ["j = __import__('orjson')\nj.dumps(1)", ["2:orjson.dumps"]],
    ["import importlib\nu = importlib.import_module('ujson')\nu.loads(s)", ["3:ujson.loads"]],
    ["import ujson\nd = ujson.dumps\nd(1)", ["3:ujson.dumps"]],
    ["import json\ndef f():\n    import orjson as json\n    json.dumps(1)\njson.dumps(1)", ["4:orjson.dumps", "5:json.dumps"]],
  ])("%s", (code, expected) => {
    expect(calls(code)).toEqual(expected);
  });

  it.each([
    ["no import", "json.dumps(1)"],
    ["a relative import of a local module", "from . import json\njson.dumps(1)"],
    ["orjson or ujson without an import", "orjson.dumps(1)\nujson.loads(s)"],
    ["a module whose name ends in json", "import borjson, fujson\nborjson.dumps(1)\nfujson.dumps(1)"],
    ["a parameter shadows orjson", "import orjson\ndef f(orjson):\n    orjson.dumps(1)"],
    ["a local assignment shadows ujson", "import ujson\ndef f():\n    ujson = Fake()\n    ujson.dumps(1)"],
    ["orjson's star import binds no dump", "from orjson import *\ndump(x, f)"],
    ["orjson and ujson bound to one name in two branches", "try:\n    import orjson as fast\nexcept ImportError:\n    import ujson as fast\nfast.dumps(1)"],
    ["resp.json() and self.json", "import json\nresp.json()\nself.json.dumps(1)"],
    ["a parameter shadows", "import json\ndef f(json):\n    json.dumps(1)"],
    ["a local assignment shadows", "import json\ndef f():\n    json = Fake()\n    json.dumps(1)"],
    ["a for target shadows", "import json\nfor json in encoders:\n    json.dumps(1)"],
    ["a class-level import is not visible in methods", "class C:\n    import json\n    def m(self):\n        json.dumps(1)"],
    ["strings and comments", "import json\n'json.dumps(1)'\n# json.dumps(1)"],
    ["another module's dumps", "import pickle\nfrom pickle import dumps\ndumps(1)"],
    ["a local function named dumps", "import json\ndef dumps(x):\n    pass\ndumps(1)"],
  ])("not: %s", (_, code) => {
    expect(calls(code)).toEqual([]);
  });

  it("global and nonlocal follow Python's rules", () => {
    expect(
      calls(py`
        def setup():
            global json
            import json
        def use():
            json.dumps(1)
      `),
    ).toEqual(["5:json.dumps"]);
    expect(
      calls(py`
        def outer():
            import json
            def inner():
                return json.dumps(1)
            return inner
      `),
    ).toEqual(["4:json.dumps"]);
  });

  it("a class body sees its own import; a comprehension sees the enclosing one", () => {
    expect(calls("class C:\n    import json\n    X = json.dumps(1)")).toEqual(["3:json.dumps"]);
    expect(calls("import json\nxs = [json.dumps(x) for x in range(3)]")).toEqual(["2:json.dumps"]);
    expect(calls("import json\nxs = [json.dumps(1) for json in things]")).toEqual([]);
  });

  it("source order: a rebinding before the call wins, one after it does not", () => {
    expect(calls("import json\njson.dumps(1)\njson = None")).toEqual(["2:json.dumps"]);
    expect(calls("import json\njson = Fake()\njson.dumps(1)")).toEqual([]);
    expect(calls("try:\n    import json\nexcept ImportError:\n    json = None\ndef f():\n    return json.dumps(1)")).toEqual(["6:json.dumps"]);
  });

  it("calls inside a syntax error region are skipped, the rest are found", () => {
    expect(calls("import json\njson.dumps(1\ndef f(:\n    pass\njson.loads('1')")).toContain("5:json.loads");
  });
});

describe("arguments bound to the signature", () => {
  it("json: options are keyword-only", () => {
    const c = only("import json\njson.dump(x, f, 4, indent=2, bogus=1)");
    expect([...c.bound.keys()]).toEqual(["obj", "fp", "indent"]);
    expect(c.extraPositional.map((a) => a.value.text)).toEqual(["4"]);
    expect(c.unknownKeywords.map((a) => a.name)).toEqual(["bogus"]);
  });

  it("simplejson: options are positional too", () => {
    const c = only("import simplejson\nsimplejson.dumps(x, True, False)");
    expect([...c.bound.keys()]).toEqual(["obj", "skipkeys", "ensure_ascii"]);
    expect(c.extraPositional).toEqual([]);
  });

  it("orjson: obj positional only, default and option positional too; loads takes one positional obj", () => {
    const c = only("import orjson\norjson.dumps(x, enc, 0, 1)");
    expect([...c.bound.keys()]).toEqual(["obj", "default", "option"]);
    expect(c.extraPositional.map((a) => a.value.text)).toEqual(["1"]);
    const k = only("import orjson\norjson.dumps(obj=x, option=2, indent=2)");
    expect([...k.bound.keys()]).toEqual(["option"]);
    expect(k.unknownKeywords.map((a) => a.name)).toEqual(["obj", "indent"]);
    const l = only("import orjson\norjson.loads(s)");
    expect([l.target?.arg.value.text, l.signature.exists]).toEqual(["s", true]);
    expect(only("import orjson\norjson.dump(x, f)").signature.exists).toBe(false);
  });

  it("ujson: dumps takes options positionally, dump by keyword only; loads' document is `obj`", () => {
    expect([...only("import ujson\nujson.dumps(x, True, False, indent=2)").bound.keys()]).toEqual(["obj", "ensure_ascii", "encode_html_chars", "indent"]);
    const d = only("import ujson\nujson.dump(x, f, True, indent=2)");
    expect([...d.bound.keys()]).toEqual(["obj", "fp", "indent"]);
    expect(d.extraPositional.map((a) => a.value.text)).toEqual(["True"]);
    expect(only("import ujson\nujson.loads(obj=s)").target?.arg.value.text).toBe("s");
    expect(only("import ujson\nujson.load(fp=f)").target).toBeNull();
  });

  it("the kind of orjson.dumps() is bytes, of ujson.dumps() str", () => {
    const kind = (code: string) => {
      const ctx = buildContext("t.py", code, NATIVE);
      const call = ctx.calls.find((c) => c.api === "loads")!;
      return call.target?.kind;
    };
    expect(kind("import json, orjson\njson.loads(orjson.dumps(x))")).toMatchObject({ kind: "text", bytes: true, origin: "dumps" });
    expect(kind("import json, ujson\njson.loads(ujson.dumps(x))")).toMatchObject({ kind: "text", bytes: false, origin: "dumps" });
  });

  it("*args stops positional binding; **kwargs is recorded", () => {
    const c = only("import json\njson.dump(x, *rest, **kw)");
    expect([...c.bound.keys()]).toEqual(["obj"]);
    expect(c.hasStarArgs).toBe(true);
    expect(c.hasStarStarArgs).toBe(true);
  });

  it("usage of the value", () => {
    const usage = (code: string) => only(`import json\n${code}`).usage;
    expect(usage("json.dumps(1)")).toBe("statement");
    expect(usage("x = json.dumps(1)")).toBe("assigned");
    expect(usage("def f():\n    return json.dumps(1)")).toBe("returned");
    expect(usage("print(json.dumps(1))")).toBe("argument");
    expect(usage("g = lambda: json.dumps(1)")).toBe("lambda");
    expect(usage("x = 'a' + json.dumps(1)")).toBe("other");
  });
});

describe("kinds of the file or string argument", () => {
  const kind = (code: string) => {
    const ctx = buildContext("t.py", `import json, io, sys, os, gzip, tempfile\nfrom pathlib import Path\nfrom typing import TextIO, BinaryIO, IO\n${code}`, NATIVE);
    return ctx.calls[0]?.target?.kind;
  };

  it.each([
    ['json.load(open("a.json"))', { kind: "file", mode: "r", readable: true, writable: false, binary: false, encodingGiven: false }],
    ['json.load(open("a.json", "rb"))', { kind: "file", mode: "rb", binary: true }],
    ['json.dump(x, open("a.json", mode="w", encoding="utf-8"))', { kind: "file", mode: "w", writable: true, readable: false, encodingGiven: true }],
    ['json.dump(x, open("a.json", "w", -1, "utf-8"))', { kind: "file", encodingGiven: true }],
    ['with open("a.json") as f:\n    json.load(f)', { kind: "file", origin: "open", mode: "r" }],
    ['f = io.open("a.json", "w")\njson.dump(x, f)', { kind: "file", mode: "w" }],
    ['json.dump(x, Path("a").open("w"))', { kind: "file", origin: "path-open", mode: "w" }],
    ["json.load(io.StringIO(s))", { kind: "file", origin: "stringio", readable: true }],
    ["json.dump(x, io.BytesIO())", { kind: "file", origin: "bytesio", binary: true }],
    ["json.dump(x, sys.stdout)", { kind: "file", origin: "std", writable: true, readable: false }],
    ["json.load(sys.stdin.buffer)", { kind: "file", origin: "std", binary: true }],
    ["json.dump(x, tempfile.TemporaryFile())", { kind: "file", origin: "tempfile", mode: "w+b", binary: true }],
    ['json.dump(x, gzip.open("a.gz", "w"))', { kind: "file", origin: "compressed-open", binary: true }],
    ["def f(s: TextIO):\n    json.load(s)", { kind: "file", origin: "annotation", binary: false }],
    ["def f(s: IO[str]):\n    json.load(s)", { kind: "file", origin: "annotation", binary: false }],
    ["def f(s: BinaryIO):\n    json.load(s)", { kind: "file", origin: "annotation", binary: true }],
    ['json.dump(x, "out/x.json")', { kind: "path", pathlib: false }],
    ['json.dump(x, Path("out") / "x.json")', { kind: "path", pathlib: true }],
    ['json.dump(x, os.path.join(d, "x.json"))', { kind: "path", pathlib: false }],
    ["def f(p: Path):\n    json.dump(x, p)", { kind: "path", pathlib: true }],
    ["def f(p: 'os.PathLike[str]'):\n    json.dump(x, p)", { kind: "path" }],
    ["def f(p: str = None):\n    json.dump(x, p)", { kind: "text" }],
    ["def f(path: str):\n    json.dump(x, path)", { kind: "path" }],
    ["def f(p: Optional[Path]):\n    json.dump(x, p)", { kind: "path" }],
    ['json.dump(x, Path(d).with_suffix(".json"))', { kind: "path", pathlib: true }],
    ["json.loads('{\"a\": 1}')", { kind: "text", bytes: false, origin: "literal" }],
    ['json.loads(b"{}")', { kind: "text", bytes: true }],
    ['json.loads(open("a").read())', { kind: "text", origin: "read", bytes: false }],
    ['json.loads(open("a", "rb").read())', { kind: "text", origin: "read", bytes: true }],
    ["json.loads(f.read())", { kind: "text", origin: "read", bytes: null }],
    ["json.loads(raw.decode())", { kind: "text", bytes: false }],
    ["json.loads(p.read_bytes())", { kind: "text", bytes: true }],
    ["json.loads(json.dumps(x))", { kind: "text", origin: "dumps" }],
    ["json.loads(r.text)", { kind: "text", origin: "attribute" }],
    ["json.loads(f.read().strip())", { kind: "text", origin: "method" }],
    ["json.loads(data)", { kind: "unknown" }],
    ["json.load(self.f)", { kind: "unknown" }],
    ["json.load(f if c else g)", { kind: "unknown" }],
  ])("%s", (code, expected) => {
    expect(kind(code)).toMatchObject(expected);
  });

  it("open() rebound to something else is not the builtin", () => {
    expect(kind('def open(p):\n    return p\njson.load(open("a.json"))')).toMatchObject({ kind: "unknown" });
  });

  it("a handle closed over from an enclosing function keeps its kind", () => {
    expect(kind('def f():\n    g = open("a.json", "w")\n    def inner():\n        json.dump(x, g)')).toMatchObject({ kind: "file", mode: "w" });
  });
});

describe("deeply nested code", () => {
  it("10,000 levels of brackets, calls and attributes: analysed, no stack overflow", () => {
    const n = 10_000;
    const code = [
      "import json",
      `a = ${"(".repeat(n)}json.dumps(1)${")".repeat(n)}`,
      `b = ${"[".repeat(n)}json.dump(1)${"]".repeat(n)}`,
      `c = json${".a".repeat(n)}`,
      `d = json.loads(${"f(".repeat(n)}${")".repeat(n)})`,
    ].join("\n");
    expect(calls(code)).toEqual(["2:json.dumps", "3:json.dump", "5:json.loads"]);
  });
});

describe("where a dumps call's text is written", () => {
  // "via handle str|bytes value", plus the handle's file kind in brief; "-" when not written.
  function written(code: string): string {
    const writes = only(`import io, json, sys\n${code}`).writes;
    if (writes.length === 0) return "-";
    return writes
      .map((w) => {
        const file = w.file ? ` [${w.file.origin}${w.file.binary ? " binary" : w.file.binary === false ? " text" : ""}]` : "";
        const notes = `${w.through ? " (through a name)" : ""}${w.oneOfSeveral ? " (one of several)" : ""}`;
        return `${w.via} ${w.handle?.text ?? "(stdout)"}${file} ${w.bytes ? "bytes" : "str"} ${w.value.text}${notes}`;
      })
      .join("; ");
  }

  it.each([
    ["f.write(json.dumps(1))", "write f str json.dumps(1)"],
    ["f.write((json.dumps(1)))", "write f str json.dumps(1)"],
    ['f.write("[" + json.dumps(1) + "]\\n")', 'write f str "[" + json.dumps(1) + "]\\n"'],
    ['f.write(f"{json.dumps(1)}\\n")', 'write f str f"{json.dumps(1)}\\n"'],
    ['f.write(f"{json.dumps(1)}" "\\n" + "x")', 'write f str f"{json.dumps(1)}" "\\n" + "x"'],
    ["f.write(json.dumps(1).encode())", "write f bytes json.dumps(1).encode()"],
    ['f.write((json.dumps(1) + "\\n").encode("utf-8") + b"\\n")', 'write f bytes (json.dumps(1) + "\\n").encode("utf-8") + b"\\n"'],
    ['with open("o.json", "wb") as f:\n    f.write(json.dumps(1))', 'write f [open binary] str json.dumps(1)'],
    ["io.StringIO().write(json.dumps(1))", "write io.StringIO() [stringio text] str json.dumps(1)"],
    ["sys.stderr.buffer.write(json.dumps(1))", "write sys.stderr.buffer [std binary] str json.dumps(1)"],
    ['f.writelines([json.dumps(1), "\\n"])', "writelines f str json.dumps(1) (one of several)"],
    ["f.writelines((json.dumps(1),))", "writelines f str json.dumps(1)"],
    ["f.writelines(json.dumps(r) for r in rs)", "writelines f str json.dumps(r)"],
    ["f.writelines([json.dumps(r).encode() for r in rs])", "writelines f bytes json.dumps(r).encode()"],
    ["print(json.dumps(1))", "print (stdout) [std text] str json.dumps(1)"],
    ["print(json.dumps(1), file=None)", "print (stdout) [std text] str json.dumps(1)"],
    ["print('x', json.dumps(1).encode(), file=sys.stderr)", "print sys.stderr [std text] bytes json.dumps(1).encode()"],
    ["print(json.dumps(1), file=out)", "print out str json.dumps(1)"],
    ["s = json.dumps(1)\nf.write(s)\nprint(s, file=g)", "write f str s (through a name); print g str s (through a name)"],
    ['b = (json.dumps(1) + "\\n").encode()\nio.StringIO().writelines([b])', "writelines io.StringIO() [stringio text] bytes b (through a name)"],
    ["def save(f):\n    s = json.dumps(1)\n    f.write(s)", "write f str s (through a name)"],
  ])("%s", (code, expected) => {
    expect(written(code)).toBe(expected);
  });

  it.each([
    ["assigned", "s = json.dumps(1)"],
    ["an operand that is not a literal", "f.write(json.dumps(1) + sep)"],
    ["a str literal added to the bytes", 'f.write(json.dumps(1).encode() + "\\n")'],
    ["decoded again", "f.write(json.dumps(1).encode().decode())"],
    ["another method", "f.send(json.dumps(1))"],
    ["write() with two arguments", "f.write(json.dumps(1), 2)"],
    ["write() by keyword", "f.write(s=json.dumps(1))"],
    ["writelines of the text itself", "f.writelines(json.dumps(1))"],
    ["write of a list", "f.write([json.dumps(1)])"],
    ["print's file= in **kwargs", "print(json.dumps(1), **kw)"],
    ["print's sep=", "print(1, sep=json.dumps(1), file=f)"],
    ["a print of our own", "def print(*a, **k):\n    pass\nprint(json.dumps(1))"],
    ["a function call", "g(json.dumps(1))"],
    ["a name another assignment may reach", 's = json.dumps(1)\nif c:\n    s = s.encode()\nf.write(s)'],
    ["a name rebound before the write", 's = json.dumps(1)\ns = s.encode()\nf.write(s)'],
    ["a name used in a nested function", "s = json.dumps(1)\ndef w(f):\n    f.write(s)"],
    ["a name assigned by unpacking", "s, t = json.dumps(1), 2\nf.write(s)"],
    ["a name's other use", "s = json.dumps(1)\nf.write(s.upper())"],
  ])("not: %s", (_, code) => {
    expect(written(code)).toBe("-");
  });
});
