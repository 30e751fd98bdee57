// --output-format junit: JUnit XML, as ruff writes it (for CI systems that show test reports):
// one <testsuite> per file with one failed <testcase> per diagnostic (name `dumpling.CODE`,
// classname the path without its extension, `line` and `column` attributes), and when there is
// nothing to report one suite with one passing case, "No errors found".
import { extname } from "node:path";
import type { FileReport, Reporter } from "./types.js";

/** Text and attribute values; characters XML 1.0 cannot hold at all (most C0 controls) become U+FFFD. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

interface Case {
  code: string;
  message: string;
  line: number;
  column: number;
}

export function junitReporter(): Reporter {
  const suites: { filename: string; cases: Case[] }[] = [];
  return {
    file(report: FileReport) {
      if (report.diagnostics.length === 0) return "";
      const cases = report.diagnostics.map((d) => {
        const p = report.lines ? report.lines.position(d.start) : { row: 1, column: 1 };
        return { code: d.code, message: d.message, line: p.row, column: p.column };
      });
      suites.push({ filename: report.filename, cases });
      return "";
    },
    end() {
      const total = suites.reduce((n, s) => n + s.cases.length, 0);
      const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
      if (total === 0) {
        out.push('<testsuites name="dumpling" tests="1" failures="0" errors="0">');
        out.push('    <testsuite name="dumpling" tests="1" disabled="0" errors="0" failures="0" package="dumpling">');
        out.push('        <testcase name="No errors found" classname="dumpling">');
        out.push("        </testcase>");
        out.push("    </testsuite>");
      } else {
        out.push(`<testsuites name="dumpling" tests="${total}" failures="${total}" errors="0">`);
        for (const suite of suites) {
          const n = suite.cases.length;
          const classname = suite.filename.slice(0, suite.filename.length - extname(suite.filename).length);
          out.push(`    <testsuite name="${xml(suite.filename)}" tests="${n}" disabled="0" errors="0" failures="${n}" package="dumpling">`);
          for (const k of suite.cases) {
            out.push(`        <testcase name="dumpling.${k.code}" classname="${xml(classname)}" line="${k.line}" column="${k.column}">`);
            out.push(`            <failure message="${xml(k.message)}">${xml(`line ${k.line}, col ${k.column}, ${k.message}`)}</failure>`);
            out.push("        </testcase>");
          }
          out.push("    </testsuite>");
        }
      }
      out.push("</testsuites>");
      return out.join("\n") + "\n";
    },
  };
}
