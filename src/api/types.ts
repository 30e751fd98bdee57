// The public API's types: plain JSON data only (no syntax nodes, no Maps), so that what a
// function returns survives JSON.parse(JSON.stringify(x)) unchanged and can cross a worker,
// a language-server message or a browser's postMessage.

/** 1-based row and column; columns count Unicode code points (as in every report). */
export interface Position {
  row: number;
  column: number;
}

/** A range of the source: positions for people, UTF-16 offsets for editors and string slicing. */
export interface Range {
  location: Position;
  end_location: Position;
  /** UTF-16 offsets into the source string: `source.slice(start, end)` is the range's text. */
  start: number;
  end: number;
}

export interface Options {
  /** The file's name, for reports and per-file ignores (default "-"). */
  filename?: string;
  /** Rules to run, replacing the default set: codes, prefixes ("JSN0"), names, or "ALL". */
  select?: string[];
  /** Rules to skip. */
  ignore?: string[];
  /** Rules to add to the default set. */
  extendSelect?: string[];
  /** Globs matched against `filename` (a glob without "/" matches the file's name) → codes to skip. */
  perFileIgnores?: Record<string, string[]>;
  /** Modules that re-export json, simplejson, orjson or ujson (`from botocore.compat import json`). */
  extendJsonModules?: string[];
  /** The oldest Python the code must run on, as the config's `target-version` ("py37" … "py314"; default "py39"). */
  targetVersion?: string;
  /** Rules whose fixes are kept (selectors, as `fixable`); the others' diagnostics come without a fix. Default: all. */
  fixable?: string[];
  /**
   * Where the rule pages are, for each diagnostic's `url` (`--docs-url`): a base URL (the page is
   * `<docsUrl><name>.html`, as `npm run site` builds them) or a template with `{name}`/`{code}`.
   * Default: the Markdown page in the package, `docs/rules/<name>.md`.
   */
  docsUrl?: string;
  /**
   * Told of each rule that failed on this source (a bug of dumpling's); the other rules' results
   * are still returned. Without it such a failure throws a DumplingInternalError.
   */
  onInternalError?: (error: InternalErrorInfo) => void;
}

export interface InternalErrorInfo {
  /** The rule's code, or "translate" for a translation. */
  rule: string;
  message: string;
}

export interface Edit {
  content: string;
  location: Position;
  end_location: Position;
}

/** One diagnostic: exactly the object `dumpling check --output-format json` prints. */
export interface Diagnostic {
  code: string;
  name: string;
  message: string;
  severity: "error" | "warning";
  filename: string;
  location: Position;
  end_location: Position;
  fix: null | { applicability: "safe" | "unsafe"; message: string; edits: Edit[] };
  url: string;
}

export interface FixOptions extends Options {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafeFixes?: boolean;
}

export interface FixOutput {
  /** The fixed source (the source itself when nothing was fixed). */
  output: string;
  /** The diagnostics whose fixes were applied, located in the text each was applied to. */
  fixed: Diagnostic[];
  /** What remains in `output`. */
  remaining: Diagnostic[];
}

/** One argument of a json call, as written. */
export interface CallArgument {
  kind: "positional" | "keyword" | "star" | "starstar";
  /** The keyword's name (`indent` in `indent=2`). */
  keyword: string | null;
  /** The parameter of the real signature it binds to (`obj`, `fp`, `indent`), or null (extra, unknown, `*args`). */
  parameter: string | null;
  /** The value's source text. */
  text: string;
  range: Range;
}

/** What the file (dump, load) or document (loads) argument holds. */
export type ValueKind =
  | {
      kind: "file";
      /** What made it: open(), Path.open(), io.StringIO(), sys.stdout, a tempfile, an annotation... */
      origin: "open" | "path-open" | "codecs-open" | "compressed-open" | "stringio" | "bytesio" | "std" | "tempfile" | "annotation" | "url";
      /** open()'s mode when known ("r" when it was given none). */
      mode: string | null;
      binary: boolean | null;
      readable: boolean | null;
      writable: boolean | null;
      /** The encoding's value when given as a literal; null when not given or not a literal. */
      encoding: string | null;
      /** Whether `encoding=` was given at all (null: unknown, e.g. `**kwargs`). */
      encodingGiven: boolean | null;
      /** `errors=`'s value when given as a literal. */
      errors: string | null;
      /** The source text of the path expression it was opened from (`p` in `open(p)`). */
      path: string | null;
      /** sys.stdin / sys.stdout / sys.stderr. */
      stream: "stdin" | "stdout" | "stderr" | null;
      /** Python's type name in error messages (TextIOWrapper, BufferedReader, StringIO). */
      typeName: string | null;
    }
  | { kind: "path"; pathlib: boolean }
  | { kind: "text"; bytes: boolean | null; origin: "literal" | "read" | "method" | "dumps" | "conversion" | "annotation" | "attribute" | "operator" | "input" }
  | { kind: "unknown" };

export interface JsonCall {
  module: "json" | "simplejson" | "orjson" | "ujson";
  function: "dump" | "dumps" | "load" | "loads";
  /** Whether the module has the function: `orjson.dump` and `orjson.load` raise AttributeError. */
  exists: boolean;
  /** How the function was named at the call: `json.dumps`, `j.dumps`, `d` (`from json import dumps as d`). */
  callee: string;
  /** The whole call. */
  range: Range;
  text: string;
  arguments: CallArgument[];
  /** `*args` or `**kwargs` in the call: conclusions that depend on what they hold are off. */
  hasStarArgs: boolean;
  /** The file (dump, load) or text (loads) argument and what it holds. */
  target: { parameter: "fp" | "s" | "obj"; kind: ValueKind } | null;
  /** How the call's value is used. */
  usage: "statement" | "assigned" | "returned" | "argument" | "lambda" | "other";
  /**
   * dumps: where its text is written (`h.write(...)`, `h.writelines([...])`, `print(..., file=h)`),
   * where it stands or through a name only its assignment reaches. Empty for other functions and
   * for orjson, whose `dumps` returns bytes.
   */
  writes: WrittenTo[];
}

/** One write of a dumps call's text. */
export interface WrittenTo {
  via: "write" | "writelines" | "print";
  /** The write(), writelines() or print() call. */
  range: Range;
  /** The handle's text (`f`, `sys.stdout.buffer`); null for print() without `file=` (sys.stdout). */
  handle: string | null;
  /** What the handle is (a file, or unknown). */
  kind: ValueKind;
  /** The expression written: the call, a str built from it (`+`, `%`, f-string), its `.encode()`, or the name holding it. */
  value: { text: string; range: Range };
  /** Whether what is written is bytes (the text `.encode()`d). */
  bytes: boolean;
}

/** A free name of a translation: the Python name, the name the TypeScript uses, and the type it expects. */
export interface NameInfo {
  python: string;
  typescript: string;
  /** A TypeScript type ("unknown", "string", "any"...). */
  type: string;
}

export interface TranslateOptions extends Options {
  /** exact (default): the runtime, byte for byte like CPython; native: JSON.stringify/JSON.parse with notes. */
  mode?: "exact" | "native";
  /**
   * A host translator's names: called for every Python name the TypeScript uses (free names and
   * the names statements declare) with dumpling's own choice; return the name to use instead
   * (`self` → `this`, `snake_case` → `camelCase`), or undefined to keep it.
   */
  rename?: (name: string, info: NameInfo) => string | undefined;
  /** The module the runtime is imported from (default "dumpling-json/runtime"). */
  runtimeModule?: string;
}

export interface Note {
  kind: string;
  /** review: the TypeScript may behave differently where the Python works; info: only where the Python raises. */
  severity: "review" | "info";
  /** certain: it differs for every input of the kind it gets; possible: only for some values. */
  certainty: "certain" | "possible";
  message: string;
}

/** One call's translation: exactly an element of `dumpling convert --output-format json`. */
export interface Translation {
  filename: string;
  /** The json function the call calls. */
  function: "dump" | "dumps" | "load" | "loads";
  location: Position;
  end_location: Position;
  /** UTF-16 offsets of the Python the TypeScript replaces: the call, or the statement or `with` block around it. */
  start: number;
  end: number;
  python: string;
  typescript: string;
  /** Whether `typescript` is an expression (else statements, each ending in `;`). */
  expression: boolean;
  /** Names the statements declare (`const data = ...`), in order. */
  declares: string[];
  /** Complete import declarations, sorted. */
  imports: string[];
  notes: Note[];
  /** The free names the TypeScript uses, in the order the Python mentions them. */
  names: NameInfo[];
  mode: "exact" | "native";
}

export interface RuleInfo {
  code: string;
  name: string;
  summary: string;
  severity: "error" | "warning";
  default: boolean;
  fix: "none" | "sometimes" | "always";
  fix_applicability: "safe" | "unsafe" | "mixed" | null;
  fix_title: string | null;
  url: string;
}
