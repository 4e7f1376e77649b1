/**
 * `npm run conformance -- --base-url <url> --token <token> [--expired-token <token>] [--timeout <ms>] [--json]`:
 * checks a Creator IM backend against the wire contract; exits 1 when any rule fails, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { formatReport, runConformance } from './index.js';

const USAGE = `Usage: npm run conformance -- --base-url <url> --token <token> [options]

Checks a Creator IM backend against the wire contract (docs/api.md). Use a test account:
the kit sends messages, stars and blocks/unblocks a seller, requests a sample, adds to the
Showcase and may decline an invitation.

  --base-url <url>         the backend, e.g. http://localhost:4173
  --token <token>          a valid bearer token of the test creator
  --expired-token <token>  a token the server considers expired (also checks its 401s)
  --timeout <ms>           how long to wait for one answer or frame (default 10000)
  --json                   print the report as JSON
  --help                   this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'expired-token': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const baseUrl = values['base-url'];
const token = values.token;
const timeout = values.timeout === undefined ? 10_000 : Number(values.timeout);
if (!baseUrl || !URL.canParse(baseUrl) || !token || !Number.isInteger(timeout) || timeout <= 0) {
  console.error(`--base-url (a URL) and --token are required; --timeout is a positive number of ms.\n\n${USAGE}`);
  process.exit(2);
}
const report = await runConformance({ baseUrl, token, expiredToken: values['expired-token'], timeoutMs: timeout });
console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
process.exitCode = report.passed ? 0 : 1;
