/**
 * The extension's share of the page's main thread, from a Chromium trace (categories TRACE_CATEGORIES) of the feed.
 * Content scripts run on the page's main thread in an isolated world; every callback Blink hands to one is a
 * `FunctionCall` event naming its script (`chrome-extension://<id>/content-scripts/...`), and a message arriving on an
 * extension port is a `FunctionCall` into the extension bindings (no URL). Each top-level task (`RunTask`) is then:
 * - the extension's own, when it runs extension code and nothing of the page (no page script, no rendering): its
 *   timer slices and port replies. All of the task counts: message decoding, microtasks, GC inside it.
 * - shared, when the extension's code runs inside the page's task (its MutationObserver callback after the page's
 *   script; its animation-frame callback in the page's frame): only the extension's callbacks count, with what they
 *   call (DOM reads and writes, postMessage's cloning, microtasks run inside them).
 * Times are the main thread's CPU time (`tdur`), so work elsewhere on the machine does not inflate them. Not counted:
 * style, layout and paint of the frames the extension writes to (banners on flagged posts; the level attribute is
 * in no selector of the page, so it invalidates no style) and GC run in the page's own tasks.
 */

export const TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline', 'devtools.timeline', 'v8.execute'];

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; scriptId?: string | number; functionName?: string; frames?: { url: string; processId: number; isOutermostMainFrame?: boolean }[] } };
}

export interface Attribution {
  /** CPU ms of the tasks that are the extension's alone. */
  ownTasksMs: number;
  ownTasks: number;
  /** CPU ms of the extension's callbacks inside the page's tasks. */
  inPageTasksMs: number;
  /** ownTasksMs + inPageTasksMs. */
  totalMs: number;
  /** CPU ms of every main-thread task in the window (the page's and the extension's). */
  allTasksMs: number;
  /** CPU ms of garbage collection on the main thread, wherever it ran (the bench compares it with and without). */
  gcMs: number;
  /** Per kind of callback (what called the extension: a timer, an animation frame, ...), CPU ms. */
  byCallback: Record<string, number>;
}

/** Names of events that mean the page's own work is in a task: its scripts, and rendering. */
const PAGE_WORK = new Set(['EvaluateScript', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer']);

/** Time in the extension's own tasks outside its callbacks: receiving the message, scheduling, GC. */
export const OWN_TASK_REST = 'rest of its own tasks (message decoding, scheduling, GC)';

const cpu = (event: TraceEvent) => (event.tdur ?? event.dur ?? 0) / 1000;

const within = (outer: TraceEvent, inner: TraceEvent) => outer.ts <= inner.ts && inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0);

/**
 * What called an extension callback, named by the event around it (the shipped script is minified, so function names
 * say nothing): its timers (the reading slices), animation frames (the writing slices), messages on its port, and
 * the rest, which inside a page's task is the MutationObserver callback (or a microtask of ours).
 */
function isPageScript(event: TraceEvent): boolean {
  const url = event.args?.data?.url ?? '';
  return event.name === 'FunctionCall' && url !== '' && !url.startsWith('chrome-extension://') && !url.startsWith('moz-extension://');
}

export function callbackKind(callback: TraceEvent, inside: readonly TraceEvent[]): string {
  if (!callback.args?.data?.url) return 'port messages';
  // a timer or frame callback of ours: no page script ran before it under the same TimerFire / FireAnimationFrame (the
  // page's observers may run after it, on what it wrote)
  const ours = (event: TraceEvent) =>
    within(event, callback) && !inside.some((other) => isPageScript(other) && within(event, other) && other.ts < callback.ts);
  if (inside.some((event) => event.name === 'TimerFire' && ours(event))) return 'timer tasks (reading slices)';
  if (inside.some((event) => event.name === 'FireAnimationFrame' && ours(event))) return 'animation frames (marks, banners)';
  return 'mutation observer, microtasks';
}

/** The main thread of the renderer that shows `pageUrl` (the last TracingStartedInBrowser names it). */
export function mainThreadOf(events: readonly TraceEvent[], pageUrl: string): { pid: number; tid: number } | undefined {
  const started = events.filter((event) => event.name === 'TracingStartedInBrowser').at(-1);
  const frames = started?.args?.data?.frames ?? [];
  const pid = frames.find((frame) => frame.isOutermostMainFrame ?? frame.url.startsWith(pageUrl))?.processId;
  if (pid === undefined) return undefined;
  const thread = events.find((event) => event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  return thread ? { pid, tid: thread.tid } : undefined;
}

/**
 * Splits the main thread's tasks between the page and the extension whose scripts live under `extensionOrigin`
 * (`chrome-extension://<id>`). Without the extension it should find nothing: the bench reports what it finds then,
 * as a check of the method.
 */
export function attribute(events: readonly TraceEvent[], thread: { pid: number; tid: number }, extensionOrigin: string): Attribution {
  const main = events
    .filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const isExtension = (event: TraceEvent) => {
    if (event.name !== 'FunctionCall') return false;
    const url = event.args?.data?.url ?? '';
    return url.startsWith(extensionOrigin) || (url === '' && String(event.args?.data?.scriptId ?? '0') === '0');
  };
  const isPage = (event: TraceEvent) => {
    if (PAGE_WORK.has(event.name)) return true;
    if (event.name !== 'FunctionCall') return false;
    const url = event.args?.data?.url ?? '';
    return url !== '' && !url.startsWith(extensionOrigin);
  };

  const result: Attribution = { ownTasksMs: 0, ownTasks: 0, inPageTasksMs: 0, totalMs: 0, allTasksMs: 0, gcMs: 0, byCallback: {} };
  for (const event of main) if (event.name === 'MinorGC' || event.name === 'MajorGC') result.gcMs += cpu(event);
  let index = 0;
  let taskEnd = -Infinity;
  for (const task of main) {
    if (task.name !== 'RunTask' || task.ts < taskEnd) continue;
    taskEnd = task.ts + (task.dur ?? 0);
    result.allTasksMs += cpu(task);
    while (index < main.length && main[index]!.ts < task.ts) index++;
    const inside: TraceEvent[] = [];
    for (let next = index; next < main.length && main[next]!.ts < taskEnd; next++) if (main[next] !== task) inside.push(main[next]!);
    // outermost extension callbacks (one nested in another counts once)
    const callbacks: TraceEvent[] = [];
    let callbackEnd = -Infinity;
    for (const event of inside) {
      if (!isExtension(event) || event.ts < callbackEnd) continue;
      callbacks.push(event);
      callbackEnd = event.ts + (event.dur ?? 0);
    }
    if (callbacks.length === 0) continue;
    for (const callback of callbacks) {
      const kind = callbackKind(callback, inside);
      result.byCallback[kind] = (result.byCallback[kind] ?? 0) + cpu(callback);
    }
    if (inside.some(isPage)) {
      for (const callback of callbacks) result.inPageTasksMs += cpu(callback);
    } else {
      result.ownTasksMs += cpu(task);
      result.ownTasks++;
      const rest = cpu(task) - callbacks.reduce((sum, callback) => sum + cpu(callback), 0);
      result.byCallback[OWN_TASK_REST] = (result.byCallback[OWN_TASK_REST] ?? 0) + rest;
    }
  }
  result.totalMs = result.ownTasksMs + result.inPageTasksMs;
  return result;
}
