/**
 * The extension's share of the page's main thread, from a Chromium trace (categories TRACE_CATEGORIES) of the feed.
 * Content scripts run on the page's main thread in an isolated world; every callback Blink hands to one is a
 * `FunctionCall` event naming its script (`chrome-extension://<id>/content-scripts/...`), and a message arriving on an
 * extension port is a `FunctionCall` into the extension bindings (no URL). Each top-level task (`RunTask`) is then:
 * - the extension's own, when the first script it runs is the extension's and it renders nothing: its timer slices
 *   and port replies. All of the task counts: message decoding, microtasks, GC inside it, and the page's own
 *   observers reacting to what the extension wrote (the page would not have run them otherwise).
 * - shared, when the extension's code runs inside the page's task (its MutationObserver callback after the page's
 *   script) or in a frame (its animation-frame callbacks): only the extension's callbacks count, with what they
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
  /**
   * CPU ms of frames only the extension asked for (its animation-frame callbacks run in it, or a task of its own made
   * style or layout stale or asked for a frame, with nothing of the page's since the frame before): style, layout,
   * paint and the rest of the frame, all counted.
   */
  ownFramesMs: number;
  ownFrames: number;
  /** ownTasksMs + inPageTasksMs + ownFramesMs. */
  totalMs: number;
  /** CPU ms of every main-thread task in the window (the page's and the extension's). */
  allTasksMs: number;
  /** CPU ms of garbage collection on the main thread, wherever it ran (the bench compares it with and without). */
  gcMs: number;
  /** Per kind of callback (what called the extension: a timer, an animation frame, ...), CPU ms. */
  byCallback: Record<string, number>;
  /**
   * Long tasks (50 ms of wall time or more) that are the extension's: its own tasks and frames that long, and the
   * page's tasks that its callbacks pushed over 50 ms.
   */
  longTasks: number;
}

const LONG_TASK_MS = 50;
const wall = (event: TraceEvent) => (event.dur ?? 0) / 1000;

/** Events that mean a task is the page's: its scripts starting, and rendering (a frame, or layout forced). */
const PAGE_WORK = new Set(['EvaluateScript', 'ParseHTML', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer']);
const SCRIPT_START = new Set(['FunctionCall', 'EvaluateScript']);
/**
 * Instant events by which a task changes what the next frame must draw: style or layout made stale, or an animation
 * frame asked for. A task of the extension's without any (a reading slice, a reply that only wrote marks no style
 * reads) makes no frame: the page's next frame is the page's, e.g. the follow-up frame Chromium draws after a frame to
 * deliver IntersectionObserver entries, which a reading slice often runs just before.
 */
const ASKS_FOR_FRAME = new Set(['ScheduleStyleRecalculation', 'InvalidateLayout', 'RequestAnimationFrame']);
/** Garbage collection in a task of its own (idle time): it changes nothing on screen. */
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GCCompactor', 'BlinkGC.AtomicPhase']);

/** Frames the extension alone caused, whole. */
export const OWN_FRAMES = 'frames only it asked for (style, layout, paint)';

/** Time in the extension's own tasks outside its callbacks: receiving messages, microtasks, the page's reactions, GC. */
export const OWN_TASK_REST = "rest of its own tasks (decoding, microtasks, the page's observers, GC)";

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

  const frameRequests = events
    .filter((event) => event.pid === thread.pid && event.tid === thread.tid && (event.ph === 'I' || event.ph === 'i') && ASKS_FOR_FRAME.has(event.name))
    .map((event) => event.ts)
    .sort((a, b) => a - b);
  let request = 0;
  const result: Attribution = { ownTasksMs: 0, ownTasks: 0, inPageTasksMs: 0, ownFramesMs: 0, ownFrames: 0, totalMs: 0, allTasksMs: 0, gcMs: 0, byCallback: {}, longTasks: 0 };
  for (const event of main) if (event.name === 'MinorGC' || event.name === 'MajorGC') result.gcMs += cpu(event);
  // GC events nested in others have names of their own (V8.GC_SCAVENGER_*): a task holding only GC holds only those
  const isGc = (event: TraceEvent) => GC.has(event.name) || event.name.startsWith('V8.GC');
  let index = 0;
  let taskEnd = -Infinity;
  let pageSinceFrame = false;
  let extensionSinceFrame = false;
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
    const firstScript = inside.find((event) => SCRIPT_START.has(event.name));
    const startedByPage = firstScript !== undefined && !isExtension(firstScript);
    if (inside.some((event) => event.name === 'PrePaint')) {
      // A frame. The extension's alone when nothing of the page asked for it: no task of the page's since the last
      // frame (its scripts, but also images loading, events), and no page script in it ahead of the extension's.
      const pageFirst = inside.some((event) => isPageScript(event) && !callbacks.some((callback) => callback.ts < event.ts));
      const extensionsFrame = (extensionSinceFrame || callbacks.length > 0) && !pageSinceFrame && !pageFirst;
      extensionSinceFrame = false;
      pageSinceFrame = false;
      if (extensionsFrame) {
        result.ownFramesMs += cpu(task);
        result.ownFrames++;
        if (wall(task) >= LONG_TASK_MS) result.longTasks++;
        result.byCallback[OWN_FRAMES] = (result.byCallback[OWN_FRAMES] ?? 0) + cpu(task);
        continue;
      }
    } else if (callbacks.length > 0 && !startedByPage) {
      while (request < frameRequests.length && frameRequests[request]! < task.ts) request++;
      if (request < frameRequests.length && frameRequests[request]! <= taskEnd) extensionSinceFrame = true;
    } else if (inside.some((event) => !isGc(event))) {
      pageSinceFrame = true;
    }
    if (callbacks.length === 0) continue;
    for (const callback of callbacks) {
      const kind = callbackKind(callback, inside);
      result.byCallback[kind] = (result.byCallback[kind] ?? 0) + cpu(callback);
    }
    if (startedByPage || inside.some((event) => PAGE_WORK.has(event.name))) {
      for (const callback of callbacks) result.inPageTasksMs += cpu(callback);
      const pageAlone = wall(task) - callbacks.reduce((sum, callback) => sum + wall(callback), 0);
      if (wall(task) >= LONG_TASK_MS && pageAlone < LONG_TASK_MS) result.longTasks++;
    } else {
      result.ownTasksMs += cpu(task);
      result.ownTasks++;
      if (wall(task) >= LONG_TASK_MS) result.longTasks++;
      const rest = cpu(task) - callbacks.reduce((sum, callback) => sum + cpu(callback), 0);
      result.byCallback[OWN_TASK_REST] = (result.byCallback[OWN_TASK_REST] ?? 0) + rest;
    }
  }
  result.totalMs = result.ownTasksMs + result.inPageTasksMs + result.ownFramesMs;
  return result;
}
