// The command line. Usage errors and internal errors exit 2 with a message, never a stack trace.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { availableParallelism } from "node:os";
import { RULES, ruleByCode, ruleUrl } from "../rules/index.js";
import { renderRuleDoc } from "../rules/docs.js";
import { parseSelectorList, selectRules, UnknownSelectorError } from "../rules/select.js";
import { OUTPUT_FORMATS, runCheck, type OutputFormat } from "./check.js";
import { ConfigError } from "../source/config.js";
import type { FixSettings } from "./engine.js";

export class UsageError extends Error {}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number, 1 or more");
  return n;
}

function write(s: string): void {
  process.stdout.write(s);
}

/** A directory with nothing to check is not an error (exit codes are unchanged), but it is said. */
function warnEmptyDirectory(path: string): void {
  process.stderr.write(`dumpling: warning: no Python files found in \`${path}\`\n`);
}

function buildProgram(): Command {
  const program = new Command("dumpling")
    .description("Find, fix and translate Python's json.dump/dumps/load/loads calls.")
    .version("0.1.0")
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command("check")
    .description("Report the mistakes in json calls")
    .argument("[paths...]", 'files or directories ("-" reads stdin)', ["."])
    .option("--select <codes>", "rules to run: codes, prefixes (JSN0) or ALL, comma-separated")
    .option("--ignore <codes>", "rules to skip")
    .option("--extend-select <codes>", "rules to add to the default set")
    .addOption(new Option("--output-format <format>", "output format").choices([...OUTPUT_FORMATS]).default("text"))
    .option("--stdin-filename <name>", 'the name to report for "-" (and to match configuration globs against)')
    .option("--exit-zero", "exit 0 even when there are diagnostics")
    .option("--fix", "apply safe fixes, then report what remains")
    .option("--unsafe-fixes", "with --fix, --fix-only or --diff: apply unsafe fixes too")
    .option("--diff", "write nothing; print the fixes as unified diffs; exit 1 if there is any")
    .option("--fix-only", "apply fixes without reporting what remains")
    .option("--config <file>", "the configuration file (pyproject.toml or dumpling.toml) to use instead of searching")
    .option("--isolated", "ignore every configuration file")
    .option("--exclude <patterns>", "more files or directories to skip (globs, comma-separated)")
    .option("--force-exclude", "apply excludes to paths named on the command line too (for pre-commit)")
    .option("--docs-url <url>", "where the rule pages are, for json's url and SARIF's helpUri: a base (<url><name>.html) or a template with {name}/{code}")
    .option("--threads <n>", "threads that check files: this one and n-1 workers, started when a run lasts (1: no workers)", parseThreads, availableParallelism())
    .action(async (paths: string[], opts) => {
      const selection = {
        select: opts.select ? parseSelectorList(opts.select) : undefined,
        ignore: opts.ignore ? parseSelectorList(opts.ignore) : undefined,
        extendSelect: opts.extendSelect ? parseSelectorList(opts.extendSelect) : undefined,
      };
      const rules = selectRules(selection);
      if (opts.config && opts.isolated) throw new UsageError("--config and --isolated cannot be used together");
      const unsafe = !!opts.unsafeFixes;
      const fix: FixSettings | undefined = opts.diff ? { mode: "diff", unsafe } : opts.fix || opts.fixOnly ? { mode: "write", unsafe } : undefined;
      const format = opts.outputFormat as OutputFormat;
      const totals = await runCheck(
        {
          paths, rules, outputFormat: format, stdinFilename: opts.stdinFilename, fix, fixOnly: !!opts.fixOnly,
          config: opts.isolated ? undefined : { file: opts.config ?? null, selection },
          exclude: opts.exclude ? opts.exclude.split(",").map((p: string) => p.trim()).filter(Boolean) : [],
          forceExclude: !!opts.forceExclude,
          onEmptyDirectory: warnEmptyDirectory,
          threads: opts.threads,
          docsUrl: opts.docsUrl,
        },
        { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
      );
      for (const e of totals.internalErrors) process.stderr.write(`dumpling: internal error: ${e}\n`);
      const failed = fix?.mode === "diff" ? totals.changes : opts.fixOnly ? false : totals.diagnostics > 0;
      process.exitCode = totals.internalErrors.length > 0 ? 2 : failed && !opts.exitZero ? 1 : 0;
    });

  program
    .command("convert")
    .description("Translate every json call to TypeScript that does what the Python did")
    .argument("[paths...]", 'files or directories ("-" reads stdin)', ["."])
    .addOption(new Option("--mode <mode>", "exact: the runtime, byte for byte; native: JSON.stringify/JSON.parse with notes").choices(["exact", "native"]).default("exact"))
    .option("--out-dir <dir>", "write one .ts module per Python file there")
    .addOption(new Option("--runtime <how>", "with --out-dir: import dumpling-json/runtime (package) or copy its source there (inline)").choices(["package", "inline"]).default("package"))
    .addOption(new Option("--output-format <format>", "report format").choices(["text", "json", "markdown"]).default("text"))
    .option("--stdin-filename <name>", 'the name to report for "-"')
    .action(async (paths: string[], opts) => {
      if (opts.runtime === "inline" && !opts.outDir) throw new UsageError("--runtime inline needs --out-dir (the runtime's source is copied there)");
      // ts-morph and the TypeScript compiler load only here: `check` never pays for them.
      const { renderConvert, runConvert } = await import("./convert.js");
      const options = { paths, mode: opts.mode, outDir: opts.outDir, runtime: opts.runtime, outputFormat: opts.outputFormat, stdinFilename: opts.stdinFilename, onEmptyDirectory: warnEmptyDirectory };
      const outcome = await runConvert(options);
      write(renderConvert(outcome, options));
      for (const e of outcome.errors) process.stderr.write(`dumpling: ${e}\n`);
      for (const e of outcome.internalErrors) process.stderr.write(`dumpling: internal error: ${e}\n`);
      process.exitCode = outcome.internalErrors.length > 0 ? 2 : outcome.errors.length > 0 ? 1 : 0;
    });

  program
    .command("rules")
    .description("List every rule")
    .addOption(new Option("--output-format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--docs-url <url>", "where the rule pages are, for url (as in check)")
    .action((opts) => {
      if (opts.outputFormat === "json") {
        const list = RULES.map((r) => ({
          code: r.meta.code, name: r.meta.name, summary: r.meta.summary, severity: r.meta.severity,
          default: r.meta.defaultEnabled, fix: r.meta.fix.availability, fix_applicability: r.meta.fix.applicability,
          url: ruleUrl(r.meta.name, opts.docsUrl),
        }));
        write(JSON.stringify(list, null, 2) + "\n");
        return;
      }
      const rows = RULES.map((r) => [r.meta.code, r.meta.name, r.meta.defaultEnabled ? "on" : "off", r.meta.fix.availability === "none" ? "-" : `${r.meta.fix.availability} (${r.meta.fix.applicability})`, r.meta.summary]);
      const header = ["code", "name", "default", "fix", "summary"];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
      const fmt = (r: string[]) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] as number) : c)).join("  ");
      write([fmt(header), ...rows.map(fmt)].join("\n") + "\n");
    });

  program
    .command("rule")
    .description("Show a rule's documentation")
    .argument("<code>", "a rule code (JSN001) or name (dump-missing-file)")
    .action((code: string) => {
      const rule = ruleByCode(code);
      if (!rule) throw new UsageError(`unknown rule \`${code}\`; \`dumpling rules\` lists them`);
      write(renderRuleDoc(rule.meta));
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version "fail" with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof UnknownSelectorError || e instanceof ConfigError) {
      process.stderr.write(`dumpling: error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`dumpling: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.DUMPLING_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
    return 2;
  }
}
