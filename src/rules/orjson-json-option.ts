import type { Edit } from "../core/types.js";
import { ORJSON_FOREIGN_OPTIONS } from "../python/signatures.js";
import type { CallArgument } from "../python/syntax.js";
import { removeArgument } from "./edits.js";
import { defineRule } from "./types.js";

// What each of json's options is in orjson (3.12.0; each claim checked in test/rules/orjson-json-option.test.ts).
const SPELLING: Record<string, string> = {
  indent: "orjson indents only by 2 spaces: use `option=orjson.OPT_INDENT_2`",
  sort_keys: "use `option=orjson.OPT_SORT_KEYS`",
  ensure_ascii: "orjson always writes UTF-8 and never escapes non-ASCII characters; drop it",
  separators: "orjson's output is always compact (`,` and `:`, no spaces); drop it",
  cls: "orjson takes no encoder class; pass a function as `default=`",
  allow_nan: "orjson writes NaN and Infinity as `null`; drop it",
  skipkeys: "orjson has no such option; keys that are not str raise unless `option=orjson.OPT_NON_STR_KEYS`",
  check_circular: "orjson has no such option (a circular reference raises `TypeError: Recursion limit reached`); drop it",
};

/** The orjson flag a keyword's value stands for: "" for none (the default), null when it has none. */
function flagOf(arg: CallArgument): string | null {
  const v = arg.value.text;
  if (arg.name === "indent") return v === "2" ? "OPT_INDENT_2" : v === "None" ? "" : null;
  if (arg.name === "sort_keys") return v === "True" ? "OPT_SORT_KEYS" : v === "False" ? "" : null;
  return null;
}

export default defineRule({
  meta: {
    code: "JSN014",
    name: "orjson-json-option",
    summary: "One of json's keywords (`indent=`, `sort_keys=`, `ensure_ascii=`...) passed to `orjson.dumps()`",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Use `option=orjson.OPT_INDENT_2` / `orjson.OPT_SORT_KEYS`" },
    docs: {
      what: "Finds `orjson.dumps()` calls given one of `json.dumps()`'s keywords: `indent`, `sort_keys`, `ensure_ascii`, `separators`, `cls`, `allow_nan`, `skipkeys`, `check_circular`. orjson takes only `default` and `option`; its flags combine with `|`: `option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS`.",
      why: "Code moved from json to orjson keeps json's keywords, and orjson rejects every one of them, so the call raises. The error does not even name the keyword.",
      whatHappens: "TypeError: dumps() got an unexpected keyword argument",
      example: 'import orjson\n\nbody = orjson.dumps({"b": 1, "a": 2}, indent=2)\n',
      useInstead: 'import orjson\n\nbody = orjson.dumps({"b": 1, "a": 2}, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does. Offered only when the rewrite is certain: every json keyword of the call is `indent=2` or `indent=None`, `sort_keys=True` or `sort_keys=False`, the call has no `option` yet, and orjson is called as a module attribute (`orjson.dumps`), so that `orjson.OPT_...` needs no import. Other indents have no orjson equivalent (orjson indents only by 2), so there is no fix.",
      references: ["https://github.com/ijl/orjson#option", "https://github.com/ijl/orjson#serialize"],
    },
  },
  checkCall(call, ctx) {
    if (call.module !== "orjson" || call.api !== "dumps") return;
    const foreign = call.args.filter((a) => a.kind === "keyword" && ORJSON_FOREIGN_OPTIONS.includes(a.name as string));
    if (foreign.length === 0) return;
    const fix = optionFix(call.callee.type === "attribute" ? (call.callee.childForFieldName("object")?.text ?? null) : null, foreign, call.bound.has("option") || call.hasStarStarArgs, ctx.text);
    const flags = foreign.map(flagOf).filter((f) => f) as string[];
    const combined = flags.length > 1 ? `; together: \`option=${flags.map((f) => `orjson.${f}`).join(" | ")}\`` : "";
    // One fix for the call's keywords together, on the first one's diagnostic.
    foreign.forEach((arg, i) => {
      ctx.report({
        node: arg.node,
        message: `\`${call.callee.text}()\` takes no \`${arg.name}\` (only \`default\` and \`option\`); ${SPELLING[arg.name as string]}${flagOf(arg) ? combined : ""}`,
        fix: i === 0 ? fix : null,
      });
    });
  },
});

function optionFix(module: string | null, foreign: CallArgument[], hasOption: boolean, text: string) {
  if (!module || hasOption) return null;
  const flags = foreign.map(flagOf);
  if (flags.some((f) => f === null)) return null;
  const used = flags.filter((f) => f) as string[];
  const last = foreign[foreign.length - 1] as CallArgument;
  const edits: Edit[] = foreign.slice(0, -1).map((a) => removeArgument(text, a.node));
  const option = used.map((f) => `${module}.${f}`).join(" | ");
  edits.push(used.length > 0 ? { start: last.node.startIndex, end: last.node.endIndex, content: `option=${option}` } : removeArgument(text, last.node));
  return { applicability: "unsafe" as const, message: used.length > 0 ? `Use \`option=${option}\`` : `Remove ${foreign.map((a) => `\`${a.name}=\``).join(", ")}`, edits };
}
