import { defineRule } from "./types.js";

// Reported by the loader (src/source/load.ts), which is the only place that knows why a file
// could not be read; this file holds the rule's metadata and documentation.
export default defineRule({
  meta: {
    code: "JSN901",
    name: "unreadable-file",
    summary: "A path that cannot be read as Python source: missing, permission denied, binary, undecodable or too large",
    severity: "error",
    defaultEnabled: true,
    fix: { availability: "none", applicability: null, title: null },
    docs: {
      what: "Reports a path named on the command line, or found while walking a directory, that dumpling could not read as Python source: it does not exist, cannot be opened, contains NUL bytes (binary), is not valid in its declared encoding (UTF-8 unless a PEP 263 coding cookie says otherwise), is larger than the size limit, or is more than dumpling analyses in one file (indented more than 300 levels, which CPython refuses from 100 on, or mentioning json more than 50,000 times). A FIFO or a device named on the command line is reported without being opened.",
      why: "A file that is silently skipped is a file that is silently unchecked. The run goes on with the other files, and this diagnostic says which file was left out and why.",
      whatHappens: null,
      example: "",
      useInstead: "",
      fixSafety: "There is no fix: the file has to be made readable.",
      references: ["https://peps.python.org/pep-0263/"],
    },
  },
});
