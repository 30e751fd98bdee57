// Python's names for the encodings dumpling reads and writes: source files' coding cookies and
// the encodings open() is given.

/** Python's codec aliases for the encodings we can both decode and write back exactly. */
export function normalizeEncoding(name: string): string {
  const n = name.toLowerCase().replace(/_/g, "-");
  if (/^(utf-?8|utf-8-sig|u8|utf)$/.test(n)) return "utf-8";
  if (/^(latin-?1|iso-?8859-1|iso8859-1|8859|cp819|l1|latin)$/.test(n)) return "latin-1";
  if (/^(ascii|us-ascii|646)$/.test(n)) return "ascii";
  return n;
}
