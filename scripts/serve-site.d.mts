export function serveSite(options?: { root?: string; port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
