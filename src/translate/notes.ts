// Every note the translator can attach, in one place. A note names a difference between the
// Python and the TypeScript and the input that would show it. "review" notes are about what the
// code does on inputs where the Python works; "info" notes only about inputs where it raises.

export type NoteSeverity = "review" | "info";

export interface Note {
  kind: NoteKind;
  severity: NoteSeverity;
  /** certain: the TypeScript differs for every input of the kind it gets; possible: only for some values. */
  certainty: "certain" | "possible";
  message: string;
}

/** Native-mode differences between json and JSON.*, each exposed by a test input. */
export const NATIVE_KINDS = [
  "separators", "ensure-ascii", "lone-surrogate", "nan", "big-int", "float-layout", "key-order", "non-string-keys",
  "sort-keys", "indent", "default", "unserializable", "skipkeys", "encoder-class", "int-float", "nan-literal",
  "bytes-input", "decoder-hook", "decoder-class", "strict", "decode-error", "forward-slashes", "html-chars",
] as const;

/** Notes of both modes: the code around the call, and what the translator could not carry over. */
export const COMMON_KINDS = [
  "untranslated", "python-bug", "port", "star-args", "unsupported-option", "file-object", "with-block", "encoding",
  "codec-errors", "partial-write", "default-str", "expression",
] as const;

export type NoteKind = (typeof NATIVE_KINDS)[number] | (typeof COMMON_KINDS)[number];

const INFO: ReadonlySet<NoteKind> = new Set<NoteKind>(["codec-errors", "partial-write", "decode-error", "encoding"]);

export function note(kind: NoteKind, message: string, certainty: Note["certainty"] = "certain"): Note {
  return { kind, severity: INFO.has(kind) ? "info" : "review", certainty, message };
}

/** A list of notes without repeats (the same kind and text once), review notes first. */
export class Notes {
  private readonly list: Note[] = [];

  add(kind: NoteKind, message: string, certainty: Note["certainty"] = "certain"): void {
    if (!this.list.some((n) => n.kind === kind && n.message === message)) this.list.push(note(kind, message, certainty));
  }

  /** Notes are only added: how many there are is enough to go back to. */
  count(): number {
    return this.list.length;
  }

  truncate(count: number): void {
    this.list.length = count;
  }

  has(kind: NoteKind): boolean {
    return this.list.some((n) => n.kind === kind);
  }

  all(): Note[] {
    return [...this.list.filter((n) => n.severity === "review"), ...this.list.filter((n) => n.severity === "info")];
  }
}

// The native-mode messages: the difference, then the input that shows it.
export const NATIVE_MESSAGES = {
  separators: (py: string, js: string) =>
    `separators: Python writes ${py}, JSON.stringify writes ${js}; any list of two items or non-empty object shows it (\`[1, 2]\`)`,
  "ensure-ascii": () =>
    'ensure_ascii: Python escapes every character from U+007F up (`"é"` → `"\\u00e9"`), JSON.stringify writes it as is; any non-ASCII string shows it',
  "lone-surrogate": () =>
    'ensure_ascii=False: Python writes a lone surrogate (`"\\ud800"`) raw, JSON.stringify escapes it as `\\ud800`',
  nan: (allowNan: boolean) =>
    allowNan
      ? "NaN and Infinity: Python writes `NaN`/`Infinity`/`-Infinity`, JSON.stringify writes `null`; `float(\"nan\")` shows it"
      : "allow_nan=False: Python raises ValueError on NaN or Infinity, JSON.stringify writes `null`; `float(\"nan\")` shows it",
  "big-int": (parse: boolean) =>
    parse
      ? "big ints: Python reads every digit of an int past 2**53 (`12345678901234567890`), JSON.parse rounds it to a number"
      : "big ints: Python writes every digit of an int past 2**53 (`12345678901234567890`); JSON.stringify throws on a bigint and a number loses digits",
  "float-layout": () =>
    "float layout: Python writes `1.0`, `1e+16`, `1e-05`, `-0.0`; JSON.stringify writes `1`, `10000000000000000`, `0.00001`, `0`; any integral float shows it",
  "key-order": () =>
    'key order: a JavaScript object lists integer-like keys first (`{"b": 1, "1": 2}` becomes `{"1":2,"b":1}`), Python keeps insertion order',
  "non-string-keys": () =>
    "non-string keys: Python turns `1.0` into `\"1.0\"` and rejects tuple keys (TypeError); a JavaScript object key is String(key): `\"1\"`, `\"1,2\"`",
  "sort-keys": () =>
    'sort_keys: the replacer sorts by UTF-16 code units and JavaScript still lists integer-like keys first: `{"10": 1, "9": 2}` and keys above U+FFFF next to U+E000–U+FFFF sort differently from Python',
  indent: (what: string) => `indent: ${what}`,
  default: () =>
    "default=: Python calls it only for values it cannot serialize; the replacer sees every value, after toJSON() (a Date arrives as a string), and a Set or Map never reaches it as unserializable",
  unserializable: () =>
    "values JSON has no form for: Python raises TypeError for a set, bytes or an object (`{1, 2}`), JSON.stringify writes `{}` (a Set, a Map) or drops the key (undefined, a function)",
  skipkeys: () => "skipkeys: JSON.stringify has no equivalent; Python drops keys that are not str, int, float, bool or None (`{(1, 2): 3}`)",
  "encoder-class": (cls: string) => `cls=${cls}: JSON.stringify takes no encoder class; port its default() to a replacer and its other overrides by hand`,
  "int-float": () =>
    "floats: Python returns a float for `1.0` or `1e2` (printed `1.0`, `100.0`), JSON.parse returns the number 1 or 100; any integral float in the text shows it",
  "nan-literal": () => "NaN/Infinity: Python accepts `NaN`, `Infinity` and `-Infinity` in the text, JSON.parse throws SyntaxError",
  "bytes-input": () =>
    "bytes: Python detects UTF-8, UTF-16 or UTF-32 and skips a UTF-8 BOM; this decodes UTF-8 only (a UTF-16 file shows it)",
  "decoder-hook": (what: string) => `${what}`,
  "decoder-class": (cls: string) => `cls=${cls}: JSON.parse takes no decoder class; port its decode() by hand`,
  strict: () => "strict=False: Python accepts raw control characters inside strings (a tab in `\"a\tb\"`), JSON.parse throws SyntaxError",
  "forward-slashes": () =>
    'forward slashes: ujson escapes `/` as `\\/` (`"a/b"` → `"a\\/b"`) unless escape_forward_slashes=False, JSON.stringify writes it as is; any string with a `/` shows it',
  "html-chars": () =>
    'encode_html_chars: ujson writes `<`, `>` and `&` as `\\u003c`, `\\u003e`, `\\u0026`, JSON.stringify writes them as they are; any string holding one shows it',
  "decode-error": () =>
    "errors: Python raises json.JSONDecodeError (a ValueError) with `line L column C (char N)`, JSON.parse throws SyntaxError with another message; code that catches the error by type or reads its message must change",
} as const;
