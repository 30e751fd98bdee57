// One tree-sitter parser per thread, created on first use and reused for every file.
import { createRequire } from "node:module";
import type Parser from "tree-sitter";

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

const require = createRequire(import.meta.url);
let parser: Parser | undefined;
let language: unknown;

function getParser(): Parser {
  if (!parser) {
    const ParserClass = require("tree-sitter") as typeof Parser;
    language = require("tree-sitter-python");
    parser = new ParserClass();
    parser.setLanguage(language as Parser.Language);
  }
  return parser;
}

export function parsePython(text: string): Tree {
  const p = getParser();
  // The binding copies the whole string in one buffer when told its size; the default
  // 32 KiB buffer makes large files parse in many small slices.
  return p.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length * 2 + 16) });
}

/** A compiled tree-sitter query over Python (compiled once per thread). */
export function pythonQuery(source: string): Parser.Query {
  const p = getParser();
  const ParserClass = require("tree-sitter") as typeof Parser;
  void p;
  return new ParserClass.Query(language as Parser.Language, source);
}
