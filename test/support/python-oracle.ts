/**
 * A live CPython oracle: ONE long-lived `python3 -u test/support/oracle.py` process per test file.
 *
 * Protocol (JSON lines over stdin/stdout). Each input line is a request object or a JSON array of
 * requests (a batch, answered by one line holding the array of replies, in order):
 *   {"op": "version"}                                   -> {"ok": sys.version}
 *   {"op": "dumps", "value": T, "opts": {...}}          -> {"ok": "<text>"}
 *   {"op": "dump",  "value": T, "opts": {...}}          -> {"ok": "<text written to fp>"}
 *   {"op": "loads", "s": "<text>" | "bytes": "<base64>", "opts": {...}} -> {"ok": T}
 *   {"op": "roundtrip", "s": "<text>", "opts": {...}}   -> {"ok": json.dumps(json.loads(s), **opts)}
 *   {"op": "repr",  "value": T}                         -> {"ok": repr(value)}
 *   {"op": "exec",  "code": "<python>", "vars"?: {name: T}} -> {"ok": T of the variable `result`, "stdout": "..."}
 *                                                          (`vars` are bound to their names before the code runs)
 *   {"op": "eval",  "expr": "<python>", "vars": {name: T}} -> {"ok": T of the expression, the names bound to the values}
 *   {"op": "orjson.dumps", "value": T, "opts": {...}}   -> {"ok": "<the bytes, decoded as UTF-8>"}   (the venv's python;
 *                                                          "expr": "<python>" instead of "value" for a value too deep to tag)
 *   {"op": "ujson.dumps" | "ujson.dump", "value": T, "opts": {...}} -> {"ok": "<text>"}
 *   {"op": "orjson.loads" | "ujson.loads", "s": "<text>" | "bytes": "<base64>"} -> {"ok": T}
 * Failures reply {"error": {type, module, message, line, ...}}: `line` is the last line of Python's
 * traceback; JSONDecodeError adds msg/pos/lineno/colno, UnicodeDecodeError and UnicodeEncodeError
 * encoding/start/end/reason,
 * `dump` adds `partial` (what fp had received) and `exec` adds `stdout`.
 * `opts` are Python keyword arguments (snake_case); hooks (default, object_hook, object_pairs_hook,
 * parse_float, parse_int, parse_constant) are Python expressions, evaluated in the oracle.
 *
 * Tagged values (T), used in both directions: null, booleans, strings and arrays (lists) as in JSON;
 * ints as JSON numbers when |n| < 2**53, else {"$int": "digits"}; floats always {"$float": repr};
 * {"$tuple": [...]}, {"$set": [...]}, {"$bytes": base64}; dicts {"$dict": [[k, v], ...]} (any keys,
 * in order); {"$object": "ClassName"} (an instance of an empty class of that name); a shared or
 * cyclic list or dict is {"$id": n, "$list": [...]} / {"$id": n, "$dict": [...]}, referred to by {"$ref": n}.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PyFloat, floatRepr, isTuple, keys, typeName } from "../../src/runtime/index.js";
import { inCI } from "./env.js";
import { PYTHON } from "./python.js";

export type Tagged = null | boolean | number | string | Tagged[] | { [tag: string]: unknown };

export interface OracleError {
  type: string;
  module: string;
  message: string;
  line: string;
  msg?: string;
  pos?: number;
  lineno?: number;
  colno?: number;
  partial?: string;
  [extra: string]: unknown;
}

export interface OracleReply {
  ok?: unknown;
  error?: OracleError;
  stdout?: string;
}

export type OracleRequest = { op: string; [field: string]: unknown };

const SCRIPT = fileURLToPath(new URL("./oracle.py", import.meta.url));

/** Whether $PYTHON (or python3) can run; in CI (see inCI) its absence is an error, never a skip. */
export function pythonAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  const python = env.PYTHON || "python3";
  const ok = spawnSync(python, ["--version"]).status === 0;
  if (!ok && inCI(env)) throw new Error(`${python} is required in CI: CPython is the test oracle`);
  return ok;
}

export class PythonOracle {
  private readonly proc: ChildProcessWithoutNullStreams;
  private buffer = "";
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = "";

  /** `python`: another interpreter (the venv with orjson and ujson, test/support/libraries.ts). */
  constructor(python: string = PYTHON) {
    this.proc = spawn(python, ["-u", SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stdout.setEncoding("utf8");
    this.proc.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let nl = this.buffer.indexOf("\n"); nl !== -1; nl = this.buffer.indexOf("\n")) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        this.waiting.shift()?.(line);
      }
    });
    this.proc.stderr.setEncoding("utf8");
    this.proc.stderr.on("data", (c: string) => (this.stderr += c));
  }

  private send(msg: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onExit = (): void => reject(new Error("python oracle exited: " + this.stderr));
      this.proc.once("exit", onExit);
      this.waiting.push((line) => {
        this.proc.off("exit", onExit);
        resolve(JSON.parse(line));
      });
      this.proc.stdin.write(JSON.stringify(msg) + "\n");
    });
  }

  /** One request. */
  async ask(req: OracleRequest): Promise<OracleReply> {
    return (await this.send(req)) as OracleReply;
  }

  /** Many requests in one round trip (split into lines of at most `chunk` requests). */
  async batch(reqs: readonly OracleRequest[], chunk = 2000): Promise<OracleReply[]> {
    const out: OracleReply[] = [];
    for (let i = 0; i < reqs.length; i += chunk) out.push(...((await this.send(reqs.slice(i, i + chunk))) as OracleReply[]));
    return out;
  }

  async version(): Promise<string> {
    return (await this.ask({ op: "version" })).ok as string;
  }

  close(): void {
    this.proc.stdin.end();
  }
}

// ---- tagged values <-> runtime values ------------------------------------------------------------

/** A runtime value (see src/runtime/values.ts) as a tagged value. */
export function toTagged(v: unknown): Tagged {
  // Objects met twice (shared or cyclic) get an id.
  const seen = new Set<object>();
  const shared = new Set<object>();
  const walk = (x: unknown): void => {
    if (typeof x !== "object" || x === null || x instanceof PyFloat) return;
    // Only lists and dicts can be shared or cyclic in the tagged form; tuples, sets, bytes and class
    // instances are copied.
    const proto = Object.getPrototypeOf(x);
    if (!Array.isArray(x) && !(x instanceof Set) && !(x instanceof Map) && proto !== Object.prototype && proto !== null) return;
    if (isTuple(x as unknown) || x instanceof Set) {
      for (const e of x as Iterable<unknown>) walk(e);
      return;
    }
    if (seen.has(x)) {
      shared.add(x);
      return;
    }
    seen.add(x);
    if (Array.isArray(x)) x.forEach(walk);
    else if (x instanceof Map) for (const e of [...x.keys(), ...x.values()]) walk(e);
    else if (Object.getPrototypeOf(x) === Object.prototype) for (const k of keys(x)) walk((x as Record<string, unknown>)[k]);
  };
  walk(v);
  const ids = new Map<object, number>();
  const tag = (x: unknown): Tagged => {
    if (x === null || typeof x === "boolean" || typeof x === "string") return x;
    if (typeof x === "number") return Number.isSafeInteger(x) ? (Object.is(x, -0) ? 0 : x) : { $float: floatRepr(x) };
    if (typeof x === "bigint") return x > -(2n ** 53n) && x < 2n ** 53n ? Number(x) : { $int: x.toString() };
    if (x instanceof PyFloat) return { $float: floatRepr(x.value) };
    if (typeof x !== "object") return { $object: typeName(x) };
    if (isTuple(x as unknown)) return { $tuple: (x as unknown[]).map(tag) };
    if (ids.has(x)) return { $ref: ids.get(x)! };
    const id = shared.has(x) ? ids.size : undefined;
    if (id !== undefined) ids.set(x, id);
    if (Array.isArray(x)) {
      const items = x.map(tag);
      return id === undefined ? items : { $id: id, $list: items };
    }
    if (x instanceof Set) return { $set: [...x].map(tag) };
    if (x instanceof Uint8Array) return { $bytes: Buffer.from(x).toString("base64") };
    let entries: [unknown, unknown][] | undefined;
    if (x instanceof Map) entries = [...x.entries()];
    else if (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null)
      entries = keys(x).map((k) => [k, (x as Record<string, unknown>)[k]]);
    if (entries === undefined) return { $object: typeName(x) };
    const pairs = entries.map(([k, e]) => [tag(k), tag(e)]);
    return id === undefined ? { $dict: pairs } : { $id: id, $dict: pairs };
  };
  return tag(v);
}

/** A tagged value as a runtime value (dicts become Maps; classes are made up by name). */
export function fromTagged(t: Tagged, refs = new Map<number, unknown>()): unknown {
  if (t === null || typeof t !== "object") return t;
  if (Array.isArray(t)) return t.map((e) => fromTagged(e, refs));
  const o = t as Record<string, unknown>;
  if ("$int" in o) {
    const b = BigInt(o.$int as string);
    return b > -(2n ** 53n) && b < 2n ** 53n ? Number(b) : b;
  }
  if ("$float" in o) {
    const r = o.$float as string;
    const x = r === "nan" ? NaN : r === "inf" ? Infinity : r === "-inf" ? -Infinity : Number(r);
    return Number.isInteger(x) ? new PyFloat(x) : x;
  }
  if ("$ref" in o) return refs.get(o.$ref as number);
  if ("$tuple" in o) {
    const items = (o.$tuple as Tagged[]).map((e) => fromTagged(e, refs));
    Object.defineProperty(items, Symbol.for("dumpling.tuple"), { value: true });
    return Object.freeze(items);
  }
  if ("$set" in o) return new Set((o.$set as Tagged[]).map((e) => fromTagged(e, refs)));
  if ("$bytes" in o) return new Uint8Array(Buffer.from(o.$bytes as string, "base64"));
  if ("$object" in o) {
    const name = o.$object as string;
    return new ({ [name]: class {} })[name]!();
  }
  if ("$list" in o) {
    const out: unknown[] = [];
    refs.set(o.$id as number, out);
    for (const e of o.$list as Tagged[]) out.push(fromTagged(e, refs));
    return out;
  }
  if ("$dict" in o) {
    const out = new Map<unknown, unknown>();
    if ("$id" in o) refs.set(o.$id as number, out);
    for (const [k, e] of o.$dict as [Tagged, Tagged][]) out.set(fromTagged(k, refs), fromTagged(e, refs));
    return out;
  }
  throw new Error("bad tagged value: " + JSON.stringify(t));
}
