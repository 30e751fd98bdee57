// The imports a snippet needs: names from the runtime and from node modules, rendered as
// complete declarations in a stable order (node: modules first, then the runtime).

export const RUNTIME = "dumpling-json/runtime";

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

  /** A copy of what is imported, for restore(). */
  snapshot(): Map<string, Set<string>> {
    return new Map([...this.modules].map(([m, names]) => [m, new Set(names)]));
  }

  restore(snapshot: ReadonlyMap<string, ReadonlySet<string>>): void {
    this.modules.clear();
    for (const [m, names] of snapshot) this.modules.set(m, new Set(names));
  }

  /** Every name imported, whatever the module. */
  names(): Set<string> {
    return new Set([...this.modules.values()].flatMap((names) => [...names]));
  }

  declarations(): string[] {
    const rank = (m: string) => (m.startsWith("node:") ? 0 : 1);
    return [...this.modules.entries()]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([m, names]) => `import { ${[...names].sort().join(", ")} } from ${JSON.stringify(m)};`);
  }
}
