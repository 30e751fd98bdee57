// The JsonCall model: every call of json.dump/dumps/load/loads (or simplejson's, orjson's,
// ujson's), with its arguments bound to the module's real signature and the kind of its file or string argument.
// Rules and the translator read this; neither re-derives it.
import { nodesSpanning, type SyntaxNode } from "./tree.js";
import type { FileKind, Kinds, ValueKind } from "./kinds.js";
import type { Names } from "./names.js";
import type { Scopes } from "./scopes.js";
import { isJsonApi, signatureOf, type JsonApi, type JsonModule, type Signature } from "./signatures.js";
import { callArguments, enclosingStatement, parentSkippingParens, stringLiteral, type CallArgument } from "./syntax.js";
import { writesOf, type WrittenTo } from "./writes.js";

export type { WrittenTo } from "./writes.js";

export type Usage = "statement" | "assigned" | "returned" | "argument" | "lambda" | "other";

export interface JsonCall {
  api: JsonApi;
  module: JsonModule;
  /** The call node and its callee (`json.dump`, `j.dump`, `dump`). */
  node: SyntaxNode;
  callee: SyntaxNode;
  signature: Signature;
  args: CallArgument[];
  /** Arguments bound to parameters by name: obj, fp, s and the options given. */
  bound: Map<string, CallArgument>;
  /** Positional arguments the signature has no place for. */
  extraPositional: CallArgument[];
  /** Keywords the signature does not take. */
  unknownKeywords: CallArgument[];
  /** `*args` / `**kwargs` present: conclusions that depend on what they hold are off. */
  hasStarArgs: boolean;
  hasStarStarArgs: boolean;
  /** The file (dump, load) or document (loads) argument, with what it holds. */
  target: { arg: CallArgument; kind: ValueKind } | null;
  /**
   * The file the call reads or writes, when it is a file object: its `fp`, or `f` of
   * `json.loads(f.read())` (then `readCall` is the `f.read()` call).
   */
  file: { kind: FileKind; node: SyntaxNode; readCall: SyntaxNode | null } | null;
  /** How the call's value is used. */
  usage: Usage;
  /**
   * dumps: the `write()`, `writelines()` and `print()` calls its text goes to, as str or
   * `.encode()`d, directly or through a name, with the handle's kind (`f.write(json.dumps(x))`,
   * `print(json.dumps(x).encode(), file=f)`, `s = json.dumps(x)` then `f.write(s)`). Empty for
   * orjson, whose dumps returns bytes (JSN016 reports its bytes used as a str).
   */
  writes: WrittenTo[];
  /** The statement that contains the call. */
  statement: SyntaxNode;
}

const JSON_WORD = /(?<![\p{L}\p{N}_])(?:simple|or|u)?json(?![\p{L}\p{N}_])/gu;
const QUALIFIED = /^(json|simplejson|orjson|ujson)\.(dump|dumps|load|loads)$/;

export function findJsonCalls(text: string, scopes: Scopes, names: Names, kinds: Kinds): JsonCall[] {
  const candidates = candidateNames(text, scopes);
  const calls = new Map<number, JsonCall>();
  for (const name of candidates) {
    for (const occ of scopes.occurrences(name)) {
      if (occ.role !== "use") continue;
      const callee = calleeAt(occ.node);
      if (!callee) continue;
      const call = callee.parent as SyntaxNode;
      if (calls.has(call.id) || call.hasError) continue;
      const m = QUALIFIED.exec(names.qualify(callee) ?? "");
      if (!m) continue;
      calls.set(call.id, buildCall(call, callee, m[1] as JsonModule, m[2] as JsonApi, scopes, names, kinds));
    }
  }
  return [...calls.values()].sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** `json` in `json.dumps(...)`, or `d` in `d(...)`: the callee of a call, if the name is one. */
function calleeAt(node: SyntaxNode): SyntaxNode | null {
  const parent = node.parent;
  if (!parent) return null;
  if (parent.type === "call" && parent.childForFieldName("function")?.id === node.id) return node;
  if (parent.type === "attribute" && parent.childForFieldName("object")?.id === node.id) {
    const attr = parent.childForFieldName("attribute")?.text ?? "";
    const call = parent.parent;
    if (isJsonApi(attr) && call?.type === "call" && call.childForFieldName("function")?.id === parent.id) return parent;
  }
  return null;
}

/**
 * Names that may refer to the json module or one of its functions: `json`, aliases from
 * `import json as j`, names from `from json import dumps as d` or `*`, `x = __import__("json")`,
 * and `d = json.dumps`. A superset: each use is confirmed by the resolver.
 */
function candidateNames(text: string, scopes: Scopes): Set<string> {
  const out = new Set<string>();
  const ranges: [number, number][] = [];
  JSON_WORD.lastIndex = 0;
  for (let m = JSON_WORD.exec(text); m; m = JSON_WORD.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  for (const node of nodesSpanning(scopes.tree, ranges)) {
    if (node.type === "identifier") {
      out.add(node.text);
      const stmt = importStatementOf(node);
      if (stmt) for (const n of importedNames(stmt)) out.add(n);
    } else if (node.type === "string_content") {
      // x = __import__("json") / importlib.import_module("json")
      const call = node.parent?.parent?.parent;
      const assign = call?.type === "call" ? call.parent : null;
      const left = assign?.type === "assignment" ? assign.childForFieldName("left") : null;
      if (left?.type === "identifier" && stringLiteral(node.parent as SyntaxNode)?.value.endsWith("json")) out.add(left.text);
    }
  }
  // Aliases of the functions: `d = json.dumps`.
  for (const name of [...out]) {
    for (const occ of scopes.occurrences(name)) {
      const attr = occ.node.parent;
      if (occ.role !== "use" || attr?.type !== "attribute" || !isJsonApi(attr.childForFieldName("attribute")?.text ?? "")) continue;
      const [assign, child] = parentSkippingParens(attr);
      const left = assign?.type === "assignment" && assign.childForFieldName("right")?.id === child.id ? assign.childForFieldName("left") : null;
      if (left?.type === "identifier") out.add(left.text);
    }
  }
  return out;
}

function importStatementOf(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode | null = node;
  for (let i = 0; i < 4 && n; i++, n = n.parent) {
    if (n.type === "import_statement" || n.type === "import_from_statement") return n;
  }
  return null;
}

function importedNames(stmt: SyntaxNode): string[] {
  const names: string[] = [];
  for (const c of stmt.namedChildren) {
    if (stmt.type === "import_from_statement" && stmt.childForFieldName("module_name")?.id === c.id) continue;
    if (c.type === "dotted_name") names.push(c.firstNamedChild?.text ?? "");
    else if (c.type === "aliased_import") names.push(c.childForFieldName("alias")?.text ?? "");
    else if (c.type === "wildcard_import") names.push("dump", "dumps", "load", "loads");
  }
  return names.filter(Boolean);
}

function buildCall(call: SyntaxNode, callee: SyntaxNode, module: JsonModule, api: JsonApi, scopes: Scopes, names: Names, kinds: Kinds): JsonCall {
  const signature = signatureOf(module, api);
  const args = callArguments(call);
  const bound = new Map<string, CallArgument>();
  const extraPositional: CallArgument[] = [];
  const unknownKeywords: CallArgument[] = [];
  const hasStarArgs = args.some((a) => a.kind === "star");
  const hasStarStarArgs = args.some((a) => a.kind === "starstar");
  const positionalParams = signature.positionalOptions ? [...signature.required, ...signature.options] : signature.required;
  const byName = signature.requiredPositionalOnly ? signature.options : [...signature.required, ...signature.options];
  let index = 0;
  let afterStar = false;
  for (const a of args) {
    if (a.kind === "star") afterStar = true;
    if (a.kind !== "positional" || afterStar) continue;
    const param = positionalParams[index++];
    if (param) bound.set(param, a);
    else extraPositional.push(a);
  }
  for (const a of args) {
    if (a.kind !== "keyword" || !a.name) continue;
    if (byName.includes(a.name)) bound.set(a.name, a);
    else unknownKeywords.push(a);
  }
  const targetArg = signature.target ? bound.get(signature.target) : undefined;
  const target = targetArg ? { arg: targetArg, kind: kinds.of(targetArg.value) } : null;
  return {
    api, module, node: call, callee, signature, args, bound, extraPositional, unknownKeywords, hasStarArgs, hasStarStarArgs,
    target,
    file: fileOf(api, target, kinds),
    usage: usageOf(call),
    // orjson.dumps() returns bytes: the str/bytes writes below are about the text of the others.
    writes: api === "dumps" && module !== "orjson" ? writesOf(call, scopes, names, kinds) : [],
    statement: enclosingStatement(call),
  };
}

function fileOf(api: JsonApi, target: JsonCall["target"], kinds: Kinds): JsonCall["file"] {
  if (!target) return null;
  if ((api === "dump" || api === "load") && target.kind.kind === "file") return { kind: target.kind, node: target.arg.value, readCall: null };
  const k = target.kind;
  if (api === "loads" && k.kind === "text" && k.origin === "read" && k.readReceiver && k.readCall) {
    const kind = kinds.of(k.readReceiver);
    if (kind.kind === "file") return { kind, node: k.readReceiver, readCall: k.readCall };
  }
  return null;
}

function usageOf(call: SyntaxNode): Usage {
  const [parent, child] = parentSkippingParens(call);
  if (!parent) return "other";
  switch (parent.type) {
    case "expression_statement":
      return "statement";
    case "assignment":
    case "augmented_assignment":
      return parent.childForFieldName("right")?.id === child.id ? "assigned" : "other";
    case "named_expression":
      return "assigned";
    case "return_statement":
      return "returned";
    case "argument_list":
    case "keyword_argument":
      return "argument";
    case "lambda":
      return "lambda";
    default:
      return "other";
  }
}
