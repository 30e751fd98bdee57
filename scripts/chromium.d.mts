import type { BrowserContext } from "playwright-core";
export const CHROMIUM: string;
export const HAS_CHROMIUM: boolean;
export const ARGS: string[];
export function launch(options?: { colorScheme?: "light" | "dark"; viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; close(): Promise<void> }>;
