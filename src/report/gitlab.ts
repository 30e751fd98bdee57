// --output-format gitlab: a GitLab Code Quality report (the `artifacts:reports:codequality` of a
// job), a JSON array of issues: `description`, `check_name`, `fingerprint`, `severity` and
// `location` (`path` relative to the repository, `positions.begin`/`end` with line and column).
// As ruff writes it, with two differences: the severity follows the rule's (error: major,
// warning: minor, where ruff says major for all), and the fingerprint is a SHA-256 (stable on
// every platform) of the code, the path and the message, so that an issue keeps it when lines
// move. Paths are made relative to $CI_PROJECT_DIR when GitLab sets it, as ruff does.
import { createHash } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../core/types.js";
import type { FileReport, Reporter } from "./types.js";

interface Issue {
  check_name: string;
  description: string;
  severity: "major" | "minor";
  fingerprint: string;
  location: { path: string; positions: { begin: { line: number; column: number }; end: { line: number; column: number } } };
}

function reportPath(filename: string, projectDir: string | undefined): string {
  let path = filename;
  if (projectDir) {
    const rel = relative(projectDir, resolve(filename));
    if (!rel.startsWith("..") && !isAbsolute(rel)) path = rel;
  }
  if (sep !== "/") path = path.split(sep).join("/");
  return path.replace(/^(\.\/)+/, "");
}

export function gitlabReporter(env: NodeJS.ProcessEnv = process.env): Reporter {
  const issues: Issue[] = [];
  const fingerprints = new Set<string>();
  const projectDir = env.CI_PROJECT_DIR || undefined;
  const issue = (file: FileReport, d: Diagnostic): Issue => {
    const path = reportPath(file.filename, projectDir);
    const pos = (i: number) => {
      const p = file.lines ? file.lines.position(i) : { row: 1, column: 1 };
      return { line: p.row, column: p.column };
    };
    // The same mistake twice in a file: the second fingerprint is salted with the first, as ruff does.
    let fingerprint = "";
    for (let salt = ""; !fingerprint || fingerprints.has(fingerprint); salt = fingerprint) {
      fingerprint = createHash("sha256").update([salt, d.code, path, d.message].join("\0")).digest("hex").slice(0, 32);
    }
    fingerprints.add(fingerprint);
    return {
      check_name: d.code,
      // GitLab's widget does not show check_name: the description carries the code too.
      description: `${d.code}: ${d.message}`,
      severity: d.severity === "error" ? "major" : "minor",
      fingerprint,
      location: { path, positions: { begin: pos(d.start), end: pos(d.end) } },
    };
  };
  return {
    file(report) {
      for (const d of report.diagnostics) issues.push(issue(report, d));
      return "";
    },
    end: () => JSON.stringify(issues, null, 2) + "\n",
  };
}
