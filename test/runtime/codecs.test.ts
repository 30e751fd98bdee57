// bytes.decode / str.encode (pyDecode, pyEncode) against CPython: every supported codec under many
// spellings x every error handler, on generated text and on bytes built from the malformed sequences
// UTF-8, UTF-16 and UTF-32 decoders must report exactly (overlongs, encoded surrogates, truncation,
// stray continuation bytes, code points past U+10FFFF), plus the exhaustive product of codecs,
// handlers and a fixed list of damaged inputs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PyUnicodeEncodeError, pyDecode, pyEncode } from "../../src/runtime/index.js";
import { PythonOracle, pythonAvailable } from "../support/python-oracle.js";
import { TIMEOUT, compareCases, differential, tally, type Case } from "./format-support.js";

const SEED = process.env.DUMPLING_SEED !== undefined ? Number(process.env.DUMPLING_SEED) : 20261204;
const hasPython = pythonAvailable();
let oracle: PythonOracle;
beforeAll(() => {
  if (hasPython) oracle = new PythonOracle();
});
afterAll(() => {
  oracle?.close();
  console.log(`codecs vs CPython: ${tally.cases} cases, ${tally.errors} of them exceptions, ${tally.skipped} too big to send (seed ${SEED})`);
});

const CODECS = ["utf-8", "utf-8-sig", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "cp1252"];
/** Other spellings Python accepts (aliases, case, punctuation), and names it refuses. */
const SPELLINGS = [
  "UTF8", "utf_8", "U8", "utf", "cp65001", "Utf-8", " utf-8 ", "utf.8", "utf--8", "utf-8-", "UTF-8-SIG", "utf8-sig", "utf_8_sig", "us-ascii", "646", "ANSI_X3.4-1968",
  "iso646-us", "latin1", "iso-8859-1", "ISO8859-1", "L1", "cp819", "8859", "latin", "UTF16", "u16", "utf_16le", "UnicodeLittleUnmarked", "utf-16be", "u32", "utf_32be",
  "windows-1252", "1252", "xyz", "", "-", "utf-7x", "hex", "rot13", "base64", "ütf-8",
];
const HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "xmlcharrefreplace", "namereplace", "bogus", "Strict"];

/** Byte sequences decoders must take apart exactly as CPython does. */
const FRAGMENTS: number[][] = [
  [0x61], [0x7f], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf], [0x00],
  [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2], [0xdf], [0xe0, 0x80, 0x80], [0xe0, 0x9f, 0xbf], [0xe0, 0xa0], [0xe1, 0x80], [0xe1, 0x41],
  [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xed, 0xb0, 0x80], [0xed, 0xa0], [0xed, 0x9f, 0xbf], [0xf0, 0x80, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf],
  [0xf0, 0x90], [0xf0, 0x90, 0x80], [0xf1, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff],
  [0x81], [0x8d], [0x9d], [0x80, 0x9f],
  // UTF-16 / UTF-32 units, both orders, surrogates, BOMs
  [0xff, 0xfe], [0xfe, 0xff], [0x00, 0xd8], [0xd8, 0x00], [0x00, 0xdc], [0xdc, 0x00], [0x3d, 0xd8, 0x00, 0xde], [0xd8, 0x3d, 0xde, 0x00], [0x41, 0x00], [0x00, 0x41],
  [0xff, 0xfe, 0x00, 0x00], [0x00, 0x00, 0xfe, 0xff], [0x00, 0xd8, 0x00, 0x00], [0x00, 0x00, 0x11, 0x00], [0x00, 0x11, 0x00, 0x00], [0xff, 0xff, 0xff, 0xff],
];

const bytesArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 5 }).map((a) => new Uint8Array(a.flat())) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 10 }).map((a) => new Uint8Array(a)) },
  // text encoded by CPython's own rules, then damaged: a byte dropped, flipped or inserted
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.string({ unit: "binary", maxLength: 6 }), fc.constantFrom(...CODECS), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom("none", "drop", "flip", "insert"))
      .map(([s, codec, at, byte, how]) => {
        let b: number[];
        try {
          b = [...pyEncode(s, codec, "surrogatepass")];
        } catch {
          b = [...pyEncode(s, "utf-8", "surrogatepass")];
        }
        const i = b.length === 0 ? 0 : at % b.length;
        if (how === "drop") b.splice(i, 1);
        else if (how === "flip" && b.length > 0) b[i] = byte;
        else if (how === "insert") b.splice(i, 0, byte);
        return new Uint8Array(b);
      }),
  },
);

const TEXT_UNITS = ["a", "Z", "\0", "\x7f", "\x80", "\x81", "\x9d", "\xa0", "é", "ÿ", "Ā", "€", "‚", "ƒ", "—", "™", "Ÿ", "😀", "\u{10ffff}", "\ufeff", "\ud800", "\udbff", "\udc00", "\udc80", "\udcff", "\udfff", "東"];
const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...TEXT_UNITS), { maxLength: 6 }).map((a) => a.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

const nameArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...CODECS) }, { weight: 1, arbitrary: fc.constantFrom(...SPELLINGS) });
const handlerArb = fc.constantFrom(...HANDLERS);

const decode = (b: Uint8Array, e: string, r: string): Case => ({ expr: "b.decode(e, r)", vars: { b, e, r }, run: () => pyDecode(b, e, r) });
const encode = (s: string, e: string, r: string): Case => ({ expr: "s.encode(e, r)", vars: { s, e, r }, run: () => pyEncode(s, e, r) });

/** namereplace needs Unicode's names for characters other than surrogates: not in the runtime (docs). */
function namesNeeded(s: string, codec: string): boolean {
  return [...s].some((ch) => {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) return false;
    try {
      pyEncode(ch, codec);
      return false;
    } catch (e) {
      return e instanceof PyUnicodeEncodeError;
    }
  });
}

describe.skipIf(!hasPython)("pyDecode = bytes.decode(encoding, errors)", () => {
  it("generated bytes x codecs x error handlers", async () => {
    await differential(oracle, fc.tuple(bytesArb, nameArb, handlerArb), 6000, ([b, e, r]) => decode(b, e, r), SEED);
  }, TIMEOUT);

  it("every codec x every handler x every damaged fragment (exhaustive)", async () => {
    const cases: Case[] = [];
    for (const e of CODECS) for (const r of HANDLERS) for (const f of FRAGMENTS) cases.push(decode(new Uint8Array([0x41, ...f, 0x42]), e, r), decode(new Uint8Array(f), e, r));
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);

  it("long inputs (past the decoders' 8192-unit chunks)", async () => {
    const rnd = fc.sample(fc.constantFrom(...FRAGMENTS), { seed: SEED, numRuns: 9000 }).flat();
    const long = new Uint8Array(rnd);
    const text = pyDecode(long, "utf-8", "surrogateescape");
    const cases: Case[] = [];
    for (const r of ["replace", "surrogateescape", "backslashreplace", "ignore", "strict"]) {
      for (const e of ["utf-8", "utf-16", "utf-32-be", "latin-1", "cp1252", "ascii"]) cases.push(decode(long, e, r));
    }
    for (const e of ["utf-8", "utf-16-le", "utf-32", "latin-1", "ascii"]) cases.push(encode(text, e, "surrogateescape"), encode(text, e, "backslashreplace"));
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);

  it("the codec name table is CPython's: every alias and codec module it knows", async () => {
    const r = await oracle.ask({
      op: "exec",
      code: "import encodings, encodings.aliases, pkgutil\nresult = sorted(set(encodings.aliases.aliases) | {m.name for m in pkgutil.iter_modules(encodings.__path__)})",
    });
    const names = r.ok as string[];
    expect(names.length).toBeGreaterThan(400);
    const cases: Case[] = [];
    let unsupported = 0;
    for (const name of [...names, ...names.map((n) => n.toUpperCase().replace(/_/g, "-"))]) {
      const c = encode("", name, "strict");
      try {
        c.run();
      } catch (e) {
        // a codec Python has and the runtime does not: Python must know the name
        if (!(e instanceof Error && /^untranslated Python: the codec '.*' is not supported by the dumpling runtime$/.test(e.message))) {
          cases.push(c);
          continue;
        }
        unsupported++;
        cases.push({ ...c, expr: "__import__('codecs').lookup(e) and 'known'", run: () => "known" });
        continue;
      }
      cases.push(c);
    }
    expect(unsupported).toBeGreaterThan(300);
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);

  it("codec names: every spelling, empty input, NUL in names", async () => {
    const cases: Case[] = [];
    for (const e of [...CODECS, ...SPELLINGS]) cases.push(decode(new Uint8Array([0x41, 0xe9]), e, "strict"), decode(new Uint8Array(), e, "bogus"));
    cases.push(decode(new Uint8Array([0x41]), "utf-8\0", "strict"), decode(new Uint8Array([0x41]), "utf-8", "str\0ict"));
    expect(await compareCases(oracle, cases)).toEqual([]);
  });
});

describe.skipIf(!hasPython)("pyEncode = str.encode(encoding, errors)", () => {
  it("generated text x codecs x error handlers", async () => {
    const arb = fc.tuple(textArb, nameArb, handlerArb).map(([s, e, r]) => [s, e, r === "namereplace" && namesNeeded(s, e) ? "strict" : r] as const);
    await differential(oracle, arb, 5000, ([s, e, r]) => encode(s, e, r), SEED + 1);
  }, TIMEOUT);

  it("every codec x every handler x every text unit (exhaustive)", async () => {
    const cases: Case[] = [];
    for (const e of CODECS) {
      for (const r of HANDLERS) {
        for (const u of TEXT_UNITS) {
          for (const s of [u, "a" + u + u + "b"]) if (!(r === "namereplace" && namesNeeded(s, e))) cases.push(encode(s, e, r));
        }
      }
    }
    for (const e of [...SPELLINGS]) cases.push(encode("é", e, "strict"), encode("", e, "strict"));
    expect(await compareCases(oracle, cases)).toEqual([]);
  }, TIMEOUT);

  it("round trip: decode(encode(s)) == s for every codec that can hold s", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-le"), (s, e) => {
        expect(pyDecode(pyEncode(s, e), e)).toBe(s);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("what the runtime does not know is loud, never a guess", () => {
    expect(() => pyEncode("é", "ascii", "namereplace")).toThrow(/untranslated Python: the namereplace error handler \(Unicode character names\) is not supported by the dumpling runtime/);
    expect(() => pyDecode(new Uint8Array([0x41]), "cp437")).toThrow(/untranslated Python: the codec 'cp437' is not supported by the dumpling runtime/);
    expect(() => pyEncode("a", "shift_jis")).toThrow(/not supported/);
  });
});
