// The playground's URL state: #code=<base64url of the UTF-8 source> and the non-default settings.
import { describe, expect, it } from "vitest";
import { playgroundLink } from "../../scripts/site-pages.mjs";
import { DEFAULTS, decodeBase64Url, encodeBase64Url, fromHash, selectors, toHash } from "../../site/src/hash.js";

describe("the playground's URL hash", () => {
  const source = 'import json\r\nprint(json.dumps("é\u{1F600}"))\n';

  it("holds the source as base64url of its UTF-8 bytes, as Node encodes it", () => {
    expect(encodeBase64Url(source)).toBe(Buffer.from(source, "utf8").toString("base64url"));
    expect(decodeBase64Url(encodeBase64Url(source))).toBe(source);
    expect(toHash({ ...DEFAULTS, code: "x" })).toBe("#code=eA");
  });

  it("round-trips every setting, writing only those that are not defaults", () => {
    const state = { code: source, mode: "native" as const, select: "JSN0, JSN101", extendSelect: "JSN102", ignore: "JSN021", unsafe: true, tab: "typescript" as const };
    const hash = toHash(state);
    expect(hash).toBe(`#code=${encodeBase64Url(source)}&mode=native&select=JSN0%2C%20JSN101&extend-select=JSN102&ignore=JSN021&unsafe=1&tab=typescript`);
    expect(fromHash(hash)).toEqual(state);
    expect(fromHash(toHash({ ...DEFAULTS, code: "" }))).toEqual({ ...DEFAULTS, code: "" });
  });

  it("refuses a hash without valid code, and ignores unknown values", () => {
    expect(fromHash("")).toBeNull();
    expect(fromHash("#mode=native")).toBeNull();
    expect(fromHash("#code=%%%")).toBeNull();
    // Not UTF-8: 0xff.
    expect(fromHash("#code=_w")).toBeNull();
    expect(fromHash("#code=eA&mode=fast&tab=nowhere&unsafe=yes")).toEqual({ ...DEFAULTS, code: "x" });
  });

  it("splits rule selectors as the command line does", () => {
    expect(selectors(" JSN001, JSN1  dump-to-path,")).toEqual(["JSN001", "JSN1", "dump-to-path"]);
    expect(selectors("  ")).toBeUndefined();
  });

  it("links a rule page's example in the same format", () => {
    const link = playgroundLink({ code: "JSN102", default: false }, source);
    expect(fromHash(new URL(link, "http://x/rules/").hash)).toEqual({ ...DEFAULTS, code: source, extendSelect: "JSN102" });
  });
});
