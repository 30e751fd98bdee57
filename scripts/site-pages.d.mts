export function exampleOf(markdown: string): string | null;
export function playgroundLink(rule: { code: string; default: boolean }, code: string): string;
export function renderRulePages(out: string): Promise<number>;
