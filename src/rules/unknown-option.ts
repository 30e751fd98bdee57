import { removeArgument } from "./edits.js";
import { ORJSON_FOREIGN_OPTIONS } from "../python/signatures.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN009",
    name: "unknown-option",
    summary: "A keyword the function does not take, such as a typo (`indnet=2`) or the removed `encoding=`",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "mixed", title: "Use the option's right name, or drop `encoding=`" },
    docs: {
      what: "Finds keyword arguments that `json.dump()`, `json.dumps()`, `json.load()` or `json.loads()` does not take: typos such as `indnet=` or `sort_key=`, camelCase names such as `sortKeys=`, and `encoding=`, which Python 3.9 removed from `json.loads()` (and which `json.dumps()` never had in Python 3). Calls with `cls=` or `**kwargs` are skipped: a custom encoder or decoder class may take more options. The only rule that `target-version` changes: below py39 (code that must still run on Python 3.7 or 3.8, where `json.load()` and `json.loads()` ignore `encoding=`), the message says the argument is ignored there and raises from 3.9 on; the diagnostic and its fix are the same.",
      why: "Extra keywords are passed to `JSONEncoder` or `JSONDecoder`, which reject the unknown ones, so the call raises; and if the code never runs in tests, the typo ships.",
      whatHappens: "TypeError: JSONEncoder.__init__() got an unexpected keyword argument 'indnet'",
      example: 'import json\n\ntext = json.dumps({"a": 1}, indnet=2)\n',
      useInstead: 'import json\n\ntext = json.dumps({"a": 1}, indent=2)\n',
      fixSafety: "Dropping `encoding=` is safe: the call always raised on Python 3.9 and later, and on earlier versions the argument was ignored (bytes are decoded by detection), so no input that worked behaves differently. Renaming a typo is unsafe: the call always raised, and the rename is a guess, offered only when exactly one option is within two edits (or equal ignoring case and underscores).",
      references: ["https://docs.python.org/3/library/json.html#basic-usage", "https://docs.python.org/3/whatsnew/3.9.html#removed"],
    },
  },
  checkCall(call, ctx) {
    if (call.bound.has("cls") || call.hasStarStarArgs) return;
    for (const arg of call.unknownKeywords) {
      const name = arg.name as string;
      // json's options given to orjson.dumps are orjson-json-option's (JSN014).
      if (call.module === "orjson" && call.api === "dumps" && ORJSON_FOREIGN_OPTIONS.includes(name)) continue;
      const nameNode = arg.nameNode ?? arg.node;
      if (name === "encoding" && call.module === "json") {
        const decoder = call.api === "load" || call.api === "loads";
        ctx.report({
          node: nameNode,
          message: decoder
            ? ctx.targetVersion < 9
              ? `\`${call.callee.text}()\` ignores \`encoding\` before Python 3.9, which removed it (the call raises \`TypeError\` there); bytes are decoded automatically (UTF-8, -16 or -32)`
              : `\`encoding\` was removed from \`${call.callee.text}()\` in Python 3.9; bytes are decoded automatically (UTF-8, -16 or -32)`
            : `\`${call.callee.text}()\` takes no \`encoding\` in Python 3: it produces str; encode the result if you need bytes`,
          fix: { applicability: "safe", message: "Remove `encoding=`", edits: [removeArgument(ctx.text, arg.node)] },
        });
        continue;
      }
      const suggestion = closestOption(name, call.signature.options);
      const duplicate = suggestion !== null && call.bound.has(suggestion);
      ctx.report({
        node: nameNode,
        message: `\`${name}\` is not an option of \`${call.callee.text}()\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`,
        fix: suggestion && !duplicate ? { applicability: "unsafe", message: `Rename to \`${suggestion}\``, edits: [{ start: nameNode.startIndex, end: nameNode.endIndex, content: suggestion }] } : null,
      });
    }
  },
});

/** The one option within edit distance 2 (transpositions count 1), or equal ignoring case and "_". */
export function closestOption(name: string, options: readonly string[]): string | null {
  const norm = (s: string) => s.replace(/_/g, "").toLowerCase();
  const same = options.filter((o) => norm(o) === norm(name));
  if (same.length === 1) return same[0] as string;
  let best: string | null = null;
  let bestDistance = 3;
  let tie = false;
  for (const o of options) {
    const d = distance(name.toLowerCase(), o);
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best && !tie && bestDistance <= Math.max(1, Math.min(2, Math.floor(name.length / 3))) ? best : null;
}

/** Damerau-Levenshtein distance (optimal string alignment). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
