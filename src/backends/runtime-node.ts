// dumpling-json/runtime under Node (the package's "node" condition): the runtime itself, with dumps'
// big ensure_ascii chunks made external strings by Buffer (see setBigAsciiText).
import { Buffer } from "node:buffer";
import { setBigAsciiText } from "../runtime/fast-encoder.js";

setBigAsciiText((ascii) => Buffer.from(ascii.buffer, ascii.byteOffset, ascii.length).toString("latin1"));

export * from "../runtime/index.js";
