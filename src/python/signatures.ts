// The real signatures of the four functions, in CPython's json (3.11) and in simplejson (3.19).

export type JsonApi = "dump" | "dumps" | "load" | "loads";
export type JsonModule = "json" | "simplejson";

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

export interface Signature {
  api: JsonApi;
  module: JsonModule;
  /** Parameters that must be passed (positionally or by name): obj, fp, s. */
  required: readonly string[];
  /** Options, in order. */
  options: readonly string[];
  /** Whether options may be passed positionally (simplejson) or only by keyword (json). */
  positionalOptions: boolean;
}

export function signatureOf(module: JsonModule, api: JsonApi): Signature {
  const required = api === "dump" ? ["obj", "fp"] : api === "dumps" ? ["obj"] : api === "load" ? ["fp"] : ["s"];
  const encoder = api === "dump" || api === "dumps";
  if (module === "simplejson") {
    return { api, module, required, options: encoder ? SIMPLEJSON_ENCODER : SIMPLEJSON_DECODER, positionalOptions: true };
  }
  return { api, module, required, options: encoder ? ENCODER_OPTIONS : DECODER_OPTIONS, positionalOptions: false };
}

export const JSON_APIS: readonly JsonApi[] = ["dump", "dumps", "load", "loads"];

export function isJsonApi(name: string): name is JsonApi {
  return (JSON_APIS as readonly string[]).includes(name);
}
