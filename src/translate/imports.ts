// The imports a snippet needs: names from the runtime and from node modules, rendered as
// complete declarations in a stable order (node: modules first, then the runtime).

export const RUNTIME = "dumpling/runtime";

export class Imports {
  private readonly modules = new Map<string, Set<string>>();

  constructor(readonly runtimeModule = RUNTIME) {}

  /** Import `name` from the runtime; returns the name to use. */
  runtime(name: string): string {
    return this.from(this.runtimeModule, name);
  }

  from(module: string, name: string): string {
    let names = this.modules.get(module);
    if (!names) this.modules.set(module, (names = new Set()));
    names.add(name);
    return name;
  }

  declarations(): string[] {
    const rank = (m: string) => (m.startsWith("node:") ? 0 : 1);
    return [...this.modules.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([m, names]) => `import { ${[...names].sort().join(", ")} } from ${JSON.stringify(m)};`);
  }
}
