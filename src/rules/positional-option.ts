import { guessOption, looksLikeOption } from "../python/options.js";
import { defineRule } from "./types.js";

export default defineRule({
  meta: {
    code: "JSN008",
    name: "positional-option",
    summary: "An option passed positionally, e.g. `json.dumps(x, 4)`",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "sometimes", applicability: "unsafe", title: "Pass the option by keyword" },
    docs: {
      what: "Finds options of `json.dump()`, `json.dumps()`, `json.load()` and `json.loads()` passed as positional arguments: `json.dumps(x, 4)`, `json.dump(x, f, True)`, `json.loads(s, object_hook)`.",
      why: "Since Python 3.6 every option of these functions is keyword-only (in Python 2 they were positional, and simplejson still allows it), so the call raises. Positionally it is also unclear: is `True` `sort_keys` or `ensure_ascii`?",
      whatHappens: "TypeError: dumps() takes 1 positional argument but 2 were given",
      example: 'import json\n\ntext = json.dumps({"a": 1}, 4)\n',
      useInstead: 'import json\n\ntext = json.dumps({"a": 1}, indent=4)\n',
      fixSafety: "Unsafe: the call always raised, so any fix changes what the program does, and the keyword is a guess. It is offered only when the guess is plain: an integer or a whitespace string is `indent`, a pair of strings is `separators`, a variable named like an option is that option, `str` or `repr` is `default`, a name ending in `Encoder`/`Decoder` is `cls`, `OrderedDict` is `object_pairs_hook`, `Decimal` is `parse_float`. A `True`, `False` or `None` could be any of several options and gets no fix. The message says which keyword was chosen.",
      references: ["https://docs.python.org/3/library/json.html#json.dumps"],
    },
  },
  checkCall(call, ctx) {
    if (call.module !== "json" || call.hasStarArgs) return;
    call.extraPositional.forEach((arg, i) => {
      // dumps(x, f) with a non-literal second argument is dumps-given-file's.
      if (call.api === "dumps" && i === 0 && !looksLikeOption(call, arg, ctx.kinds)) return;
      const guess = guessOption(call, arg.value);
      const isLast = call.args.filter((a) => a.kind === "positional").at(-1)?.node.id === arg.node.id;
      const fixable = guess !== null && isLast && !call.bound.has(guess);
      const allowed = call.signature.required.length;
      const takes = `takes ${allowed === 1 ? "1 positional argument" : `${allowed} positional arguments`}`;
      const suggestion = guess ? `\`${arg.value.text}\` is most likely \`${guess}=${arg.value.text}\`` : `pass \`${arg.value.text}\` by the keyword of the option you meant`;
      ctx.report({
        node: arg.node,
        message: `\`${call.callee.text}()\` ${takes}; options are keyword-only: ${suggestion}`,
        fix: fixable ? { applicability: "unsafe", message: `Pass it as \`${guess}=${arg.value.text}\``, edits: [{ start: arg.node.startIndex, end: arg.node.startIndex, content: `${guess}=` }] } : null,
      });
    });
  },
});
