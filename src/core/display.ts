// A file name in a line of human-readable output. A name with a line break or another control
// character (legal on Unix) would break the one-line-per-message layout and could forge a
// line: such a name is shown quoted, with escapes, as git shows it. Other names are shown as they are.

const CONTROL = /[\u0000-\u001f\u007f]/;

export function displayPath(path: string): string {
  return CONTROL.test(path) ? JSON.stringify(path) : path;
}
