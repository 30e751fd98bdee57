// The data every layer shares: edits, fixes and diagnostics. Plain data over UTF-16 indices of
// a file's text; reporters turn indices into rows and columns.

export type Applicability = "safe" | "unsafe";

/** A replacement of text[start, end) (UTF-16 indices) by `content`. */
export interface Edit {
  start: number;
  end: number;
  content: string;
}

export interface Fix {
  applicability: Applicability;
  /** What the fix does, in the imperative: "Use `json.dumps()`". */
  message: string;
  edits: Edit[];
  /** The fix edits comments on purpose (JSN100); otherwise a fix that drops a comment is refused. */
  editsComments?: boolean;
}

export interface Diagnostic {
  code: string;
  name: string;
  message: string;
  severity: "error" | "warning";
  /** UTF-16 indices into the file's text. */
  start: number;
  end: number;
  fix: Fix | null;
}
