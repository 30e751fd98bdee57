// Python expressions (the arguments of json calls: the object, option values, file paths) as
// TypeScript. Literals are exact: big ints become bigints, `1.0` becomes the runtime's float(1),
// tuples and non-string-keyed dicts the runtime's tuple() and dict(). Names keep their names.
// Whatever cannot be carried over faithfully gets the closest form and a note, never silence.
import type { JsonCall } from "../python/model.js";
import type { SyntaxNode } from "../python/tree.js";
import type { Occurrence } from "../python/scopes.js";
import { MAX_NESTING } from "../python/limits.js";
import { decodeEscapes, stringLiteral, strValue, unwrapParens } from "../python/syntax.js";
import type { FileContext } from "../python/context.js";
import { callExpression } from "./context.js";
import { Imports, RUNTIME } from "./imports.js";
import { isIntegerLikeKey } from "./facts.js";
import { isReservedInJs, jsBytes, jsIdentifier, jsInt, jsNumber, jsString, pythonFloat, pythonInt, templatePart } from "./literals.js";
import { NATIVE_MESSAGES, Notes, type NoteKind } from "./notes.js";
import type { Mode, TranslateOptions } from "./types.js";

/** Source text and whether it can be used as a callee or member-access object without parentheses. */
export interface Code {
  text: string;
  atomic: boolean;
}

const atom = (text: string): Code => ({ text, atomic: true });
const compound = (text: string): Code => ({ text, atomic: false });
const wrap = (c: Code): string => (c.atomic ? c.text : `(${c.text})`);

// Python's builtins (a name bound nowhere in the file and not one of these is defined elsewhere).
const PYTHON_BUILTINS = new Set(
  ("abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod " +
    "enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance " +
    "issubclass iter len list locals map max memoryview min next object oct open ord pow print property quit range repr " +
    "reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __name__").split(" "),
);

const MATH_CONSTANTS: Record<string, string> = {
  "math.nan": "NaN", "math.inf": "Infinity", "math.pi": "Math.PI", "math.e": "Math.E", "math.tau": "(2 * Math.PI)",
};

const JS_OPERATORS: Record<string, string> = {
  "+": "+", "-": "-", "*": "*", "/": "/", "%": "%", "**": "**", "<<": "<<", ">>": ">>", "&": "&", "|": "|", "^": "^",
  "==": "===", "!=": "!==", "<": "<", ">": ">", "<=": "<=", ">=": ">=", is: "===", "is not": "!==",
};

/** One snippet's translation state: its imports, notes and free names. */
export class Emitter {
  readonly imports: Imports;
  readonly notes = new Notes();
  /** Free names, each with the type the snippet expects of it. */
  readonly names = new Map<string, string>();
  /** The Python name of each free name (they differ when one is renamed). */
  readonly pythonNames = new Map<string, string>();
  /** Names bound inside the snippet (lambda parameters, comprehension variables). */
  private readonly bound: Set<string>[] = [];
  /** How many expressions `code` is inside of: the recursion is bounded by MAX_NESTING. */
  private depth = 0;
  private readonly callsById: Map<number, JsonCall>;
  /** Translations to use for given nodes (the unit's own call inside its statement). */
  private readonly overrides = new Map<number, string>();

  readonly mode: Mode;

  constructor(
    readonly ctx: FileContext,
    readonly options: TranslateOptions,
    /** Free names to rename: the translation imports something of the same name. */
    private readonly clashing: ReadonlySet<string> = new Set(),
  ) {
    this.mode = options.mode;
    this.imports = new Imports(options.runtimeModule ?? RUNTIME);
    this.callsById = new Map(ctx.calls.map((c) => [c.node.id, c]));
  }

  /**
   * What has been recorded so far (imports, notes, free names); the function returned goes back
   * to it, for a translation that is tried and abandoned (a statement that has none).
   */
  checkpoint(): () => void {
    const imports = this.imports.snapshot();
    const notes = this.notes.count();
    const names = new Map(this.names);
    return () => {
      this.imports.restore(imports);
      this.notes.truncate(notes);
      this.names.clear();
      for (const [n, t] of names) this.names.set(n, t);
      for (const n of this.pythonNames.keys()) if (!names.has(n)) this.pythonNames.delete(n);
    };
  }

  override(node: SyntaxNode, ts: string | null): void {
    if (ts === null) this.overrides.delete(node.id);
    else this.overrides.set(node.id, ts);
  }

  rt(name: string): string {
    return this.imports.runtime(name);
  }

  fs(name: string): string {
    return this.imports.from("node:fs", name);
  }

  note(kind: NoteKind, message: string): void {
    this.notes.add(kind, message);
  }

  /** A free name of the snippet, declared with `type` (conflicting uses make it `any`). */
  freeName(name: string, type = "any"): string {
    let js = this.jsName(name);
    if (isReservedInJs(name)) {
      this.note("expression", `\`${name}\` is a reserved word in JavaScript: renamed \`${js}\``);
    } else if (js !== name) {
      this.note("expression", `\`${name}\` is not a name in JavaScript: renamed \`${js}\``);
    } else if (this.clashing.has(name)) {
      js = `${name}_`;
      this.note("expression", `\`${name}\` is also the name of an import of this translation: renamed \`${js}\``);
    }
    js = this.hostName(name, js, type);
    const had = this.names.get(js);
    this.names.set(js, had === undefined || had === type ? type : "any");
    this.pythonNames.set(js, name);
    return js;
  }

  /** A Python name as a JavaScript identifier (reserved words and characters JavaScript refuses are escaped). */
  jsName(name: string): string {
    return jsIdentifier(name, this.options.ts);
  }

  /** The host translator's name for a name the TypeScript uses (`rename`), or `js`. */
  hostName(python: string, js: string, type = "any"): string {
    return this.options.rename?.(python, { python, typescript: js, type }) ?? js;
  }

  private isBound(name: string): boolean {
    return this.bound.some((s) => s.has(name));
  }

  /** The TypeScript of a Python expression; a bare free name gets `type`. */
  expr(node: SyntaxNode, type?: string): string {
    return this.code(node, type).text;
  }

  code(expr: SyntaxNode, type?: string): Code {
    if (this.depth >= MAX_NESTING) return this.tooDeep();
    this.depth++;
    try {
      return this.codeOf(expr, type);
    } finally {
      this.depth--;
    }
  }

  private codeOf(expr: SyntaxNode, type?: string): Code {
    const node = expr;
    switch (node.type) {
      case "parenthesized_expression": {
        const inner = unwrapParens(node);
        if (inner.id === node.id) return this.untranslated(node);
        const c = this.code(inner, type);
        return c.atomic ? c : atom(`(${c.text})`);
      }
      case "identifier":
        return this.name(node, type);
      case "true":
        return atom("true");
      case "false":
        return atom("false");
      case "none":
        return atom("null");
      case "integer":
        return this.integer(node.text, false);
      case "float":
        return this.float(node.text, false);
      case "string":
      case "concatenated_string":
        return this.string(node);
      case "unary_operator":
        return this.unary(node);
      case "binary_operator":
        return this.binary(node);
      case "boolean_operator": {
        const op = node.childForFieldName("operator")?.text === "and" ? "&&" : "||";
        this.note("expression", `\`${node.text}\`: Python's \`and\`/\`or\` test truthiness, where an empty list, dict or string is false; JavaScript's ${op} treats them as true`);
        return compound(`${this.operand(node.childForFieldName("left"))} ${op} ${this.operand(node.childForFieldName("right"))}`);
      }
      case "not_operator": {
        this.note("expression", `\`${node.text}\`: Python's \`not\` treats an empty list, dict or string as false; JavaScript's ! does not`);
        return compound(`!${this.operand(node.childForFieldName("argument"))}`);
      }
      case "comparison_operator":
        return this.comparison(node);
      case "conditional_expression": {
        const [a, cond, b] = node.namedChildren.filter((c) => c.type !== "comment");
        if (!a || !cond || !b) return this.untranslated(node);
        this.note("expression", `\`${node.text}\`: Python tests the condition's truthiness (an empty list, dict or string is false); JavaScript treats them as true`);
        return compound(`${this.operand(cond)} ? ${this.operand(a)} : ${this.operand(b)}`);
      }
      case "tuple":
        return this.sequence(node, true);
      case "list":
        return this.sequence(node, false);
      case "set": {
        const items = this.items(node).map((c) => this.element(c));
        return atom(`new Set([${items.join(", ")}])`);
      }
      case "dictionary":
        return this.dictionary(node);
      case "attribute":
        return this.attribute(node);
      case "call":
        return this.call(node);
      case "subscript": {
        const value = node.childForFieldName("value");
        const subs = node.childrenForFieldName("subscript").filter((c) => c.type !== "comment");
        const sub = subs[0];
        if (!value || subs.length !== 1 || !sub || sub.type === "slice") return this.untranslated(node);
        this.note("expression", `\`${node.text}\`: Python indexing raises on a missing key or index and counts negative indices from the end; JavaScript's [] returns undefined`);
        return atom(`${wrap(this.code(value))}[${this.expr(sub)}]`);
      }
      case "lambda":
        return this.lambda(node);
      case "await": {
        const arg = node.namedChildren.find((c) => c.type !== "comment");
        return arg ? compound(`await ${wrap(this.code(arg))}`) : this.untranslated(node);
      }
      case "list_comprehension":
        return this.comprehension(node);
      default:
        return this.untranslated(node);
    }
  }

  /** The closest form of what cannot be translated: `undefined`, with the Python in a comment and a note. */
  untranslated(node: SyntaxNode): Code {
    this.note("expression", `\`${node.text}\` (${node.type.replace(/_/g, " ")}) was not translated: write it by hand`);
    return atom(`(undefined /* Python: ${node.text.replace(/\*\//g, "* /").replace(/\s+/g, " ")} */ as any)`);
  }

  /** An expression nested deeper than CPython compiles is left to the author, not overflowing the stack. */
  private tooDeep(): Code {
    this.note("expression", `an expression nested more than ${MAX_NESTING} levels deep was not translated: write it by hand`);
    return atom("(undefined as any)");
  }

  private operand(node: SyntaxNode | null): string {
    return node ? wrap(this.code(node)) : "undefined";
  }

  private items(node: SyntaxNode): SyntaxNode[] {
    return node.namedChildren.filter((c) => c.type !== "comment");
  }

  private element(node: SyntaxNode): string {
    if (node.type === "list_splat") {
      const inner = node.namedChildren[0];
      return inner ? `...${wrap(this.code(inner))}` : "";
    }
    return this.expr(node);
  }

  private name(node: SyntaxNode, type?: string): Code {
    const name = node.text;
    if (this.isBound(name)) return atom(this.jsName(name));
    const q = this.ctx.names.qualify(node);
    if (q === `builtins.${name}` && !this.locallyBound(node)) {
      const builtin = this.builtinValue(name);
      if (builtin) return atom(builtin);
      if (name === "__file__") {
        this.note("expression", "`__file__`: in an ES module the path is `fileURLToPath(import.meta.url)`");
      } else if (PYTHON_BUILTINS.has(name)) {
        this.note("port", `\`${name}\` is a Python builtin with no runtime equivalent: port it`);
      }
    } else if (q && q !== name && this.importBinding(node)) {
      const constant = MATH_CONSTANTS[q];
      if (constant) return atom(constant);
      if (q === "collections.OrderedDict") return atom(this.orderedDict());
      this.note("port", `\`${name}\` is \`${q}\` from Python's library: port it`);
    }
    return atom(this.freeName(name, type));
  }

  /** Whether the name has a binding in the file (so it is not really a builtin). */
  private locallyBound(node: SyntaxNode): boolean {
    return this.ctx.scopes.resolve(node) !== null;
  }

  private importBinding(node: SyntaxNode): Occurrence | null {
    const res = this.ctx.scopes.resolve(node);
    const b = res?.bindings.find((o) => o.binding?.how === "import" || o.binding?.how === "from-import");
    return b ?? null;
  }

  /** A builtin used as a value (`default=str`): the runtime's equivalent, when there is one. */
  builtinValue(name: string): string | null {
    const exact = this.mode === "exact";
    switch (name) {
      case "str":
        return exact ? this.rt("pyStr") : "String";
      case "repr":
        return exact ? this.rt("pyRepr") : null;
      case "float":
        return exact ? this.rt("float") : "Number";
      case "dict":
        return exact ? this.rt("dict") : null;
      default:
        return null;
    }
  }

  private orderedDict(): string {
    this.note("expression", "`OrderedDict` becomes the runtime's `dict` (a Map in Python's key order); its repr is `{...}`, not `OrderedDict([...])`");
    return this.mode === "exact" ? this.rt("dict") : "Object.fromEntries";
  }

  private integer(text: string, negative: boolean): Code {
    const v = pythonInt(text);
    if (v === null && !/[jJ]$/.test(text)) {
      this.note("expression", `\`${text}\` is not an int literal of Python 3: not translated`);
      return atom(`(undefined /* Python: ${text} */ as any)`);
    }
    if (v === null) return this.complex(text);
    const n = negative ? -v : v;
    return n < 0n ? compound(jsInt(n)) : atom(jsInt(n));
  }

  private float(text: string, negative: boolean): Code {
    const v = pythonFloat(text);
    if (v === null) return this.complex(text);
    const n = negative ? -v : v;
    if (this.mode === "exact" && Number.isInteger(n)) return atom(`${this.rt("float")}(${jsNumber(n)})`);
    const js = jsNumber(n);
    return js.startsWith("-") ? compound(js) : atom(js);
  }

  private complex(text: string): Code {
    this.note("expression", `\`${text}\` is a complex number: JavaScript has none (and json cannot serialize it)`);
    return atom(`(undefined /* Python: ${text} */ as any)`);
  }

  private unary(node: SyntaxNode): Code {
    const op = node.childForFieldName("operator")?.text ?? "";
    const arg = node.childForFieldName("argument");
    if (!arg) return this.untranslated(node);
    const inner = unwrapParens(arg);
    if (op === "-" && inner.type === "integer") return this.integer(inner.text, true);
    if (op === "-" && inner.type === "float") return this.float(inner.text, true);
    if (op === "+" && (inner.type === "integer" || inner.type === "float")) return this.code(inner);
    if (op === "~") this.note("expression", `\`${node.text}\`: JavaScript's ~ works on 32-bit integers`);
    return compound(`${op}${wrap(this.code(arg))}`);
  }

  private binary(node: SyntaxNode): Code {
    const op = node.childForFieldName("operator")?.text ?? "";
    const left = node.childForFieldName("left");
    const rightNode = node.childForFieldName("right");
    if (!left || !rightNode) return this.untranslated(node);
    // "a" "b" * 2 and friends: only plain arithmetic and concatenation have a close JavaScript form.
    if (op === "//") {
      this.note("expression", `\`${node.text}\`: Python's // on ints is exact floor division; Math.floor(a / b) loses digits past 2**53`);
      return atom(`Math.floor(${this.operand(left)} / ${this.operand(rightNode)})`);
    }
    const k = op === "/" ? this.ctx.kinds.of(node) : null;
    if (k?.kind === "path" && k.pathlib) {
      // A pathlib join: the path becomes a string, joined the way Node joins paths.
      const relative = stringLiteral(rightNode);
      if (!relative || relative.fstring || relative.bytes || relative.value.startsWith("/")) {
        this.note("expression", `\`${node.text}\`: a pathlib join, translated as path.join, which appends an absolute right-hand side where pathlib replaces the left with it`);
      }
      return atom(`${this.imports.from("node:path", "join")}(${this.expr(left)}, ${this.expr(rightNode)})`);
    }
    const js = JS_OPERATORS[op];
    if (!js || op === "@") return this.untranslated(node);
    this.note("expression", `\`${node.text}\`: Python's \`${op}\` works on its operands' types (ints of any size, lists, str * int...); check that JavaScript's ${js} does the same here`);
    return compound(`${this.operand(left)} ${js} ${this.operand(rightNode)}`);
  }

  private comparison(node: SyntaxNode): Code {
    const parts = node.children.filter((c) => c.type !== "comment");
    const operands = parts.filter((c) => c.isNamed);
    const ops = parts.filter((c) => !c.isNamed).map((c) => c.text);
    const joined = ops.join(" ").replace(/\bis not\b/, "is not").replace(/\bnot in\b/, "not in");
    if (operands.length !== 2 || !(joined in JS_OPERATORS)) return this.untranslated(node);
    const js = JS_OPERATORS[joined] as string;
    this.note("expression", `\`${node.text}\`: Python's \`${joined}\` compares values (lists and dicts by content, 1 == 1.0 == True); JavaScript's ${js} compares objects by identity`);
    return compound(`${this.operand(operands[0] ?? null)} ${js} ${this.operand(operands[1] ?? null)}`);
  }

  private string(node: SyntaxNode): Code {
    const lit = stringLiteral(node);
    if (!lit) return this.untranslated(node);
    const named = /(?<!\\)(?:\\\\)*\\N\{[^}]*\}/.exec(node.text);
    if (named && !lit.raw && !lit.bytes) {
      this.note("expression", `\`${named[0].replace(/^(\\\\)*/, "")}\`: named Unicode escapes are not decoded (there is no Unicode name table here): write the character itself`);
    }
    if (lit.bytes) return atom(jsBytes(lit.value));
    if (!lit.fstring) return atom(jsString(lit.value));
    return this.fstring(node);
  }

  /** f"a{b!r}c" → `a${pyRepr(b)}c`; a format spec gets a note. */
  private fstring(node: SyntaxNode): Code {
    const parts = node.type === "concatenated_string" ? node.namedChildren.filter((c) => c.type === "string") : [node];
    let out = "";
    for (const part of parts) {
      const lit = stringLiteral(part);
      if (!lit) return this.untranslated(node);
      if (!lit.fstring) {
        out += templatePart(lit.value);
        continue;
      }
      for (const c of part.namedChildren) {
        if (c.type === "string_content" || c.type === "escape_sequence") {
          // A piece of the literal: decode it by itself (escape_interpolation "{{" is "{").
          const text = c.text.replace(/\{\{/g, "{").replace(/\}\}/g, "}");
          const decoded = lit.raw ? text : decodeEscapes(text, false);
          out += templatePart(decoded);
        } else if (c.type === "interpolation") {
          out += "${" + this.interpolation(c) + "}";
        }
      }
    }
    return atom("`" + out + "`");
  }

  private interpolation(node: SyntaxNode): string {
    const expr = node.namedChildren.find((c) => !["type_conversion", "format_specifier", "comment"].includes(c.type));
    if (!expr) return "undefined";
    const conversion = node.namedChildren.find((c) => c.type === "type_conversion")?.text;
    const spec = node.namedChildren.find((c) => c.type === "format_specifier");
    if (spec) this.note("expression", `\`{${node.text.slice(1, -1)}}\`: the format spec \`${spec.text}\` was not translated: format the value by hand`);
    const value = this.expr(expr);
    if (this.mode === "native") {
      this.note("expression", `\`${node.text}\`: a template literal writes String(value) (\`null\`, \`true\`, \`1\` for 1.0), Python's f-string str(value) (\`None\`, \`True\`, \`1.0\`)`);
      return value;
    }
    if (conversion === "!a") this.note("expression", `\`${node.text}\`: ascii() was written as repr(): non-ASCII characters are not escaped`);
    return `${this.rt(conversion === "!r" || conversion === "!a" ? "pyRepr" : "pyStr")}(${value})`;
  }

  private sequence(node: SyntaxNode, isTuple: boolean): Code {
    const items = this.items(node).map((c) => this.element(c));
    if (isTuple && this.mode === "exact") return atom(`${this.rt("tuple")}(${items.join(", ")})`);
    return atom(`[${items.join(", ")}]`);
  }

  /**
   * A dict: a plain object when every key is a string literal that JavaScript keeps in place
   * (not integer-like, not `__proto__`), else (exact mode) the runtime's dict(), a Map in
   * Python's order with Python's key equality.
   */
  private dictionary(node: SyntaxNode): Code {
    const pairs = this.items(node);
    const entries: { key: SyntaxNode; value: SyntaxNode }[] = [];
    const splats: SyntaxNode[] = [];
    for (const p of pairs) {
      if (p.type === "dictionary_splat") {
        const inner = p.namedChildren[0];
        if (inner) splats.push(inner);
        continue;
      }
      const key = p.childForFieldName("key");
      const value = p.childForFieldName("value");
      if (p.type !== "pair" || !key || !value) return this.untranslated(node);
      entries.push({ key, value });
    }
    if (splats.length > 0) {
      this.note("expression", `\`${node.text}\`: \`**\` in a dict display was spread as an object (\`...\`): a Map or non-string keys need dict(items(...))`);
    }
    const stringKeys = entries.map((e) => strValue(e.key));
    const plainKeys = stringKeys.every((k) => k !== null && !isIntegerLikeKey(k) && k !== "__proto__");
    if (this.mode === "exact" && !(plainKeys && splats.length === 0 && new Set(stringKeys).size === stringKeys.length)) {
      if (splats.length > 0 && entries.length === 0 && splats.length === 1) return atom(`{ ...${wrap(this.code(splats[0] as SyntaxNode))} }`);
      const items = entries.map((e) => `[${this.expr(e.key)}, ${this.expr(e.value)}]`);
      for (const s of splats) items.push(`...${this.rt("items")}(${wrap(this.code(s))})`);
      // Several pairs may have different types: TypeScript needs the widest key and value types said.
      const types = items.length > 1 ? "<unknown, unknown>" : "";
      return atom(`${this.rt("dict")}${types}([${items.join(", ")}])`);
    }
    // A plain object. Duplicate keys: Python keeps the first position and the last value, as an
    // object literal would, but TypeScript rejects duplicates, so they are merged here.
    const merged = new Map<string, string>();
    entries.forEach((e, i) => {
      const k = this.objectKey(e.key, stringKeys[i] ?? null);
      merged.set(k, this.expr(e.value));
    });
    const props = [...merged.entries()].map(([k, v]) => `${k}: ${v}`);
    for (const s of splats) props.push(`...${wrap(this.code(s))}`);
    return atom(props.length === 0 ? "{}" : `{ ${props.join(", ")} }`);
  }

  /** An object literal's property name for a key (native mode also takes ints, bools, None). */
  private objectKey(key: SyntaxNode, str: string | null): string {
    if (str !== null) return /^[A-Za-z_$][\w$]*$/.test(str) ? str : jsString(str);
    const k = unwrapParens(key);
    if (k.type === "integer") {
      const v = pythonInt(k.text);
      if (v !== null && v >= 0n) return String(v);
    }
    if (k.type === "true" || k.type === "false" || k.type === "none") return k.type === "none" ? "null" : k.type;
    // A tuple (or other container) key: an object key is its string, as JavaScript would make it; TypeScript wants that said.
    if (["tuple", "list", "set", "dictionary"].includes(k.type)) return `[String(${this.expr(key)})]`;
    return `[${this.expr(key)}]`;
  }

  private attribute(node: SyntaxNode): Code {
    const object = node.childForFieldName("object");
    const attr = node.childForFieldName("attribute")?.text ?? "";
    if (!object) return this.untranslated(node);
    const q = this.ctx.names.qualify(node);
    if (q) {
      const constant = MATH_CONSTANTS[q];
      if (constant) return atom(constant);
      if (q === "collections.OrderedDict") return atom(this.orderedDict());
      if (q === "sys.maxsize") return atom("9223372036854775807n");
      const root = rootName(node);
      if (root && !this.isBound(root.text) && this.importBinding(root)) {
        this.note("port", `\`${node.text}\` is \`${q}\` from Python's library: port it`);
      }
    }
    // A number needs parentheses before a dot (`(0).real`): `0.real` would read as a number.
    const target = this.code(object);
    return atom(`${target.atomic && !/^\d/.test(target.text) ? target.text : `(${target.text})`}.${attr}`);
  }

  private call(node: SyntaxNode): Code {
    const fixed = this.overrides.get(node.id);
    if (fixed !== undefined) return atom(fixed);
    const json = this.callsById.get(node.id);
    if (json) return atom(callExpression(json, this));
    const fn = node.childForFieldName("function");
    const args = node.childForFieldName("arguments");
    if (!fn || !args) return this.untranslated(node);
    if (args.type === "generator_expression") return this.untranslated(node);
    const list = this.items(args);
    const positional = list.filter((a) => a.type !== "keyword_argument" && a.type !== "dictionary_splat");
    const keywords = list.filter((a) => a.type === "keyword_argument");
    const q = this.ctx.names.qualify(fn);
    const name = fn.type === "identifier" ? fn.text : null;
    const plain = list.every((a) => a.type !== "dictionary_splat" && a.type !== "list_splat");
    if (q === "builtins.print" && !this.locallyBound(fn) && plain) {
      const printed = this.print(positional, keywords);
      if (printed) return printed;
    }
    if ((q === "sys.stdout.write" || q === "sys.stderr.write") && positional.length === 1 && keywords.length === 0 && plain) {
      return atom(`process.${q.slice(4, 10)}.write(${this.expr(positional[0] as SyntaxNode)})`);
    }
    if (name && q === `builtins.${name}` && !this.locallyBound(fn) && keywords.length === 0 && list.every((a) => a.type !== "dictionary_splat")) {
      const builtin = this.builtinCall(name, positional);
      if (builtin) return builtin;
    }
    if (name === "dict" && q === "builtins.dict" && positional.length === 0 && keywords.length > 0) {
      const props = keywords.map((k) => `${k.childForFieldName("name")?.text}: ${this.expr(k.childForFieldName("value") as SyntaxNode)}`);
      return atom(`{ ${props.join(", ")} }`);
    }
    if (q === "collections.OrderedDict") {
      return atom(`${this.orderedDict()}(${positional.map((a) => this.element(a)).join(", ")})`);
    }
    if (fn.type === "attribute") {
      const method = this.literalMethod(fn, positional, keywords);
      if (method) return method;
    }
    const callee = this.code(fn);
    const what = fn.type === "attribute" ? `the method \`${fn.childForFieldName("attribute")?.text}()\`` : `\`${fn.text}\``;
    this.note("port", `${what} is Python code: port it${keywords.length > 0 ? "; its keyword arguments were passed positionally, in order" : ""}`);
    const argTexts = list.map((a) => {
      if (a.type === "keyword_argument") {
        const v = a.childForFieldName("value");
        return `/* ${a.childForFieldName("name")?.text}= */ ${v ? this.expr(v) : "undefined"}`;
      }
      if (a.type === "dictionary_splat") return `/* **${a.namedChildren[0]?.text ?? ""} */ ...Object.values(${this.operand(a.namedChildren[0] ?? null)})`;
      return this.element(a);
    });
    return atom(`${wrap(callee)}(${argTexts.join(", ")})`);
  }

  /** A method of a str literal: `", ".join(xs)`; others have no TypeScript twin on a string. */
  private literalMethod(fn: SyntaxNode, args: SyntaxNode[], keywords: SyntaxNode[]): Code | null {
    const receiver = fn.childForFieldName("object");
    const method = fn.childForFieldName("attribute")?.text;
    const lit = receiver ? stringLiteral(receiver) : null;
    if (!receiver || !lit || lit.fstring) return null;
    const only = args.length === 1 && keywords.length === 0 ? (args[0] as SyntaxNode) : null;
    if (method === "join" && only && !lit.bytes) return atom(`[...${wrap(this.code(only))}].join(${this.expr(receiver)})`);
    return this.untranslated(fn.parent as SyntaxNode);
  }

  /** Builtin calls with a faithful (exact) or idiomatic (native) equivalent. */
  private builtinCall(name: string, args: SyntaxNode[]): Code | null {
    const exact = this.mode === "exact";
    const one = args.length === 1 ? (args[0] as SyntaxNode) : null;
    switch (name) {
      case "str":
        if (args.length === 0) return atom('""');
        if (!one) return null;
        if (exact) return atom(`${this.rt("pyStr")}(${this.element(one)})`);
        this.note("expression", `\`str(${one.text})\` became String(): it writes \`null\`, \`true\` and \`1\` where Python writes \`None\`, \`True\` and \`1.0\``);
        return atom(`String(${this.element(one)})`);
      case "repr":
        if (!one) return null;
        if (exact) return atom(`${this.rt("pyRepr")}(${this.element(one)})`);
        this.note("expression", `\`repr(${one.text})\` became JSON.stringify(): Python's repr quotes with ' and writes None, True, (1, 2)`);
        return atom(`JSON.stringify(${this.element(one)})`);
      case "float": {
        if (args.length === 0) return atom(exact ? `${this.rt("float")}(0)` : "0");
        if (!one) return null;
        if (exact) return atom(`${this.rt("float")}(${this.element(one)})`);
        const t = strValue(one)?.trim().toLowerCase() ?? null;
        if (t !== null && /^[+-]?(nan|inf|infinity)$/.test(t)) return t.includes("nan") ? atom("NaN") : t.startsWith("-") ? compound("-Infinity") : atom("Infinity");
        this.note("expression", `\`float(${one.text})\` became Number(): it accepts what Python rejects ("", "0x10") and rejects "inf"`);
        return atom(`Number(${this.element(one)})`);
      }
      case "tuple":
        if (args.length === 0) return atom(exact ? `${this.rt("tuple")}()` : "[]");
        if (!one) return null;
        return atom(exact ? `${this.rt("tuple")}(...${wrap(this.code(one))})` : `[...${wrap(this.code(one))}]`);
      case "list":
        if (args.length === 0) return atom("[]");
        if (!one) return null;
        this.note("expression", `\`list(${one.text})\` became [...x]: a dict spreads as its keys only in Python, and a plain object does not spread at all`);
        return atom(`[...${wrap(this.code(one))}]`);
      case "dict":
        if (args.length === 0) return atom(exact ? `${this.rt("dict")}()` : "{}");
        if (!one) return null;
        return atom(exact ? `${this.rt("dict")}(${this.element(one)})` : `Object.fromEntries(${this.element(one)})`);
      case "set":
        return atom(args.length === 0 ? "new Set()" : one ? `new Set(${this.element(one)})` : "new Set()");
      default:
        return null;
    }
  }

  /** print(a, b, sep=" ", end="\n", file=sys.stderr): console.log / console.error, or process.*.write. */
  private print(args: SyntaxNode[], keywords: SyntaxNode[]): Code | null {
    let sep = " ";
    let end = "\n";
    let stream = "stdout";
    for (const k of keywords) {
      const name = k.childForFieldName("name")?.text;
      const value = k.childForFieldName("value");
      if (!value) return null;
      const text = strValue(value);
      if (name === "sep" && text !== null) sep = text;
      else if (name === "end" && text !== null) end = text;
      else if (name === "file" && /^sys\.(stdout|stderr)$/.test(this.ctx.names.qualify(value) ?? "")) stream = (this.ctx.names.qualify(value) as string).slice(4);
      else if (name !== "flush") return null;
    }
    const parts = args.map((a) => this.printed(a));
    const joined = parts.length === 0 ? '""' : parts.length === 1 ? (parts[0] as string) : `[${parts.join(", ")}].join(${jsString(sep)})`;
    if (end === "\n") return atom(`console.${stream === "stdout" ? "log" : "error"}(${joined})`);
    return atom(`process.${stream}.write(${joined}${end === "" ? "" : ` + ${jsString(end)}`})`);
  }

  /** A value as Python's print() writes it: str(value). */
  printed(node: SyntaxNode): string {
    const text = this.expr(node);
    if (isStringValued(node, this)) return text;
    if (this.mode === "exact") return `${this.rt("pyStr")}(${text})`;
    this.note("print-format", NATIVE_MESSAGES["print-format"]());
    return text;
  }

  private lambda(node: SyntaxNode): Code {
    const params = node.childForFieldName("parameters");
    const body = node.childForFieldName("body");
    if (!body) return this.untranslated(node);
    const names: string[] = [];
    for (const p of params?.namedChildren ?? []) {
      if (p.type !== "identifier") return this.untranslated(node);
      names.push(p.text);
    }
    this.bound.push(new Set(names));
    try {
      const text = this.expr(body);
      return compound(`(${names.map((n) => `${this.jsName(n)}: any`).join(", ")}) => ${/^\{/.test(text) ? `(${text})` : text}`);
    } finally {
      this.bound.pop();
    }
  }

  /** `[f(x) for x in xs if p(x)]` → `[...xs].filter((x: any) => p(x)).map((x: any) => f(x))`. */
  private comprehension(node: SyntaxNode): Code {
    const body = node.childForFieldName("body");
    const clauses = node.namedChildren.filter((c) => c.type === "for_in_clause" || c.type === "if_clause");
    const first = clauses[0];
    const left = first?.childForFieldName("left");
    const right = first?.childForFieldName("right");
    if (!body || !first || first.type !== "for_in_clause" || left?.type !== "identifier" || !right || clauses.slice(1).some((c) => c.type !== "if_clause")) {
      return this.untranslated(node);
    }
    const iterable = wrap(this.code(right));
    this.bound.push(new Set([left.text]));
    try {
      const v = this.jsName(left.text);
      const filters = clauses.slice(1).map((c) => `.filter((${v}: any) => ${this.expr(c.namedChildren[0] as SyntaxNode)})`);
      if (filters.length > 0) this.note("expression", `\`${node.text}\`: the if clause tests truthiness, where JavaScript treats an empty list, dict or string as true`);
      return atom(`[...${iterable}]${filters.join("")}.map((${v}: any) => ${this.expr(body)})`);
    } finally {
      this.bound.pop();
    }
  }
}

/** Whether an expression surely holds a str (so print and str() leave it as is). */
export function isStringValued(node: SyntaxNode, e: Emitter): boolean {
  const n = unwrapParens(node);
  const s = n.type === "string" || n.type === "concatenated_string" ? stringLiteral(n) : null;
  if (s) return !s.bytes;
  if (n.type === "call") {
    const q = e.ctx.names.qualify(n.childForFieldName("function") as SyntaxNode);
    if (q === "json.dumps" || q === "simplejson.dumps" || q === "builtins.str" || q === "builtins.repr") return true;
  }
  const k = e.ctx.kinds.of(n);
  return k.kind === "text" && k.bytes === false && k.origin !== "annotation";
}

/** The leftmost name of `a.b.c`. */
function rootName(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  while (n && n.type === "attribute") n = n.childForFieldName("object");
  return n?.type === "identifier" ? n : null;
}
