// --output-format sarif: SARIF 2.1.0, one run, one `rule` per code (id, name, short
// description, help URI) and each fix as a SARIF `fix`. Columns count Unicode code points
// (`columnKind`), as everywhere in dumpling. The test validates the output against the schema.
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { RULES, ruleUrl } from "../rules/index.js";
import type { Diagnostic } from "../core/types.js";
import type { FileReport, Reporter } from "./types.js";
import { VERSION } from "../core/version.js";


/**
 * An absolute URI for a rule's page: `--docs-url`'s page when given (a relative one is resolved
 * against the working directory), else the docs shipped with this package, on this machine.
 */
function helpUri(name: string, docsUrl?: string | null): string {
  if (docsUrl) {
    const url = ruleUrl(name, docsUrl);
    return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : pathToFileURL(resolve(url)).href;
  }
  // dist/cli.js (bundled) or src/report/sarif.ts (tests): the package root is the nearest
  // ancestor that holds docs/.
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.endsWith("dist") ? resolve(here, "..") : resolve(here, "../..");
  return pathToFileURL(resolve(root, ruleUrl(name))).href;
}

function artifactUri(filename: string): string {
  // A relative reference with "/" separators; characters a URI cannot hold are escaped.
  return filename.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function region(file: FileReport, start: number, end: number) {
  if (!file.lines) return undefined;
  const s = file.lines.position(start);
  const e = file.lines.position(end);
  return { startLine: s.row, startColumn: s.column, endLine: e.row, endColumn: e.column };
}

function result(file: FileReport, d: Diagnostic) {
  const r = region(file, d.start, d.end);
  const location = { physicalLocation: { artifactLocation: { uri: artifactUri(file.filename) }, ...(r ? { region: r } : {}) } };
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex: RULES.findIndex((rule) => rule.meta.code === d.code),
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.message },
    locations: [location],
  };
  if (d.fix && file.lines) {
    out.fixes = [
      {
        description: { text: `${d.fix.message}${d.fix.applicability === "unsafe" ? " (unsafe)" : ""}` },
        artifactChanges: [
          {
            artifactLocation: { uri: artifactUri(file.filename) },
            replacements: d.fix.edits.map((e) => ({ deletedRegion: region(file, e.start, e.end), insertedContent: { text: e.content } })),
          },
        ],
      },
    ];
  }
  return out;
}

/** One SARIF log: the results are held (not the files they came from) and written at the end. */
export function sarifReporter(options: { docsUrl?: string | null } = {}): Reporter {
  const results: ReturnType<typeof result>[] = [];
  return {
    file(report) {
      for (const d of report.diagnostics) results.push(result(report, d));
      return "";
    },
    end: () => sarifLog(results, options.docsUrl),
  };
}

function sarifLog(results: ReturnType<typeof result>[], docsUrl?: string | null): string {
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dumpling",
            version: VERSION,
            rules: RULES.map((r) => ({
              id: r.meta.code,
              name: r.meta.name,
              shortDescription: { text: r.meta.summary },
              fullDescription: { text: r.meta.docs.what },
              helpUri: helpUri(r.meta.name, docsUrl),
              defaultConfiguration: { level: r.meta.severity === "error" ? "error" : "warning", enabled: r.meta.defaultEnabled },
            })),
          },
        },
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
