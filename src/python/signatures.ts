// The real signatures of the four functions, in CPython's json (3.11), simplejson (3.19),
// orjson (3.12.0) and ujson (6.0.0). orjson's and ujson's are C functions that `inspect` cannot
// read: each was found by calling the function (test/python/libraries.test.ts checks them).

/** The orjson and ujson versions these signatures were read from (and the tests check them with). */
export const LIBRARY_VERSIONS = { orjson: "3.12.0", ujson: "6.0.0" } as const;

export type JsonApi = "dump" | "dumps" | "load" | "loads";
export type JsonModule = "json" | "simplejson" | "orjson" | "ujson";

export const JSON_MODULES: readonly JsonModule[] = ["json", "simplejson", "orjson", "ujson"];

export const ENCODER_OPTIONS = [
  "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys",
] as const;
// `strict` is not in loads()'s signature but goes through **kw to JSONDecoder, which takes it.
export const DECODER_OPTIONS = [
  "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict",
] as const;

// simplejson takes every option positionally too, and has more of them.
const SIMPLEJSON_ENCODER = [
  "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "encoding", "default",
  "use_decimal", "namedtuple_as_object", "tuple_as_array", "bigint_as_string", "sort_keys", "item_sort_key",
  "for_json", "ignore_nan", "int_as_string_bitcount", "iterable_as_array",
] as const;
const SIMPLEJSON_DECODER = [
  "encoding", "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook",
  "use_decimal", "allow_nan",
] as const;

// ujson 6.0.0: `dumps(obj, ensure_ascii, encode_html_chars, escape_forward_slashes, sort_keys,
// indent, allow_nan, reject_bytes, default, separators)`, every parameter positional or keyword;
// `dump(obj, fp, /, *, <the same options>)`; `loads(obj)` and `load(fp, /)` take no options.
export const UJSON_ENCODER = [
  "ensure_ascii", "encode_html_chars", "escape_forward_slashes", "sort_keys", "indent", "allow_nan", "reject_bytes",
  "default", "separators",
] as const;
// orjson 3.12.0: `dumps(obj, /, default=None, option=None)` (more positional arguments are ignored)
// and `loads(obj, /)`; there is no dump or load.
export const ORJSON_ENCODER = ["default", "option"] as const;
/** json's encoder options that orjson.dumps rejects (its `default` it shares). */
export const ORJSON_FOREIGN_OPTIONS: readonly string[] = ENCODER_OPTIONS.filter((o) => o !== "default");

export interface Signature {
  api: JsonApi;
  module: JsonModule;
  /**
   * Whether the module has the function at all: `orjson.dump` and `orjson.load` raise
   * AttributeError. The model keeps such calls (the rules about them read them); the other rules
   * never see them.
   */
  exists: boolean;
  /** Parameters that must be passed (positionally or, unless positional-only, by name), by their real names. */
  required: readonly string[];
  /** Whether the required parameters are positional-only (`obj=` raises). */
  requiredPositionalOnly: boolean;
  /** The parameter that takes the file (dump, load) or the document (loads): `fp`, `s`, ujson's `obj`. */
  target: string | null;
  /** Options, in order. */
  options: readonly string[];
  /** Whether options may be passed positionally (simplejson, orjson, ujson.dumps) or only by keyword (json). */
  positionalOptions: boolean;
}

export function signatureOf(module: JsonModule, api: JsonApi): Signature {
  const encoder = api === "dump" || api === "dumps";
  const base = { api, module, exists: true, requiredPositionalOnly: false };
  const required = api === "dump" ? ["obj", "fp"] : api === "dumps" ? ["obj"] : api === "load" ? ["fp"] : ["s"];
  const target = api === "dump" || api === "load" ? "fp" : api === "loads" ? "s" : null;
  switch (module) {
    case "simplejson":
      return { ...base, required, target, options: encoder ? SIMPLEJSON_ENCODER : SIMPLEJSON_DECODER, positionalOptions: true };
    case "orjson": {
      const exists = api === "dumps" || api === "loads";
      const req = api === "dump" ? ["obj", "fp"] : api === "load" ? ["fp"] : ["obj"];
      return { ...base, exists, required: req, requiredPositionalOnly: true, target: api === "dumps" ? null : api === "loads" ? "obj" : "fp", options: api === "dumps" ? ORJSON_ENCODER : [], positionalOptions: true };
    }
    case "ujson":
      if (api === "dumps") return { ...base, required, target, options: UJSON_ENCODER, positionalOptions: true };
      if (api === "dump") return { ...base, required, requiredPositionalOnly: true, target, options: UJSON_ENCODER, positionalOptions: false };
      if (api === "load") return { ...base, required, requiredPositionalOnly: true, target, options: [], positionalOptions: false };
      return { ...base, required: ["obj"], target: "obj", options: [], positionalOptions: false };
    default:
      return { ...base, required, target, options: encoder ? ENCODER_OPTIONS : DECODER_OPTIONS, positionalOptions: false };
  }
}

export const JSON_APIS: readonly JsonApi[] = ["dump", "dumps", "load", "loads"];

export function isJsonApi(name: string): name is JsonApi {
  return (JSON_APIS as readonly string[]).includes(name);
}

export function isJsonModule(name: string): name is JsonModule {
  return (JSON_MODULES as readonly string[]).includes(name);
}

/** Whether `module` has the function `api` (orjson has no dump or load). */
export function hasApi(module: JsonModule, api: JsonApi): boolean {
  return signatureOf(module, api).exists;
}
