// Reading `dumpling convert --output-format json` defensively, before and after issue 11's changes:
// markers are `untranslated(...)` calls with notes of kind `untranslated` when the report has them,
// else the older placeholders `(undefined /* Python: … */ as any)` with notes saying "not translated".

const MARKER = /\buntranslated\s*(?:<[^()]*?>)?\s*\(/g;
const HAS_MARKER = /\buntranslated\s*(?:<[^()]*?>)?\s*\(/;
const OLD_MARKER = /\/\* Python: |\(undefined as any\)/g;
const OLD_NOTE = /\bwas not translated\b|: not translated\b|\bwere not translated\b/;

/** How this report marks untranslated code: "untranslated" (the contract) or "placeholder" (before it). */
export function markerStyle(calls) {
  const modern = calls.some((c) => c.notes.some((n) => n.kind === "untranslated") || HAS_MARKER.test(c.typescript));
  return modern ? "untranslated" : "placeholder";
}

export function markersOf(call, style) {
  return (call.typescript.match(style === "untranslated" ? MARKER : OLD_MARKER) ?? []).length;
}

export function markerNotesOf(call, style) {
  return call.notes.filter((n) => (style === "untranslated" ? n.kind === "untranslated" : OLD_NOTE.test(n.message)));
}

/** The Python source of each marker: the first string argument of `untranslated(...)`, or the placeholder's comment. */
export function markerSources(call, style) {
  const out = [];
  if (style === "untranslated") {
    for (const m of call.typescript.matchAll(/\buntranslated\s*(?:<[^()]*?>)?\s*\(\s*("(?:[^"\\]|\\.)*")/g)) {
      try {
        out.push(JSON.parse(m[1]));
      } catch {
        out.push(m[1]);
      }
    }
  } else {
    for (const m of call.typescript.matchAll(/\/\* Python: ([\s\S]*?) \*\//g)) out.push(m[1]);
  }
  return out;
}

/** "certain", "possible", or "unspecified" when notes carry no certainty (before the change). */
export function certaintyOf(note) {
  return note.certainty === "certain" || note.certainty === "possible" ? note.certainty : "unspecified";
}

/** Native-mode split: calls with a certain difference, with possible ones only, with none. */
export function nativeSplit(call) {
  const c = call.notes.map(certaintyOf);
  if (c.includes("certain")) return "certain";
  if (c.includes("possible")) return "possible";
  return call.notes.length === 0 ? "none" : "unspecified";
}

export function countBy(items, key) {
  const out = {};
  for (const it of items) {
    const k = key(it);
    out[k] = (out[k] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}
