/**
 * The kit passes against the mock backend and catches deliberately broken variants of it: a
 * server that duplicates a retried send, one that skips a seq, one that answers a wrong shape,
 * one that fails with a 500. Each failure names the broken rule; the CLI exits non-zero.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startServer, type RunningServer } from '../../../mocks/server.js';
import { json, type MockBackend } from '../../../mocks/model.js';
import { formatReport, runConformance, type Report } from '../src/index.js';

/** Runs the CLI in a child process (the server under test keeps answering in this one). */
function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--conditions=@creator-im/source', '--import', 'tsx', 'packages/conformance/src/cli.ts', ...args], (error, stdout, stderr) => {
      done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function against(breakIt?: (backend: MockBackend) => void): Promise<{ report: Report; server: RunningServer }> {
  const server = await startServer({ knobs: { autoReply: true, replyDelayMs: 20 } });
  breakIt?.(server.backend);
  const report = await runConformance({ baseUrl: server.url, token: 'demo-token', expiredToken: 'expired', timeoutMs: 5000 });
  return { report, server };
}

const failed = (report: Report) => report.outcomes.filter((outcome) => outcome.status === 'failed');

test('the mock backend conforms: every rule passes, none skipped', async () => {
  const { report, server } = await against();
  await server.close();
  assert.ok(report.passed, formatReport(report));
  assert.equal(report.outcomes.filter((outcome) => outcome.status !== 'passed').length, 0, formatReport(report));
  assert.ok(report.outcomes.length >= 20);
});

test('a server that stores a retried send twice fails the idempotency rule', async () => {
  const { report, server } = await against((backend) => {
    const send = backend.creatorSend.bind(backend);
    let n = 0;
    backend.creatorSend = (conversationId, clientId, text) => send(conversationId, `${clientId}#${n++}`, text);
  });
  await server.close();
  assert.equal(report.passed, false);
  const rule = failed(report).find((outcome) => outcome.rule.startsWith('Sends are idempotent by clientId'));
  assert.ok(rule, formatReport(report));
  assert.match(rule.detail!, /stored a second message|clientId/);
});

test('a server that skips a seq fails the no-gaps rule', async () => {
  const { report, server } = await against((backend) => {
    const model = backend as unknown as { nextSeq(): number; seq: number };
    let calls = 0;
    // Every third event jumps one number.
    model.nextSeq = () => (model.seq += ++calls % 3 === 0 ? 2 : 1);
  });
  await server.close();
  assert.equal(report.passed, false);
  const rule = failed(report).find((outcome) => outcome.rule.includes('no gaps'));
  assert.ok(rule, formatReport(report));
  assert.match(rule.detail!, /seq \d+, expected \d+/);
});

test('a server that answers a wrong shape fails that route\'s rule, naming the field', async () => {
  const { report, server } = await against((backend) => {
    backend.markRead = (conversationId) => json(200, { conversation: { id: conversationId, unreadCount: '0' } });
  });
  await server.close();
  assert.equal(report.passed, false);
  const rule = failed(report).find((outcome) => outcome.rule.startsWith('read and star'));
  assert.ok(rule, formatReport(report));
  assert.match(rule.detail!, /POST read does not match the contract's shape: conversation\.\w+/);
});

test("a server whose search hit names another conversation's counterpart fails the search rule", async () => {
  const { report, server } = await against((backend) => {
    const search = backend.search.bind(backend);
    backend.search = (query) => {
      const answer = search(query);
      const { hits } = answer.body as { hits: { counterpart?: { name: string } }[] };
      for (const hit of hits) if (hit.counterpart) hit.counterpart = { ...hit.counterpart, name: 'Someone Else' };
      return answer;
    };
  });
  await server.close();
  assert.equal(report.passed, false);
  const rule = failed(report).find((outcome) => outcome.rule.startsWith('GET /api/search: a hit'));
  assert.ok(rule, formatReport(report));
  assert.match(rule.detail!, /names seller [^ ]+ "Someone Else", but the conversation's counterpart is seller/);
});

test('a server that answers 500 fails the no-5xx rule; the CLI prints the broken rule and exits 1', async () => {
  const server = await startServer();
  server.backend.addToShowcase = () => {
    throw new Error('database on fire');
  };
  try {
    const run = await cli('--base-url', server.url, '--token', 'demo-token');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /✖ No 5xx/);
    assert.match(run.stdout, /POST \/api\/showcase\/products answered 500/);
    assert.match(run.stdout, /DOES NOT CONFORM/);
    assert.equal((await cli('--token', 'demo-token')).status, 2, 'bad usage');
  } finally {
    await server.close();
  }
});
