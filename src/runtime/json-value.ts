// What `loads`/`load` return when no hook or `cls` changes it (see docs/runtime.md, "Values").

import type { PyFloat } from "./values.js";

/**
 * A JSON value as `loads` builds it: `null`, `boolean`, a `number` (an int when it is a safe
 * integer, else a float), a `bigint` (an int past 2**53), a `PyFloat` (an integral float such as
 * `1.0`), a `string`, an array, or a plain object (Python's key order kept, see `KEY_ORDER`).
 * With `mapping: "map"` objects are `Map<string, JsonValue>` instead.
 */
export type JsonValue = null | boolean | number | bigint | PyFloat | string | JsonValue[] | JsonObject;

/** A JSON object as `loads` builds it by default. */
export interface JsonObject {
  [key: string]: JsonValue;
}
