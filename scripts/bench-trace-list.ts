/**
 * `npm run bench -- --trace=list`: what the main thread does while the 9,000-row conversation list
 * scrolls, and while live seller messages move their rows to the top (issue 14), from Chromium's
 * own trace. Same server, data, page and gestures as the browser figures (scripts/bench-browser.ts):
 *
 * - scroll: every page loaded, then the list moved 400 px a frame for CIM_BENCH_SCROLL_S (2) s;
 * - live: CIM_BENCH_LIVE (30) seller messages through the control route.
 *
 * For each it prints the frames (rAF intervals, as the bench counts them), the main thread's busy
 * time per frame, its top-level tasks' durations, the trace events by total time (style, layout,
 * paint, script…), the JavaScript self time by function (V8 samples mapped through
 * creator-im.js.map) and forced layouts with the code that forced them. Tracing slows the page:
 * compare shares and per-frame work, not the untraced figures. CIM_BENCH_TRACE_DIR=dir keeps the
 * traces for DevTools.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_BENCH, benchServer, launchChromium, LIST_SCROLLER, liveMessage, loadEveryConversation, openInbox, scrollFrames } from './bench-browser.js';
import type { CallFrame, TraceEvent } from './bench-trace.js';
import { ensureEmbedBundle } from './embed-bundle.js';

type Where = (frame: CallFrame) => { module: string; fn: string };

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-v8.cpu_profiler', 'v8.execute', 'toplevel', 'blink'];

const add = (into: Map<string, number>, key: string, value: number) => into.set(key, (into.get(key) ?? 0) + value);
const quantile = (values: readonly number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The page's renderer main thread: the CrRendererMain with the most work in the trace. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: 0, tid: 0, count: -1 };
  for (const thread of named) {
    const count = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').length;
    if (count > best.count) best = { pid: thread.pid, tid: thread.tid, count };
  }
  return best;
}

/** Prints where the main thread's time went over a whole trace, per frame where it says so. */
function report(title: string, events: TraceEvent[], frames: number, print: (line: string) => void, where: Where): void {
  const { pid, tid } = mainThread(events);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
  const tasks: number[] = [];
  let taskEnd = 0;
  const byEvent = new Map<string, number>();
  const forced = new Map<string, { count: number; ms: number }>();
  for (const e of onMain) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const time = e.dur / 1000;
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= taskEnd) {
      tasks.push(time);
      taskEnd = e.ts + e.dur;
    }
    add(byEvent, e.name, time);
    const stack = e.args?.beginData?.stackTrace;
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && stack?.length) {
      const frame = stack[0]!;
      const key = `${e.name} ← ${where({ ...frame, lineNumber: frame.lineNumber - 1, columnNumber: frame.columnNumber - 1 }).fn}`;
      const entry = forced.get(key) ?? { count: 0, ms: 0 };
      forced.set(key, { count: entry.count + 1, ms: entry.ms + time });
    }
  }
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let program = 0;
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (profile) {
    const nodes = new Map<number, CallFrame>();
    let time = Number((profile.args?.data as { startTime?: number }).startTime ?? 0);
    let previous: { node: number; time: number } | undefined;
    for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id).sort((a, b) => a.ts - b.ts)) {
      const data = chunk.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
      (data.cpuProfile?.samples ?? []).forEach((node, i) => {
        time += data.timeDeltas?.[i] ?? 0;
        if (previous) {
          const frame = nodes.get(previous.node);
          const self = (time - previous.time) / 1000;
          if (frame?.functionName === '(program)') program += self;
          else if (frame && frame.functionName !== '(idle)') {
            const place = where(frame);
            add(byFunction, place.fn, self);
            add(byModule, place.module, self);
          }
        }
        previous = { node, time };
      });
    }
  }
  // Work counted, not timed (a shared machine's times move by ±50 % between runs; counts do not).
  let styled = 0;
  let images = 0;
  for (const e of onMain) {
    if (e.name === 'UpdateLayoutTree') styled += Number((e.args as { elementCount?: number } | undefined)?.elementCount ?? 0);
  }
  for (const e of events) if (e.name === 'ResourceSendRequest' && String((e.args?.data as { url?: string } | undefined)?.url ?? '').includes('/media/')) images++;
  const busy = tasks.reduce((sum, task) => sum + task, 0);
  print(`\n${title}: ${frames} frames traced`);
  print(`  main thread busy ${ms(busy)} = ${ms(busy / frames)} a frame; ${tasks.length} tasks, duration p50 / p95 / max ${ms(quantile(tasks, 0.5))} / ${ms(quantile(tasks, 0.95))} / ${ms(Math.max(...tasks))}`);
  print(`  counted: ${(styled / frames).toFixed(1)} elements restyled a frame; ${images} image requests (${(images / frames).toFixed(2)} a frame)`);
  print(`  "(program)" samples (Blink's own work outside JavaScript): ${ms(program)}`);
  const top = (map: Map<string, number>, count: number, heading: string) => {
    print(`  ${heading}`);
    for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) print(`    ${ms(time).padStart(9)} ${ms(time / frames).padStart(8)}/frame  ${name}`);
  };
  top(byEvent, 22, 'trace events on the main thread (nested ones counted in their parents too)');
  top(byModule, 12, 'JavaScript self time by source module');
  top(byFunction, 25, 'JavaScript self time by function');
  print('  forced layouts / style recalcs (from script)');
  for (const [name, { count, ms: time }] of [...forced].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10)) print(`    ${ms(time).padStart(9)}  ×${count}  ${name}`);
}

async function traced<T>(browser: Browser, page: Page, name: string, work: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await work();
  const raw = await browser.stopTracing();
  if (process.env.CIM_BENCH_TRACE_DIR) writeFileSync(join(process.env.CIM_BENCH_TRACE_DIR, `${name}.json`), raw);
  return { result, events: (JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents };
}

export async function traceList(print: (line: string) => void = console.log): Promise<void> {
  const seconds = Number(process.env.CIM_BENCH_SCROLL_S ?? 2);
  ensureEmbedBundle((line) => process.stderr.write(`    … ${line}\n`));
  // After the build: bench-trace.ts reads the bundle's source map when it loads.
  const { where } = await import('./bench-trace.js');
  const data = mkdtempSync(join(tmpdir(), 'cim-trace-'));
  const server = await benchServer(data);
  const browser = await launchChromium();
  try {
    const { context, page } = await openInbox({ browser, url: server.url });
    try {
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 1000))`);
      const live = await traced(browser, page, 'live', async () => {
        const times: number[] = [];
        for (let i = 0; i < BROWSER_BENCH.live; i++) times.push((await liveMessage(page, server.url, i)).ms);
        return times;
      });
      print(`\nlive message → row painted at the top (traced): p50 / p95 ${ms(quantile(live.result, 0.5))} / ${ms(quantile(live.result, 0.95))}`);
      report(`Live messages (${live.result.length}); "/frame" is per message`, live.events, live.result.length, print, where);

      const rows = await loadEveryConversation(page);
      await page.evaluate(`new Promise((resolve) => setTimeout(resolve, 300))`);
      const scroll = await traced(browser, page, 'list-scroll', () => scrollFrames(page, LIST_SCROLLER, seconds));
      const { frames, count, dropped } = scroll.result;
      print(`\nscroll the ${rows.toLocaleString('en')}-row list ${seconds} s (traced): frame p50 / p95 / p99 ${ms(frames.p50)} / ${ms(frames.p95)} / ${ms(frames.p99!)}; ${count} frames, ${dropped} dropped`);
      report('List scroll', scroll.events, count, print, where);
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(data, { recursive: true, force: true });
  }
}
