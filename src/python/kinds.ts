// What an argument holds: a file handle, a path, text or bytes, or something unknown.
// Unknown never produces a diagnostic, so every rule that acts on a kind is as precise as this.
import type { SyntaxNode } from "./tree.js";
import type { Names } from "./names.js";
import type { Occurrence } from "./scopes.js";
import { isJsonModule } from "./signatures.js";
import { callArguments, stringLiteral, strValue, unwrapParens, type CallArgument } from "./syntax.js";

export interface FileKind {
  kind: "file";
  /** What made it: open(), Path.open(), io.StringIO(), sys.stdout, a tempfile, an annotation... */
  origin: "open" | "path-open" | "codecs-open" | "compressed-open" | "stringio" | "bytesio" | "std" | "tempfile" | "annotation" | "url";
  /** The mode string when known ("r" when open() is given none). */
  mode: string | null;
  binary: boolean | null;
  readable: boolean | null;
  writable: boolean | null;
  /** Whether `encoding=` was given to the call that opened it (null: not an open() call we can read). */
  encodingGiven: boolean | null;
  /** The encoding's value, when given as a plain str literal. */
  encoding: string | null;
  /** `errors=`'s value, when given as a plain str literal. */
  errors: string | null;
  /** The path expression it was opened from: `p` in `open(p)`, `Path(p)` in `Path(p).open()`. */
  path: SyntaxNode | null;
  /** sys.stdin, sys.stdout or sys.stderr (or their .buffer). */
  stream: "stdin" | "stdout" | "stderr" | null;
  /**
   * Only the path, the mode, the encoding and errors were given to the call that opened it, each
   * mode/encoding/errors a plain str literal (no buffering, newline, opener, `*args`...).
   */
  simple: boolean;
  /** The call that opened it (open(...), p.open(...)...), when known. */
  openCall: SyntaxNode | null;
  /** The mode argument of that call, when it is a plain string literal. */
  modeArg: CallArgument | null;
  /** Python's type name, as in its error messages (TextIOWrapper, BufferedReader, StringIO). */
  typeName: string | null;
  /** The binding of the name that holds it, when reached through a name. */
  binding: Occurrence | null;
}

export interface PathKind {
  kind: "path";
  /** A pathlib object (its type name in messages is PosixPath) rather than a str. */
  pathlib: boolean;
  binding: Occurrence | null;
}

export interface TextKind {
  kind: "text";
  /** bytes rather than str; null when it may be either (`f.read()` of an unknown f). */
  bytes: boolean | null;
  origin: "literal" | "read" | "method" | "dumps" | "conversion" | "annotation" | "attribute" | "operator" | "input";
  /** For `x.read()`: the call and its receiver. */
  readCall: SyntaxNode | null;
  readReceiver: SyntaxNode | null;
  binding: Occurrence | null;
}

export interface UnknownKind {
  kind: "unknown";
}

export type ValueKind = FileKind | PathKind | TextKind | UnknownKind;

const UNKNOWN: UnknownKind = { kind: "unknown" };
const MAX_DEPTH = 6;

export interface ModeInfo {
  binary: boolean;
  readable: boolean;
  writable: boolean;
}

/** open()'s mode string, or null when it is not a valid mode. */
export function parseMode(mode: string): ModeInfo | null {
  if (!/^[rwxabt+U]+$/.test(mode) || new Set(mode).size !== mode.length) return null;
  const creating = ["r", "w", "x", "a"].filter((c) => mode.includes(c)).length;
  if (creating > 1 || (mode.includes("b") && mode.includes("t"))) return null;
  const plus = mode.includes("+");
  return {
    binary: mode.includes("b"),
    readable: mode.includes("r") || plus || creating === 0,
    writable: mode.includes("w") || mode.includes("a") || mode.includes("x") || plus,
  };
}

// Names of a str parameter that hold a path, not JSON text.
const PATH_LIKE_NAME = /(^|_)(path|file|filename|fname|filepath|dir|directory|dirname|dest|destination)$/i;
// A string literal that is clearly a file name: no spaces or JSON punctuation, a known extension.
const FILE_NAME = /^[\w.~\-\/\\:\u0000]*\.(json|jsonl|ndjson|geojson|txt|cfg|conf|dat|log|yaml|yml|out|tmp|bak)$/i;

const PATHLIB_TYPES = new Set(["Path", "PurePath", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"]);
const OS_PATH_FUNCS = new Set(["join", "abspath", "realpath", "normpath", "expanduser", "expandvars", "relpath", "dirname", "basename"]);
const PATHLIB_METHODS = new Set(["with_suffix", "with_name", "with_stem", "joinpath", "resolve", "absolute", "expanduser", "relative_to"]);
const STR_METHODS = new Set(["strip", "lstrip", "rstrip", "replace", "format", "lower", "upper", "removeprefix", "removesuffix", "expandtabs"]);

export class Kinds {
  constructor(private readonly names: Names) {}

  of(expr: SyntaxNode, depth = 0): ValueKind {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const node = unwrapParens(expr);
    switch (node.type) {
      case "string":
      case "concatenated_string":
        return this.ofString(node);
      case "identifier":
        return this.ofName(node, depth);
      case "call":
        return this.ofCall(node, depth);
      case "attribute":
        return this.ofAttribute(node, depth);
      case "binary_operator":
        return this.ofBinary(node, depth);
      case "conditional_expression": {
        const branches = node.namedChildren.filter((c) => c.type !== "comment");
        const a = branches[0];
        const b = branches[2];
        return a && b ? merge([this.of(a, depth + 1), this.of(b, depth + 1)]) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private ofString(node: SyntaxNode): ValueKind {
    const s = stringLiteral(node);
    if (!s) return UNKNOWN;
    if (!s.bytes && FILE_NAME.test(s.value) && s.value.replace(/\u0000/g, "").length > 0) {
      return { kind: "path", pathlib: false, binding: null };
    }
    return { kind: "text", bytes: s.bytes, origin: "literal", readCall: null, readReceiver: null, binding: null };
  }

  private ofName(node: SyntaxNode, depth: number): ValueKind {
    const q = this.names.qualify(node);
    if (q === "builtins.__file__") return { kind: "path", pathlib: false, binding: null };
    const res = this.names.scopes.resolve(node);
    if (!res) return UNKNOWN;
    const reaching = this.names.scopes.reaching(res, node);
    if (reaching.length === 0) return UNKNOWN;
    return merge(reaching.map((b) => this.ofBinding(b, depth)));
  }

  private ofBinding(b: Occurrence, depth: number): ValueKind {
    const how = b.binding;
    if (!how) return UNKNOWN;
    let kind: ValueKind = UNKNOWN;
    if (how.how === "assign") {
      if (how.value) kind = this.of(how.value, depth + 1);
      if (kind.kind === "unknown" && how.annotation) kind = this.ofAnnotation(how.annotation, b.node.text);
    } else if (how.how === "with") {
      kind = this.of(how.value, depth + 1);
      if (kind.kind !== "file") kind = UNKNOWN; // only file objects return themselves from __enter__
    } else if (how.how === "param" && how.annotation) {
      kind = this.ofAnnotation(how.annotation, b.node.text);
    }
    return kind.kind === "unknown" ? kind : { ...kind, binding: b };
  }

  /** Kinds from type annotations: TextIO, IO[str], BinaryIO, Path, PathLike, str, bytes, Optional[...]. */
  ofAnnotation(annotation: SyntaxNode, paramName: string): ValueKind {
    let text = annotation.text.replace(/\s+/g, "");
    text = text.replace(/^(typing\.)?Optional\[(.*)\]$/, "$2").replace(/\|None$|^None\|/, "");
    text = text.replace(/^["'](.*)["']$/, "$1");
    const last = text.replace(/^[\w.]*\./, "");
    const file = (binary: boolean | null): FileKind => ({
      kind: "file", origin: "annotation", mode: null, binary, readable: null, writable: null, encodingGiven: null,
      encoding: null, errors: null, path: null, stream: null, simple: false, openCall: null, modeArg: null, typeName: null,
      binding: null,
    });
    if (/^(TextIO|TextIOWrapper|TextIOBase|StringIO|IO\[str\]|SupportsWrite\[str\]|SupportsRead\[str\])$/.test(last)) return file(false);
    if (/^(BinaryIO|BufferedReader|BufferedWriter|BytesIO|IO\[bytes\])$/.test(last)) return file(true);
    if (/^(IO|IO\[Any\]|IOBase)$/.test(last)) return file(null);
    if (/^(Path|PurePath|PosixPath|WindowsPath|PurePosixPath|PureWindowsPath)$/.test(last)) {
      return { kind: "path", pathlib: true, binding: null };
    }
    if (/^(PathLike(\[str\])?|StrPath|StrOrBytesPath)$/.test(last)) return { kind: "path", pathlib: false, binding: null };
    if (last === "str") {
      return PATH_LIKE_NAME.test(paramName)
        ? { kind: "path", pathlib: false, binding: null }
        : { kind: "text", bytes: false, origin: "annotation", readCall: null, readReceiver: null, binding: null };
    }
    if (last === "bytes" || last === "bytearray") {
      return { kind: "text", bytes: true, origin: "annotation", readCall: null, readReceiver: null, binding: null };
    }
    return UNKNOWN;
  }

  private ofAttribute(node: SyntaxNode, depth: number): ValueKind {
    const q = this.names.qualify(node);
    const std = q ? /^sys\.(?:(stdin|stdout|stderr)(\.buffer)?|__(stdin|stdout)__)$/.exec(q) : null;
    if (std) return stdFile((std[1] ?? std[3]) as "stdin" | "stdout" | "stderr", !!std[2]);
    const attr = node.childForFieldName("attribute")?.text;
    const object = node.childForFieldName("object");
    if (attr === "text") return { kind: "text", bytes: false, origin: "attribute", readCall: null, readReceiver: null, binding: null };
    if (attr === "parent" && object && this.isPathlib(object, depth)) return { kind: "path", pathlib: true, binding: null };
    return UNKNOWN;
  }

  private ofBinary(node: SyntaxNode, depth: number): ValueKind {
    const op = node.childForFieldName("operator")?.text;
    const left = node.childForFieldName("left");
    const right = node.childForFieldName("right");
    if (!left || !right) return UNKNOWN;
    if (op === "/" && (this.isPathlib(left, depth) || this.isPathlib(right, depth))) return { kind: "path", pathlib: true, binding: null };
    if (op === "+" || op === "%") {
      const l = this.of(left, depth + 1);
      const r = op === "+" ? this.of(right, depth + 1) : l;
      if (l.kind === "text" && l.origin === "literal" && (r.kind === "text" || op === "%")) {
        return { kind: "text", bytes: l.bytes, origin: "operator", readCall: null, readReceiver: null, binding: null };
      }
      if (op === "+" && (l.kind === "path" || r.kind === "path") && !(l.kind === "path" && l.pathlib)) {
        // "out/" + name + ".json" is a path when a piece is.
        const lit = [left, right].map((n) => stringLiteral(n)?.value ?? "").join("");
        if (/\.(json|jsonl|txt)$/i.test(lit) || l.kind === "path") return { kind: "path", pathlib: false, binding: null };
      }
    }
    return UNKNOWN;
  }

  private isPathlib(node: SyntaxNode, depth: number): boolean {
    const k = this.of(node, depth + 1);
    return k.kind === "path" && k.pathlib;
  }

  private ofCall(node: SyntaxNode, depth: number): ValueKind {
    const fn = node.childForFieldName("function");
    if (!fn) return UNKNOWN;
    const q = this.names.qualify(fn);
    const args = callArguments(node);
    switch (q) {
      case "builtins.open":
      case "io.open":
        return openedFile(node, args, "open", OPEN_PARAMS, "r");
      case "codecs.open":
        return openedFile(node, args, "codecs-open", CODECS_OPEN_PARAMS, "r");
      case "os.fdopen":
        // open() on a file descriptor: os.fdopen(fd, *args, **kwargs) passes them to io.open.
        return openedFile(node, args, "open", FDOPEN_PARAMS, "r");
      case "gzip.open":
      case "bz2.open":
        return openedFile(node, args, "compressed-open", COMPRESSED_OPEN_PARAMS, "rb", true);
      case "lzma.open":
        return openedFile(node, args, "compressed-open", ["filename", "mode"], "rb", true);
      case "io.StringIO":
        return memoryFile(false);
      case "io.BytesIO":
        return memoryFile(true);
      case "tempfile.TemporaryFile":
      case "tempfile.NamedTemporaryFile":
        return openedFile(node, args, "tempfile", TEMPFILE_PARAMS, "w+b");
      case "tempfile.SpooledTemporaryFile":
        return openedFile(node, args, "tempfile", ["max_size", ...TEMPFILE_PARAMS], "w+b");
      case "urllib.request.urlopen":
        return { ...memoryFile(true), origin: "url", writable: false, typeName: "HTTPResponse", openCall: node };
      case "builtins.str":
      case "os.fspath": {
        const first = args[0];
        if (first?.kind === "positional" && this.of(first.value, depth + 1).kind === "path") return { kind: "path", pathlib: false, binding: null };
        return q === "builtins.str" ? text("conversion", false) : UNKNOWN;
      }
      case "builtins.bytes":
        return text("conversion", true);
      case "builtins.input":
        return text("input", false);
      case "tempfile.mktemp":
        return { kind: "path", pathlib: false, binding: null };
    }
    if (q) {
      const mod = q.slice(0, q.lastIndexOf("."));
      const name = q.slice(q.lastIndexOf(".") + 1);
      if (mod === "pathlib" && PATHLIB_TYPES.has(name)) return { kind: "path", pathlib: true, binding: null };
      if ((mod === "os.path" || mod === "posixpath" || mod === "ntpath") && OS_PATH_FUNCS.has(name)) {
        return { kind: "path", pathlib: false, binding: null };
      }
      // orjson.dumps returns bytes; the others str.
      if (isJsonModule(mod) && name === "dumps") return text("dumps", mod === "orjson");
    }
    if (fn.type !== "attribute") return UNKNOWN;
    // Methods: decided by the method's name and, where it matters, by the receiver's kind.
    const method = fn.childForFieldName("attribute")?.text ?? "";
    const receiver = fn.childForFieldName("object");
    if (!receiver) return UNKNOWN;
    switch (method) {
      case "read": {
        const r = this.of(receiver, depth + 1);
        const bytes = r.kind === "file" ? r.binary : null;
        return { kind: "text", bytes, origin: "read", readCall: node, readReceiver: receiver, binding: null };
      }
      case "read_text":
      case "decode":
      case "getvalue":
        return text("method", method === "getvalue" ? null : false);
      case "read_bytes":
      case "encode":
        return text("method", true);
      case "open": {
        if (!this.isPathlib(receiver, depth)) return UNKNOWN;
        return openedFile(node, args, "path-open", PATH_OPEN_PARAMS, "r", false, receiver);
      }
      case "join": {
        const r = unwrapParens(receiver);
        return r.type === "string" ? text("method", stringLiteral(r)?.bytes ?? null) : UNKNOWN;
      }
    }
    if (PATHLIB_METHODS.has(method) && this.isPathlib(receiver, depth)) return { kind: "path", pathlib: true, binding: null };
    if (STR_METHODS.has(method)) {
      const r = this.of(receiver, depth + 1);
      if (r.kind === "text") return { ...r, origin: "method", readCall: null, readReceiver: null, binding: null };
    }
    return UNKNOWN;
  }
}

function text(origin: TextKind["origin"], bytes: boolean | null): TextKind {
  return { kind: "text", bytes, origin, readCall: null, readReceiver: null, binding: null };
}

export function stdFile(stream: "stdin" | "stdout" | "stderr", binary: boolean): FileKind {
  const input = stream === "stdin";
  return {
    kind: "file", origin: "std", mode: null, binary, readable: input, writable: !input, encodingGiven: null, encoding: null,
    errors: null, path: null, stream, simple: false, openCall: null, modeArg: null,
    typeName: binary ? (input ? "BufferedReader" : "BufferedWriter") : "TextIOWrapper", binding: null,
  };
}

function memoryFile(binary: boolean): FileKind {
  return {
    kind: "file", origin: binary ? "bytesio" : "stringio", mode: null, binary, readable: true, writable: true,
    encodingGiven: null, encoding: null, errors: null, path: null, stream: null, simple: false, openCall: null, modeArg: null,
    typeName: binary ? "BytesIO" : "StringIO", binding: null,
  };
}

// The positional parameters of each opener, as CPython declares them.
const OPEN_PARAMS = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
const FDOPEN_PARAMS = ["fd", ...OPEN_PARAMS.slice(1)];
const CODECS_OPEN_PARAMS = ["filename", "mode", "encoding", "errors", "buffering"];
const COMPRESSED_OPEN_PARAMS = ["filename", "mode", "compresslevel", "encoding", "errors", "newline"];
const TEMPFILE_PARAMS = ["mode", "buffering", "encoding", "newline", "suffix", "prefix", "dir"];
const PATH_OPEN_PARAMS = ["mode", "buffering", "encoding", "errors", "newline"];
const SIMPLE_PARAMS = new Set(["file", "filename", "mode", "encoding", "errors"]);

/**
 * A file from an open()-like call whose positional parameters are `params` (the path is the
 * `receiver` for Path.open). `binaryByDefault`: gzip.open and friends are binary unless the
 * mode says "t".
 */
function openedFile(
  call: SyntaxNode, args: CallArgument[], origin: FileKind["origin"], params: readonly string[], defaultMode: string,
  binaryByDefault = false, receiver: SyntaxNode | null = null,
): FileKind {
  const hasSplat = args.some((a) => a.kind === "star" || a.kind === "starstar");
  const given = new Map<string, CallArgument>();
  let index = 0;
  for (const a of args) {
    if (a.kind === "positional") {
      const param = params[index++];
      if (param) given.set(param, a);
    } else if (a.kind === "keyword" && a.name) given.set(a.name, a);
  }
  const modeArg = given.get("mode") ?? null;
  let mode: string | null = null;
  if (modeArg) {
    mode = strValue(modeArg.value);
  } else if (!hasSplat) {
    mode = defaultMode;
  }
  let info = mode === null ? null : parseMode(mode);
  if (info && binaryByDefault && !mode?.includes("t")) info = { ...info, binary: true };
  const encodingArg = given.get("encoding");
  const errorsArg = given.get("errors");
  const encodingGiven = encodingArg ? true : hasSplat ? null : false;
  const encoding = encodingArg ? strValue(encodingArg.value) : null;
  const errors = errorsArg ? strValue(errorsArg.value) : null;
  const simple =
    !hasSplat && index <= params.length && [...given.keys()].every((k) => SIMPLE_PARAMS.has(k)) &&
    (!modeArg || mode !== null) && (!encodingArg || encoding !== null) && (!errorsArg || errors !== null);
  // codecs.open() with an encoding opens the file in binary mode, but returns a StreamReaderWriter
  // that takes and gives str; without one it is the builtin open().
  const codecsText = origin === "codecs-open" && info?.binary === true ? encodingGiven : false;
  const binary = codecsText === null ? null : codecsText ? false : (info?.binary ?? null);
  const typeName = info ? (info.binary ? (info.readable && !info.writable ? "BufferedReader" : info.writable && !info.readable ? "BufferedWriter" : "BufferedRandom") : "TextIOWrapper") : null;
  return {
    kind: "file", origin, mode: info ? mode : null, binary, readable: info?.readable ?? null,
    writable: info?.writable ?? null, encodingGiven, encoding, errors,
    path: receiver ?? given.get("file")?.value ?? given.get("filename")?.value ?? null, stream: null, simple, openCall: call,
    modeArg: modeArg && mode !== null ? modeArg : null,
    typeName: origin === "open" || origin === "path-open" ? typeName : null, binding: null,
  };
}

/** Several bindings may reach a use: one kind only when they all agree. */
function merge(kinds: ValueKind[]): ValueKind {
  const first = kinds[0];
  if (!first || kinds.some((k) => k.kind !== first.kind)) return UNKNOWN;
  if (kinds.length === 1) return first;
  if (first.kind === "file") {
    const files = kinds as FileKind[];
    const same = (f: (k: FileKind) => unknown) => files.every((k) => f(k) === f(first));
    return {
      ...first, openCall: null, modeArg: null, binding: null, path: null, simple: false,
      encoding: same((k) => k.encoding) ? first.encoding : null,
      errors: same((k) => k.errors) ? first.errors : null,
      stream: same((k) => k.stream) ? first.stream : null,
      mode: same((k) => k.mode) ? first.mode : null,
      binary: same((k) => k.binary) ? first.binary : null,
      readable: same((k) => k.readable) ? first.readable : null,
      writable: same((k) => k.writable) ? first.writable : null,
      encodingGiven: same((k) => k.encodingGiven) ? first.encodingGiven : null,
      typeName: same((k) => k.typeName) ? first.typeName : null,
    };
  }
  if (first.kind === "path") return { ...first, pathlib: kinds.every((k) => k.kind === "path" && k.pathlib), binding: null };
  if (first.kind === "text") {
    return { ...first, bytes: kinds.every((k) => k.kind === "text" && k.bytes === first.bytes) ? first.bytes : null, readCall: null, readReceiver: null, binding: null };
  }
  return first;
}
