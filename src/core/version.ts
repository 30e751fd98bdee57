// The package's version, for --version, SARIF's driver and `required-version`.
import pkg from "../../package.json" with { type: "json" };

export const VERSION: string = pkg.version;
