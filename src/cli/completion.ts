// `dumpling completion bash|zsh|fish`: a completion script written from the command line's own
// definition (commands, options, their choices), so it never falls behind it. Rule options
// complete rule codes, names and ALL; file options and paths complete files.
import type { Command, Option } from "commander";
import { RULES } from "../rules/index.js";

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof COMPLETION_SHELLS)[number];

/** Options whose value is one or more rule selectors. */
const RULE_OPTIONS = new Set(["--select", "--ignore", "--extend-select", "--fixable", "--unfixable", "--extend-fixable"]);
/** Options whose value is a path. */
const FILE_OPTIONS = new Set(["--config", "--output-file", "--out-dir", "--stdin-filename"]);

const SELECTORS = ["ALL", ...RULES.map((r) => r.meta.code), ...RULES.map((r) => r.meta.name)];

interface Opt {
  flags: string[];
  long: string;
  takesValue: boolean;
  values: string[] | null;
  file: boolean;
  description: string;
}

interface Cmd {
  name: string;
  description: string;
  options: Opt[];
  /** Positional arguments are paths (or, for `completion` and `rule`, fixed words). */
  args: "paths" | string[] | null;
}

function opt(o: Option): Opt {
  const long = o.long ?? "";
  const flags = [o.short, o.long].filter((f): f is string => !!f);
  const values = o.argChoices ? [...o.argChoices] : RULE_OPTIONS.has(long) ? SELECTORS : null;
  return { flags, long, takesValue: o.required || o.optional, values, file: FILE_OPTIONS.has(long), description: o.description };
}

function commands(program: Command): Cmd[] {
  return program.commands.map((cmd) => {
    const first = cmd.registeredArguments[0];
    const args = !first ? null : first.argChoices ? [...first.argChoices] : cmd.name() === "rule" ? SELECTORS.filter((s) => s !== "ALL") : "paths";
    const options = cmd.options.map(opt);
    options.push({ flags: ["-h", "--help"], long: "--help", takesValue: false, values: null, file: false, description: "display help for command" });
    return { name: cmd.name(), description: cmd.description(), options, args };
  });
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function bash(program: Command): string {
  const cmds = commands(program);
  const cases = cmds.map((cmd) => {
    const valueCases = cmd.options
      .filter((o) => o.takesValue)
      .map((o) => {
        const reply = o.values ? `COMPREPLY=($(compgen -W ${sq(o.values.join(" "))} -- "$cur"))` : o.file ? `COMPREPLY=($(compgen -f -- "$cur"))` : "COMPREPLY=()";
        return `        ${o.flags.join("|")}) ${reply}; return ;;`;
      });
    const args = cmd.args === "paths" ? `COMPREPLY=($(compgen -f -- "$cur"))` : Array.isArray(cmd.args) ? `COMPREPLY=($(compgen -W ${sq(cmd.args.join(" "))} -- "$cur"))` : "COMPREPLY=()";
    const flags = cmd.options.flatMap((o) => o.flags).join(" ");
    return [
      `    ${cmd.name})`,
      `      case "$prev" in`,
      ...valueCases,
      `      esac`,
      `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W ${sq(flags)} -- "$cur")); else ${args}; fi`,
      `      ;;`,
    ].join("\n");
  });
  return `# bash completion for dumpling: \`source <(dumpling completion bash)\`, or save it as
# ~/.local/share/bash-completion/completions/dumpling.
_dumpling() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z $cmd ]]; then
    COMPREPLY=($(compgen -W ${sq([...cmds.map((c) => c.name), "--help", "--version"].join(" "))} -- "$cur"))
    return
  fi
  case "$cmd" in
${cases.join("\n")}
  esac
}
complete -o filenames -F _dumpling dumpling
`;
}

/** zsh's _arguments specs: brackets and colons in descriptions would end them early. */
const zshText = (s: string) => s.replace(/[[\]:\\]/g, " ").replace(/'/g, "");

function zsh(program: Command): string {
  const cmds = commands(program);
  const specs = (cmd: Cmd) =>
    cmd.options.map((o) => {
      const names = o.flags.length > 1 ? `{${o.flags.join(",")}}` : o.flags[0];
      const exclusive = o.flags.length > 1 ? `'(${o.flags.join(" ")})'` : "";
      const action = !o.takesValue ? "" : o.values ? `:value:(${o.values.join(" ")})` : o.file ? ":file:_files" : ":value: ";
      return `      ${exclusive}${names}'[${zshText(o.description)}]${action}'`;
    });
  const cases = cmds.map((cmd) => {
    const args = cmd.args === "paths" ? `      '*:path:_files'` : Array.isArray(cmd.args) ? `      '1:value:(${cmd.args.join(" ")})'` : null;
    return [`    ${cmd.name})`, `      _arguments -s \\`, [...specs(cmd), ...(args ? [args] : [])].join(" \\\n"), `      ;;`].join("\n");
  });
  return `#compdef dumpling
# zsh completion for dumpling: \`source <(dumpling completion zsh)\` after compinit, or save it
# as _dumpling in a directory of $fpath.
_dumpling() {
  local state line
  local -a commands
  commands=(
${cmds.map((c) => `    '${c.name}:${zshText(c.description)}'`).join("\n")}
  )
  _arguments -C '(- *)--version[output the version number]' '(- *)'{-h,--help}'[display help]' '1: :->command' '*:: :->args'
  case $state in
    command) _describe -t commands 'dumpling command' commands ;;
    args)
      case $line[1] in
${cases.map((c) => c.replace(/^/gm, "    ")).join("\n")}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _dumpling "$@"
else
  compdef _dumpling dumpling
fi
`;
}

function fish(program: Command): string {
  const cmds = commands(program);
  const lines = [
    "# fish completion for dumpling: `dumpling completion fish | source`, or save it as",
    "# ~/.config/fish/completions/dumpling.fish.",
    "complete -c dumpling -f",
    "complete -c dumpling -n __fish_use_subcommand -l version -d 'output the version number'",
    ...cmds.map((c) => `complete -c dumpling -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`),
  ];
  for (const cmd of cmds) {
    const when = `-n '__fish_seen_subcommand_from ${cmd.name}'`;
    for (const o of cmd.options) {
      const names = o.flags.map((f) => (f.startsWith("--") ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(" ");
      const value = !o.takesValue ? "" : o.values ? ` -x -a ${sq(o.values.join(" "))}` : o.file ? " -r -F" : " -x";
      lines.push(`complete -c dumpling ${when} ${names}${value} -d ${sq(o.description)}`);
    }
    if (cmd.args === "paths") lines.push(`complete -c dumpling ${when} -F`);
    else if (Array.isArray(cmd.args)) lines.push(`complete -c dumpling ${when} -a ${sq(cmd.args.join(" "))}`);
  }
  return lines.join("\n") + "\n";
}

export function completionScript(shell: Shell, program: Command): string {
  return shell === "bash" ? bash(program) : shell === "zsh" ? zsh(program) : fish(program);
}
