// Parsing Python source through a backend (src/python/tree.ts), with what Python reads
// differently from the grammar taken care of.
import { parserLimit } from "./limits.js";
import type { ParserBackend, Tree } from "./tree.js";

export function parsePython(backend: ParserBackend, text: string): Tree {
  // What would abort the process in the parser's C code is an exception here (callers check parserLimit first).
  const limit = parserLimit(text);
  if (limit) throw new Error(`cannot parse: ${limit}`);
  // Python reads a lone \r as a line break; the grammar's scanner does not (a file saved with
  // classic Mac line endings parsed as one broken line). It parses the text with \n in their
  // place, which keeps every index, and node.text still reads the original.
  if (!text.includes("\r")) return backend.parse(text);
  const parsed = text.replace(/\r(?!\n)/g, "\n");
  return parsed === text ? backend.parse(text) : backend.parse(parsed, text);
}
