// The analysis options most tests use: the native parser backend.
import { nativeBackend } from "../../src/backends/native.js";
import type { AnalysisOptions } from "../../src/python/context.js";

export const NATIVE: AnalysisOptions = { backend: nativeBackend };

export { ts as TS } from "ts-morph";
