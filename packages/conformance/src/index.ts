/**
 * The Creator IM conformance kit: checks a backend against the wire contract
 * (`@creator-im/sdk/contract`) and reports each rule as passed, failed or skipped.
 * Run it against a test account: it sends messages, stars and blocks/unblocks a seller, requests a
 * sample, adds a product to the Showcase and may decline an invitation.
 */
import { Client } from './client.js';
import type { Check, Context } from './check.js';
import { Failure, Skip } from './expect.js';
import { discover } from './world.js';
import { readChecks } from './checks/reads.js';
import { writeChecks } from './checks/writes.js';
import { authChecks, realtimeChecks } from './checks/realtime.js';
import { finalChecks, inputChecks, ruleChecks } from './checks/rules.js';

/** Every check, in the order they run (the final one reviews every answer of the run). */
export const CHECKS: readonly Check[] = [...readChecks, ...writeChecks, ...authChecks, ...realtimeChecks, ...ruleChecks, ...inputChecks, ...finalChecks];

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  baseUrl: string;
  token: string;
  /** A token the server considers expired: checked for 401 on HTTP and the WebSocket. */
  expiredToken?: string;
  /** How long to wait for one answer or frame (default 10 s). */
  timeoutMs?: number;
}

/** The outcome of one rule. */
export interface Outcome {
  area: string;
  rule: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  detail?: string;
  ms: number;
}

/** The report of a run. */
export interface Report {
  baseUrl: string;
  outcomes: Outcome[];
  passed: boolean;
}

/** Runs every check against a server. Never throws: an unreachable server is a failed outcome. */
export async function runConformance(options: ConformanceOptions): Promise<Report> {
  const client = new Client(options.baseUrl, options.token, options.timeoutMs ?? 10_000);
  const outcomes: Outcome[] = [];
  const started = performance.now();
  let context: Context;
  try {
    context = { client, world: await discover(client), options: { expiredToken: options.expiredToken, timeoutMs: options.timeoutMs ?? 10_000 } };
  } catch (error) {
    outcomes.push({ area: 'Discovery', rule: 'The server answers the reads every check starts from (summary, inbox pages, histories)', status: 'failed', detail: message(error), ms: performance.now() - started });
    return { baseUrl: options.baseUrl, outcomes, passed: false };
  }
  for (const check of CHECKS) {
    const start = performance.now();
    try {
      await check.run(context);
      outcomes.push({ area: check.area, rule: check.rule, status: 'passed', ms: performance.now() - start });
    } catch (error) {
      outcomes.push({ area: check.area, rule: check.rule, status: error instanceof Skip ? 'skipped' : 'failed', detail: message(error), ms: performance.now() - start });
    }
  }
  return { baseUrl: options.baseUrl, outcomes, passed: outcomes.every((outcome) => outcome.status !== 'failed') };
}

function message(error: unknown): string {
  if (error instanceof Failure || error instanceof Skip) return error.message;
  return `the check could not finish: ${error instanceof Error ? error.message : String(error)}`;
}

/** The report as text: one line per rule, the failure under it, a total. */
export function formatReport(report: Report): string {
  const lines = [`Creator IM conformance — ${report.baseUrl}`];
  let area = '';
  for (const outcome of report.outcomes) {
    if (outcome.area !== area) {
      area = outcome.area;
      lines.push('', `${area}`);
    }
    const mark = outcome.status === 'passed' ? '✔' : outcome.status === 'failed' ? '✖' : '–';
    lines.push(`  ${mark} ${outcome.rule}  (${Math.round(outcome.ms)} ms)`);
    if (outcome.detail) lines.push(`      ${outcome.status === 'failed' ? 'FAILED' : 'skipped'}: ${outcome.detail}`);
  }
  const count = (status: Outcome['status']) => report.outcomes.filter((outcome) => outcome.status === status).length;
  lines.push('', `${report.outcomes.length} rules: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped — ${report.passed ? 'CONFORMS' : 'DOES NOT CONFORM'}`);
  return lines.join('\n');
}
