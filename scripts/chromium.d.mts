/** Types of chromium.mjs. */
export function chromiumPath(): string | undefined;
export const chromiumArgs: string[];
