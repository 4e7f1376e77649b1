/** A conformance check: one rule of the contract, run against a server. */
import type { Client } from './client.js';
import type { World } from './world.js';

/** What a check runs with. */
export interface Context {
  client: Client;
  world: World;
  options: { expiredToken?: string; timeoutMs: number };
}

/** One rule. `run` throws `Failure` when the server breaks it and `Skip` when it cannot be checked. */
export interface Check {
  area: string;
  /** What the rule says, in the report. */
  rule: string;
  run(context: Context): Promise<void>;
}

/** A fresh client id for a send. */
export const clientId = (label: string): string => `conformance-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** `/api/conversations/:id/...` with the id encoded. */
export const conversationPath = (id: string, rest = ''): string => `/api/conversations/${encodeURIComponent(id)}${rest}`;
