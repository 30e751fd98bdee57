// --output-format github: GitHub Actions workflow commands, which annotate the lines in a pull
// request: `::error title=dumpling (JSN004),file=…,line=…,col=…,endLine=…,endColumn=…::message`.
import type { Diagnostic } from "../core/types.js";
import type { FileReport, Reporter } from "./types.js";

// The escaping of GitHub's runner (toolkit's command.ts): data escapes %, CR, LF; properties also : and ,.
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function renderGithubDiagnostic(file: FileReport, d: Diagnostic): string {
  const level = d.severity === "error" ? "error" : "warning";
  const props = [`title=${escapeProperty(`dumpling (${d.code})`)}`, `file=${escapeProperty(file.filename)}`];
  if (file.lines) {
    const s = file.lines.position(d.start);
    const e = file.lines.position(d.end);
    props.push(`line=${s.row}`, `col=${s.column}`, `endLine=${e.row}`, `endColumn=${e.column}`);
  }
  return `::${level} ${props.join(",")}::${escapeData(`${d.code} ${d.message}`)}\n`;
}

/** Each file's commands as it comes. */
export function githubReporter(): Reporter {
  return {
    file: (report) => report.diagnostics.map((d) => renderGithubDiagnostic(report, d)).join(""),
    end: () => "",
  };
}
