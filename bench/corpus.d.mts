export const CORPUS_DIR: string;
export function pyodideVersion(): string;
export function stdlibDir(): string;
export function pythonFiles(dir: string): string[];
