/**
 * `npm run bench -- --trace`: where the time goes between navigation and the first conversation row
 * of <creator-inbox>, from Chromium's own trace (not guesses). Same server, data and page as the
 * browser figures (scripts/bench-browser.ts); one warm-up navigation, then CIM_BENCH_TRACE_RUNS (3)
 * traced ones, and the median of each figure is printed:
 *
 * - the main thread between navigation and the painted row: busy (tasks) vs idle (waiting on the
 *   network), and the time in parse/compile, script, style, layout, paint;
 * - the network waterfall (Resource Timing): every request before the row, when it started and ended;
 * - the JavaScript self time by source module and by function, from the V8 sampling profiler in the
 *   trace, mapped through creator-im.js.map to the TypeScript sources;
 * - forced (synchronous) layouts and style recalcs with the code that forced them;
 * - the main thread's tasks before the row, one by one (start, duration, what ran in them: the
 *   blink phases and the JavaScript with the most self time), to see what the first row waits on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { benchServer, launchChromium, newPage } from './bench-browser.js';

/** One Chromium trace event (the fields these scripts read). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: { stackTrace?: CallFrame[] } };
}
/** A stack frame in a trace event. */
export interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
  columnNumber: number;
  scriptId?: number | string;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// The served build's map: CIM_BENCH_DIST serves another build's folder (an A/B of two builds).
const map = new TraceMap(readFileSync(join(process.env.CIM_BENCH_DIST ?? 'packages/elements/dist', 'creator-im.js.map'), 'utf8'));

/** "packages/elements/src/format.ts:14 formatTime" for a frame in the bundle; the URL's path otherwise. */
export function where(frame: CallFrame): { module: string; fn: string } {
  const url = frame.url ?? '';
  if (url.endsWith('/creator-im.js')) {
    const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
    const source = (original.source ?? '?').replace(/^.*?(packages\/|node_modules\/)/, '$1');
    return { module: source, fn: `${source}:${original.line ?? '?'} ${frame.functionName || original.name || '(anonymous)'}` };
  }
  if (!url) return { module: frame.functionName ? `(${frame.functionName})` : '(native)', fn: frame.functionName || '(native)' };
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  return { module: path, fn: `${path}:${frame.lineNumber + 1} ${frame.functionName || '(anonymous)'}` };
}

interface RunFigures {
  firstRow: number;
  busy: number;
  byEvent: Map<string, number>;
  byModule: Map<string, number>;
  byFunction: Map<string, number>;
  forced: Map<string, { count: number; ms: number }>;
  requests: { name: string; start: number; end: number }[];
  tasks: Task[];
  /** Every request the page sent before the row (trace events: answered or not), by path. */
  sent: string[];
}

/** Sources of start-up work the first row does not need (it belongs after the first paint). */
const DEFERRABLE = /sdk\/src\/(search-index|search-queue|realtime|sequencer|state-events|cache-sync|outbox|outbox-lanes|storage)\.ts$|node_modules\/idb\//;

/** One top-level main-thread task before the first row. */
interface Task {
  start: number;
  ms: number;
  /** Nested trace events (style, layout, paint, parse…) by time. */
  phases: Map<string, number>;
  /** JavaScript self time by function, from the V8 samples that fall in the task. */
  script: Map<string, number>;
}

/** Blink phases worth naming in a task's summary. */
const PHASES = new Set(['ParseHTML', 'v8.evaluateModule', 'v8.compile', 'EvaluateScript', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'MinorGC', 'MajorGC', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'FireIdleCallback', 'XHRReadyStateChange', 'ResourceReceiveResponse']);

const add = (into: Map<string, number>, key: string, value: number) => into.set(key, (into.get(key) ?? 0) + value);

function analyse(events: TraceEvent[], firstRow: number): Omit<RunFigures, 'requests' | 'firstRow'> {
  // The renderer of our page: the one whose navigationStart is for inbox.html.
  const nav = events.find((e) => e.name === 'navigationStart' && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes('/inbox.html'));
  if (!nav) throw new Error('no navigationStart for inbox.html in the trace');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? nav.tid;
  const start = nav.ts;
  const end = nav.ts + firstRow * 1000;
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === tid && e.ts >= start && e.ts < end).sort((a, b) => a.ts - b.ts);
  let busy = 0;
  let taskEnd = 0;
  const tasks: Task[] = [];
  const byEvent = new Map<string, number>();
  const forced = new Map<string, { count: number; ms: number }>();
  for (const e of onMain) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const ms = Math.min(e.dur, end - e.ts) / 1000;
    // Top-level tasks only (RunTask and ThreadControllerImpl::RunTask nest in each other).
    if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= taskEnd) {
      busy += ms;
      taskEnd = e.ts + e.dur;
      tasks.push({ start: e.ts, ms, phases: new Map(), script: new Map() });
    } else if (PHASES.has(e.name) && tasks.length > 0) add(tasks[tasks.length - 1]!.phases, e.name, ms);
    add(byEvent, e.name, ms);
    // A layout or style recalc with a JavaScript stack was forced by that script (a synchronous read).
    const stack = e.args?.beginData?.stackTrace;
    if ((e.name === 'Layout' || e.name === 'UpdateLayoutTree') && stack?.length) {
      // Stack frames in trace events count lines and columns from 1; the profiler's from 0.
      const frame = stack[0]!;
      const key = `${e.name} ← ${where({ ...frame, lineNumber: frame.lineNumber - 1, columnNumber: frame.columnNumber - 1 }).fn}`;
      const entry = forced.get(key) ?? { count: 0, ms: 0 };
      forced.set(key, { count: entry.count + 1, ms: entry.ms + ms });
    }
  }
  /** The task running at a time (tasks are sorted and do not overlap). */
  const taskAt = (time: number): Task | undefined => {
    let low = 0;
    let high = tasks.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const task = tasks[mid]!;
      if (time < task.start) high = mid - 1;
      else if (time >= task.start + task.ms * 1000) low = mid + 1;
      else return task;
    }
    return undefined;
  };
  // The V8 sampling profile carried by the trace: Profile + ProfileChunk events.
  const nodes = new Map<number, CallFrame>();
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const profile = events.find((e) => e.name === 'Profile' && e.pid === nav.pid && e.tid === tid);
  if (profile) {
    let time = Number((profile.args?.data as { startTime?: number }).startTime ?? 0);
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === nav.pid && e.id === profile.id).sort((a, b) => a.ts - b.ts);
    let previous: { node: number; time: number } | undefined;
    for (const chunk of chunks) {
      const data = chunk.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: CallFrame }[]; samples?: number[] }; timeDeltas?: number[] };
      for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node.callFrame);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      samples.forEach((node, i) => {
        time += deltas[i] ?? 0;
        // Each sample's self time runs until the next sample.
        if (previous && previous.time >= start && previous.time < end) {
          const frame = nodes.get(previous.node);
          if (frame && frame.functionName !== '(idle)' && frame.functionName !== '(program)') {
            const place = where(frame);
            const ms = (time - previous.time) / 1000;
            add(byModule, place.module, ms);
            add(byFunction, place.fn, ms);
            const task = taskAt(previous.time);
            if (task) add(task.script, place.fn, ms);
          }
        }
        previous = { node, time };
      });
    }
  }
  for (const task of tasks) task.start = (task.start - start) / 1000;
  const sent = events
    .filter((e) => e.name === 'ResourceSendRequest' && e.pid === nav.pid && e.ts >= start && e.ts < end)
    .map((e) => String((e.args?.data as { url?: string } | undefined)?.url ?? ''))
    .filter((url) => URL.canParse(url))
    .map((url) => new URL(url).pathname);
  return { busy, byEvent, byModule, byFunction, forced, tasks, sent };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-v8.cpu_profiler',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'toplevel',
];

export async function traceFirstRow(print: (line: string) => void = console.log): Promise<void> {
  const runs = Number(process.env.CIM_BENCH_TRACE_RUNS ?? 3);
  const data = mkdtempSync(join(tmpdir(), 'cim-trace-'));
  const server = await benchServer(data);
  const browser = await launchChromium();
  const figures: RunFigures[] = [];
  try {
    for (let run = -1; run < runs; run++) {
      const { context, page } = await newPage({ browser, url: server.url });
      try {
        if (run >= 0) await browser.startTracing(page, { categories: CATEGORIES });
        await page.goto(`${server.url}/inbox.html`);
        const firstRow = (await page.evaluate('window.__bench.firstRowPainted')) as number;
        const requests = (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.startTime < ${firstRow}).map((e) => ({ name: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd }))`)) as RunFigures['requests'];
        if (run < 0) continue; // warm-up: server and OS caches
        const raw = await browser.stopTracing();
        // Kept for DevTools (Performance panel → Load profile) when CIM_BENCH_TRACE_DIR is set.
        if (process.env.CIM_BENCH_TRACE_DIR) writeFileSync(join(process.env.CIM_BENCH_TRACE_DIR, `first-row-${run + 1}.json`), raw);
        const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] };
        figures.push({ firstRow, requests, ...analyse(trace.traceEvents, firstRow) });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(data, { recursive: true, force: true });
  }

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const med = (pick: (run: RunFigures) => number) => median(figures.map(pick));
  const firstRow = med((run) => run.firstRow);
  const last = figures[figures.length - 1]!;
  print(`\nWhere the time goes, navigation → first row painted (median of ${figures.length} traced runs; tracing itself slows the page)`);
  print(`  first row painted                              ${ms(firstRow)}`);
  // From the script's arrival: what the page does with it, without the server's and network's share (noisy on a busy machine).
  const fromScript = (run: RunFigures) => run.firstRow - (run.requests.find((request) => request.name.endsWith('/creator-im.js'))?.end ?? NaN);
  print(`  creator-im.js arrived → first row painted       ${ms(med(fromScript))}`);
  print(`  main thread busy (tasks)                       ${ms(med((run) => run.busy))}   idle (waiting): ${ms(firstRow - med((run) => run.busy))}`);
  const top = (key: (run: RunFigures) => Map<string, number>, count: number, title: string) => {
    const names = new Set(figures.flatMap((run) => [...key(run).keys()]));
    const rows = [...names].map((name) => [name, med((run) => key(run).get(name) ?? 0)] as const).sort((a, b) => b[1] - a[1]).slice(0, count);
    print(`  ${title}`);
    for (const [name, value] of rows) print(`    ${ms(value).padStart(9)}  ${name}`);
  };
  const deferrable = (run: RunFigures) => [...run.byModule].filter(([name]) => DEFERRABLE.test(name)).reduce((sum, [, time]) => sum + time, 0);
  print(`  start-up work the row does not need, before it: ${ms(med(deferrable))} JavaScript self time in the search index, real time, sequencer, cache, outbox, IndexedDB`);
  const api = (run: RunFigures) => run.sent.filter((path) => path.startsWith('/api/'));
  print(`  API requests sent before the row: ${med((run) => api(run).length)} (last run: ${api(last).join(', ')})`);
  top((run) => run.byEvent, 16, 'trace events on the main thread (total, nested ones counted in their parents too)');
  top((run) => run.byModule, 14, 'JavaScript self time by source module (V8 samples)');
  top((run) => run.byFunction, 20, 'JavaScript self time by function');
  print('  forced layouts / style recalcs (from script, with the frame that forced them; last run)');
  for (const [name, { count, ms: time }] of [...last.forced].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) print(`    ${ms(time).padStart(9)}  ×${count}  ${name}`);
  print(`  main-thread tasks of 3 ms or more before the first row (last run, row at ${ms(last.firstRow)}): start, duration — phases; top JavaScript self time`);
  const short = (name: string) => name.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
  for (const task of last.tasks.filter((t) => t.ms >= 3)) {
    const phases = [...task.phases].filter(([, time]) => time >= 1).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, time]) => `${name} ${time.toFixed(0)}`);
    const script = [...task.script].sort((a, b) => b[1] - a[1]).slice(0, 3).filter(([, time]) => time >= 0.5).map(([name, time]) => `${short(name)} ${time.toFixed(1)}`);
    print(`    ${ms(task.start).padStart(9)} ${ms(task.ms).padStart(9)}  ${phases.join(', ')}${script.length ? ` — ${script.join('; ')}` : ''}`);
  }
  print('  requests started before the first row (last run): start → end');
  for (const request of last.requests) print(`    ${ms(request.start).padStart(9)} → ${ms(request.end).padStart(9)}  ${request.name}`);
}
