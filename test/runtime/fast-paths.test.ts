// What the differential tests cannot see: JS-only behaviour of the fast paths (fast-encoder.ts,
// fast-decoder.ts), checked against the general encoder and the scanner, which the differential
// tests hold to CPython.
import { describe, expect, it } from "vitest";
import { JSONDecoder, JSONEncoder, dumps, loads } from "../../src/runtime/index.js";

/** The general encoder: a subclass's own iterencode keeps dumps off the fast path. */
class GeneralEncoder extends JSONEncoder {
  override *iterencode(o: unknown, oneShot = false): Generator<string, void, undefined> {
    yield* super.iterencode(o, oneShot);
  }
}

/** The scanner alone (rawDecode skips the JSON.parse path). */
const scanned = (s: string): unknown => new JSONDecoder().rawDecode(s, 0)[0];

describe("runtime fast paths", () => {
  it("loads gives the int 0 for -0 on both paths (JSON.parse reads -0)", () => {
    for (const text of ["-0", "[-0, 1]", '{"a": -0}']) {
      const fast = JSON.stringify(loads(text), (_k, v: unknown) => (Object.is(v, -0) ? "minus zero" : v));
      const slow = JSON.stringify(scanned(text), (_k, v: unknown) => (Object.is(v, -0) ? "minus zero" : v));
      expect(fast).toBe(slow);
      expect(fast).not.toContain("minus zero");
    }
  });

  it("a getter that calls dumps while dumps runs gets its own buffer", () => {
    const inner = { text: "é\n".repeat(50), n: [1.5, 2] };
    const outer = {
      get a(): string {
        return dumps(inner);
      },
      b: ["😀".repeat(3000), 3],
    };
    const expected = dumps(outer, { cls: GeneralEncoder });
    expect(dumps(outer)).toBe(expected);
    expect(expected.startsWith('{"a": "{\\"text\\": \\"\\\\u00e9\\\\n')).toBe(true);
  });

  it("a text of many chunks, with multi-byte characters across every chunk boundary", () => {
    const v = Array.from({ length: 5000 }, (_, i) => ({ k: "é東😀\n".repeat(i % 40), n: i + 0.5 }));
    for (const ensureAscii of [true, false]) expect(dumps(v, { ensureAscii })).toBe(dumps(v, { ensureAscii, cls: GeneralEncoder }));
    const long = ["x", "é".repeat(100_000), "y"];
    expect(dumps(long, { ensureAscii: false })).toBe(dumps(long, { ensureAscii: false, cls: GeneralEncoder }));
  });

  it("long strings that join the output as they are, and long ones that cannot (escapes, lone surrogates, 0x7f)", () => {
    const long = (t: string): string => t.repeat(200);
    const v = [long("東京😀"), long("plain"), long("x") + "\n", long("é") + "\u007f", long("a") + "\ud800", long("b") + "\udc00" + long("c"), { [long("k")]: long("v") }];
    for (const ensureAscii of [true, false]) {
      for (const x of [...v, v]) expect(dumps(x, { ensureAscii })).toBe(dumps(x, { ensureAscii, cls: GeneralEncoder }));
    }
  });

  it("short strings that start with a non-ASCII unit join the output as they are with ensureAscii off (from 16 units), and those that cannot", () => {
    const v = ["東".repeat(15), "東".repeat(16), "東京".repeat(8) + "\n", "é".repeat(20) + '"', "😀".repeat(8), "\ud800" + "東".repeat(20), "東".repeat(20) + "\udfff", "é".repeat(17) + "\u007f", "a" + "東".repeat(20)];
    for (const ensureAscii of [true, false]) {
      for (const x of [...v, v, Object.fromEntries(v.map((k) => [k, k]))]) expect(dumps(x, { ensureAscii })).toBe(dumps(x, { ensureAscii, cls: GeneralEncoder }));
    }
  });

  it("with ensureAscii, a string that starts with a non-ASCII unit is escaped from a table of every unit's digits: each of the 65,536 units, in values and keys", () => {
    const units = Array.from({ length: 16 }, (_, b) => "é" + Array.from({ length: 4096 }, (_, i) => String.fromCharCode(b * 4096 + i)).join(""));
    // (the last is longer than a chunk: written into a new buffer, through a new view of it)
    const v = [units, Object.fromEntries(units.map((u, i) => [u, i])), units.map((u) => u.slice(0, 40)), "é" + "東".repeat(20_000)];
    expect(dumps(v)).toBe(dumps(v, { cls: GeneralEncoder }));
    // Past 4 Mi characters (the raw string), the first full chunk gives way to a big one: the
    // escapes after it (under 64 KB of them) must land in the new chunk.
    const switched = ["x".repeat(5_000_000), ...Array.from({ length: 5000 }, (_, i) => `東京${i}`)];
    expect(dumps(switched)).toBe(dumps(switched, { cls: GeneralEncoder }));
    // python3 -c 'import json; print(json.dumps("é\u00ff\u0100\uabcd\uffff\U0001F600\x7f\n\"a"))' (3.11.7)
    expect(dumps('é\u00ff\u0100\uabcd\uffff\ud83d\ude00\u007f\n"a')).toBe('"\\u00e9\\u00ff\\u0100\\uabcd\\uffff\\ud83d\\ude00\\u007f\\n\\"a"');
  });

  it("an enumerable key on Object.prototype is not written (the fast writer reads keys with for-in)", () => {
    const v = { a: 1, b: [{ c: "x" }], d: Object.assign(Object.create(null), { e: 2 }) };
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(dumps(v)).toBe('{"a": 1, "b": [{"c": "x"}], "d": {"e": 2}}');
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it("a big text, then a small one, then a big one again (the reused buffer holds no stale bytes)", () => {
    const big = { s: "x".repeat(200_000), t: ["é", 1] };
    const small = [1, "a"];
    for (const v of [big, small, big, small]) expect(dumps(v)).toBe(dumps(v, { cls: GeneralEncoder }));
    expect(dumps(small)).toBe('[1, "a"]');
  });

  it("a text past 4 Mi characters, written on in 2 MiB chunks (one string longer than that), then a small one; so again with Node's entry, whose big ASCII chunks Buffer decodes", async () => {
    // The switch to big chunks happens mid-array; after it come escapes, a long raw string, a string
    // whose escapes need more than 2 MiB, and a surrogate pair.
    const tail = ["x".repeat(300_000), "東".repeat(400_000), "😀".repeat(5), 1.5];
    const rows = Array.from({ length: 11_000 }, (_, i) => "東京é😀\n".repeat(20) + i);
    const ascii = [rows, ...tail];
    const unicode = [Array.from({ length: 11_000 }, (_, i) => "東京é😀\n".repeat(100) + i), ...tail];
    const cases = [[ascii, true], [unicode, false]] as const;
    const expected = cases.map(([v, ensureAscii]) => dumps(v, { ensureAscii, cls: GeneralEncoder }));
    for (const [i, [v, ensureAscii]] of cases.entries()) {
      expect(expected[i]!.length).toBeGreaterThan((1 << 22) + (1 << 21));
      expect(dumps(v, { ensureAscii })).toBe(expected[i]);
    }
    const node = await import("../../src/backends/runtime-node.js"); // (sets the hook on these modules)
    for (const [i, [v, ensureAscii]] of cases.entries()) expect(node.dumps(v, { ensureAscii })).toBe(expected[i]);
    // ensure_ascii writes separators and indents as they are: not ASCII, they keep the chunk from Buffer.
    for (const options of [{ separators: [",", "："] as [string, string] }, { indent: "\u3000" }]) {
      const records = rows.map((s, i) => ({ [String(i)]: s }));
      expect(node.dumps(records, options)).toBe(dumps(records, { ...options, cls: GeneralEncoder }));
    }
    expect(node.dumps([1, "東"])).toBe('[1, "\\u6771"]');
  });
});
