import type { Assessment, Level } from '../detect/types';
import type { SiteAdapter } from '../sites/types';
import type { Settings, PostFeedback } from '../settings/schema';
import type { OpenReportMessage } from '../messages';
import { BANNER_TAG, type BannerKit, type Overlay } from '../overlay';
import { feedbackKey, hashText } from './text-hash';
import { frameScheduler, taskScheduler, type Scheduler } from './scheduler';

/** Attribute on a post's text element once assessed: the contract for tests and outside checks. */
export const LEVEL_ATTRIBUTE = 'data-waspada-level';

export interface WatcherStats {
  /** Posts assessed since the watcher started (a recycled node showing another post counts again). */
  checked: number;
  /** Posts showing a banner now. */
  flagged: number;
  /** Whether the watcher runs (site enabled, not paused). */
  active: boolean;
}

type ObserverLike = Pick<MutationObserver, 'observe' | 'disconnect'>;

export interface WatcherOptions {
  adapter: SiteAdapter;
  /** The detector, here or (returning a promise) in the background. */
  assess: (text: string) => Assessment | Promise<Assessment>;
  overlay: Overlay;
  settings: Settings;
  /** What banners say, in the user's language (see src/overlay/kit.ts). */
  banner: BannerKit;
  /** Keys of posts the user dismissed or marked as a real job. */
  hiddenKeys?: Iterable<string>;
  /** Aborting it tears everything down (the content script context's signal). */
  signal: AbortSignal;
  /** Persists the user's feedback; the watcher hides the banner at once, whatever the storage does. */
  onDismiss(entry: PostFeedback): Promise<void> | void;
  onRealJob(entry: PostFeedback): Promise<void> | void;
  onReport(report: OpenReportMessage): void;
  /** Called after a flush when the counts changed. */
  onStats?(stats: WatcherStats): void;
  document?: Document;
  createObserver?: (callback: MutationCallback) => ObserverLike;
  /** Runs the slices that read posts and ask for their assessment (a task right after the page's own, by default). */
  scheduler?: Scheduler;
  /** Runs the slices that write marks and banners (the next animation frame, by default). */
  renderScheduler?: Scheduler;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => () => void;
  /** Work per slice before yielding to the page. */
  sliceBudgetMs?: number;
  /** Above this many queued mutations, rescan the page once instead of diffing (Dark Reader's trick). */
  rescanThreshold?: number;
}

export interface Watcher {
  /** Re-finds every post on the page (after SPA navigation). */
  rescan(): void;
  /** Assesses every post again: the detector changed (new rules, an NGO profile), so earlier results are stale. */
  reassess(): void;
  /** New settings, with the banner strings and channels that go with them. */
  updateSettings(settings: Settings, banner?: BannerKit): void;
  /** Feedback recorded elsewhere (another tab, the options page). */
  updateHiddenKeys(keys: Iterable<string>): void;
  stats(): WatcherStats;
}

interface PostResult {
  /** The detector generation that assessed it; see reassess(). */
  generation: number;
  postId: string | null;
  hash: string;
  key: string;
  assessment: Assessment;
  /** Kept only for flagged posts: the banner quotes it. */
  text: string;
  textElement: Element | null;
}

const NOT_FLAGGED: Assessment = { level: 'none', score: 0, lang: 'und', signals: [] };
const ASSESSMENT_CACHE_SIZE = 300;

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown } | null)?.then === 'function';

/** Whether a post assessed at `level` shows a banner under these settings. Pure. */
export function showsBanner(level: Level, sensitivity: Settings['sensitivity'], hiddenByUser: boolean): boolean {
  if (level === 'none' || hiddenByUser) return false;
  return level === 'high' || sensitivity === 'all';
}

/** Whether Waspada runs on this site now. Pure. */
export function isActiveFor(site: string, settings: Settings, now: number): boolean {
  return !settings.disabledSites.includes(site) && settings.pausedUntil <= now;
}

/**
 * The one watcher of a page. Its MutationObserver only queues. Reading slices run in a task right after the page's
 * own, within a small budget: they find posts through the adapter, read their text (no layout reads) and ask for
 * assessments (from the background, in one message per slice). Writing slices run in the next animation frame:
 * level marks and banners. Results are keyed by element plus the site's post id and a hash of the text, so recycled
 * nodes and growing text are assessed again; an answer about text a post no longer shows is dropped.
 */
export function startWatcher(options: WatcherOptions): Watcher {
  const {
    adapter,
    assess,
    overlay,
    signal,
    document: doc = document,
    createObserver = (callback) => new MutationObserver(callback),
    scheduler = taskScheduler(),
    renderScheduler = frameScheduler(),
    now = () => performance.now(),
    setTimer = (callback, ms) => {
      const handle = setTimeout(callback, ms);
      return () => clearTimeout(handle);
    },
    sliceBudgetMs = 4,
    rescanThreshold = 1000,
  } = options;
  const wallClock = () => Date.now();

  let settings = options.settings;
  let banner = options.banner;
  let hiddenKeys = new Set(options.hiddenKeys ?? []);
  let active = false;
  let observer: ObserverLike | null = null;
  let cancelSlice: (() => void) | null = null;
  let cancelRender: (() => void) | null = null;
  let cancelResume: (() => void) | null = null;

  const results = new WeakMap<Element, PostResult>();
  /** Assessed posts still worth re-rendering (pruned when they leave the document). */
  const tracked = new Set<Element>();
  const assessments = new Map<string, Assessment>();
  /** Assessments on their way, by text hash (two posts with one text make one request). */
  const inflight = new Map<string, Promise<Assessment>>();
  /** Posts waiting for an assessment, with what it is for: detector generation and text hash. */
  const pending = new WeakMap<Element, string>();
  /** Every post read so far, assessed or not yet. */
  const seen = new WeakSet<Element>();
  const dirtyNodes = new Set<Node>();
  const idChanges = new Set<Element>();
  const addedRoots = new Set<Element>();
  const postQueue = new Set<Element>();
  /** Assessed posts whose marks and banner are to be written. */
  const renderQueue = new Set<Element>();
  let needsFullScan = false;
  let removalsSeen = false;
  let checked = 0;
  let lastStats = '';
  let generation = 0;

  const isHidden = () => doc.visibilityState === 'hidden';

  function onMutations(records: MutationRecord[]) {
    if (!active) return;
    if (!needsFullScan) {
      if (records.length + dirtyNodes.size + idChanges.size + addedRoots.size > rescanThreshold) {
        needsFullScan = true;
        dirtyNodes.clear();
        idChanges.clear();
        addedRoots.clear();
      } else {
        for (const record of records) queueRecord(record);
      }
    }
    schedule();
  }

  function queueRecord(record: MutationRecord) {
    if (record.type === 'attributes') {
      // A post id rewritten in place (recycled node, temporary id made final): only the post around it can change.
      idChanges.add(record.target as Element);
      return;
    }
    if (record.type === 'characterData') {
      dirtyNodes.add(record.target);
      return;
    }
    if (record.removedNodes.length > 0) {
      removalsSeen = true;
      // Content removed from a post (a re-render, or the site dropping our banner): look at the post again.
      dirtyNodes.add(record.target);
    }
    for (const node of Array.from(record.addedNodes)) {
      if (node.nodeType === 1) {
        if ((node as Element).localName !== BANNER_TAG) addedRoots.add(node as Element);
        // A host we did not make (a copy or a fake): render that post again, which takes it away.
        else if (!overlay.owns(node as Element)) dirtyNodes.add(record.target);
      } else if (node.nodeType === 3) {
        dirtyNodes.add(record.target);
      }
    }
  }

  function schedule() {
    if (cancelSlice || !active || isHidden()) return;
    if (!needsFullScan && !removalsSeen && dirtyNodes.size === 0 && idChanges.size === 0 && addedRoots.size === 0 && postQueue.size === 0) return;
    cancelSlice = scheduler(runSlice);
  }

  /** The post holding `node`: one already looked at (a WeakSet walk up), else whatever the adapter says. */
  function postContaining(node: Node): Element | null {
    for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element; element = element.parentElement) {
      if (seen.has(element)) return element;
    }
    // A post the adapter skipped until its text arrived (e.g. its message rendered after the container).
    return adapter.postContaining?.(node) ?? null;
  }

  function runSlice() {
    cancelSlice = null;
    if (!active || isHidden()) return;
    const start = now();
    const outOfTime = () => now() - start >= sliceBudgetMs;

    if (removalsSeen || needsFullScan) {
      removalsSeen = false;
      overlay.prune();
      for (const post of tracked) if (!post.isConnected) tracked.delete(post);
    }
    if (needsFullScan) {
      needsFullScan = false;
      for (const post of adapter.findPosts(doc)) postQueue.add(post);
    }
    for (const root of addedRoots) {
      addedRoots.delete(root);
      if (!root.isConnected) continue;
      const owner = postContaining(root);
      if (owner) postQueue.add(owner);
      for (const post of adapter.findPosts(root)) postQueue.add(post);
      if (outOfTime()) break;
    }
    for (const element of idChanges) {
      if (outOfTime()) break;
      idChanges.delete(element);
      const owner = element.isConnected ? postContaining(element) : null;
      if (owner) postQueue.add(owner);
    }
    if (!outOfTime()) {
      for (const node of dirtyNodes) {
        dirtyNodes.delete(node);
        if (!node.isConnected) continue;
        const owner = postContaining(node);
        if (owner) postQueue.add(owner);
        else if (node.nodeType === 1) for (const post of adapter.findPosts(node as Element)) postQueue.add(post);
      }
    }
    for (const post of postQueue) {
      if (outOfTime()) break;
      postQueue.delete(post);
      processPost(post);
    }
    schedule();
    scheduleRender();
    if (!cancelSlice && !cancelRender) emitStats();
  }

  function scheduleRender() {
    if (cancelRender || !active || renderQueue.size === 0) return;
    cancelRender = renderScheduler(runRender);
  }

  function runRender() {
    cancelRender = null;
    if (!active) return;
    const start = now();
    for (const post of renderQueue) {
      if (now() - start >= sliceBudgetMs) break;
      renderQueue.delete(post);
      const result = results.get(post);
      if (post.isConnected && result) renderPost(post, result);
    }
    scheduleRender();
    if (!cancelSlice && !cancelRender) emitStats();
  }

  function remember(hash: string, assessment: Assessment) {
    if (assessments.size >= ASSESSMENT_CACHE_SIZE) assessments.delete(assessments.keys().next().value as string);
    assessments.set(hash, assessment);
  }

  function processPost(post: Element) {
    if (!post.isConnected) return;
    seen.add(post);
    const postId = adapter.postId(post);
    const text = adapter.readText(post);
    const hash = hashText(text);
    const previous = results.get(post);
    if (previous && previous.postId === postId && previous.hash === hash && previous.generation === generation) {
      pending.delete(post);
      renderQueue.add(post);
      return;
    }
    const known = text.trim() ? assessments.get(hash) : NOT_FLAGGED;
    if (known) {
      pending.delete(post);
      record(post, postId, hash, text, known);
      return;
    }
    // what the post waits for: this text, under this detector
    const wanted = `${generation}:${hash}`;
    if (pending.get(post) === wanted) return;
    pending.set(post, wanted);
    let request = inflight.get(hash);
    if (!request) {
      const outcome = assess(text);
      if (!isPromise(outcome)) {
        remember(hash, outcome);
        pending.delete(post);
        record(post, postId, hash, text, outcome);
        return;
      }
      request = outcome;
      inflight.set(hash, request);
      const askedUnder = generation;
      request.then(
        (assessment) => {
          if (askedUnder !== generation) return;
          inflight.delete(hash);
          remember(hash, assessment);
        },
        () => {
          if (askedUnder === generation) inflight.delete(hash);
        },
      );
    }
    request.then(
      (assessment) => {
        // the post may show other text by now, or the detector changed: then this answer is not its own
        if (pending.get(post) !== wanted) return;
        pending.delete(post);
        if (!active || !post.isConnected) return;
        record(post, postId, hash, text, assessment);
        scheduleRender();
      },
      // the background is gone (extension updated) or failed: the post stays unmarked until it changes again
      () => {
        if (pending.get(post) === wanted) pending.delete(post);
      },
    );
  }

  /** Keeps a post's assessment and queues its marks and banner. */
  function record(post: Element, postId: string | null, hash: string, text: string, assessment: Assessment) {
    const previous = results.get(post);
    if (!previous || previous.postId !== postId) checked++;
    results.set(post, {
      generation,
      postId,
      hash,
      key: feedbackKey(adapter.id, postId, text),
      assessment,
      text: assessment.level === 'none' ? '' : text,
      textElement: previous?.textElement ?? null,
    });
    tracked.add(post);
    renderQueue.add(post);
  }

  function renderPost(post: Element, result: PostResult) {
    const textElement = adapter.textElement(post);
    if (result.textElement && result.textElement !== textElement) result.textElement.removeAttribute(LEVEL_ATTRIBUTE);
    result.textElement = textElement;
    const level = result.assessment.level;
    if (textElement && textElement.getAttribute(LEVEL_ATTRIBUTE) !== level) textElement.setAttribute(LEVEL_ATTRIBUTE, level);
    if (!showsBanner(level, settings.sensitivity, hiddenKeys.has(result.key))) {
      overlay.hide(post, adapter.bannerSlot(post));
      return;
    }
    overlay.show(post, adapter.bannerSlot(post), {
      assessment: result.assessment,
      text: result.text,
      kit: banner,
      actions: {
        onDismiss: () => recordFeedback(post, options.onDismiss),
        onRealJob: () => recordFeedback(post, options.onRealJob),
        onReport: () => {
          const current = results.get(post);
          if (!current || current.assessment.level === 'none') return;
          options.onReport({
            type: 'waspada:open-report',
            site: adapter.id,
            postKey: current.key,
            url: pageUrl(post),
            excerpt: current.text.slice(0, 300),
            level: current.assessment.level,
            signals: current.assessment.signals.map((s) => s.id),
            text: current.text.slice(0, 20_000),
            postId: current.postId,
            permalink: adapter.permalink?.(post) ?? null,
            author: adapter.author?.(post) ?? null,
          });
        },
      },
    });
  }

  function pageUrl(post: Element): string {
    return adapter.permalink?.(post) ?? doc.location?.href ?? '';
  }

  function recordFeedback(post: Element, persist: (entry: PostFeedback) => Promise<void> | void) {
    const result = results.get(post);
    if (!result) return;
    hiddenKeys.add(result.key);
    overlay.hide(post);
    emitStats();
    const entry: PostFeedback = { key: result.key, site: adapter.id, excerpt: result.text.slice(0, 300), url: pageUrl(post), at: wallClock() };
    // Storage failing must not bring the banner back: the user asked for it to go.
    Promise.resolve()
      .then(() => persist(entry))
      .catch(() => {});
  }

  function renderAll() {
    for (const post of tracked) {
      const result = results.get(post);
      if (!post.isConnected || !result) tracked.delete(post);
      else renderPost(post, result);
    }
    emitStats();
  }

  function flaggedCount(): number {
    let count = 0;
    for (const post of tracked) if (overlay.hostOf(post)) count++;
    return count;
  }

  function stats(): WatcherStats {
    return { checked, flagged: active ? flaggedCount() : 0, active };
  }

  function emitStats() {
    if (!options.onStats || signal.aborted) return;
    const current = stats();
    const serialised = `${current.checked}/${current.flagged}/${current.active}`;
    if (serialised === lastStats) return;
    lastStats = serialised;
    options.onStats(current);
  }

  function activate() {
    if (active) return;
    active = true;
    observer = createObserver(onMutations);
    const idAttributes = adapter.idAttributes ?? [];
    observer.observe(doc, {
      childList: true,
      subtree: true,
      characterData: true,
      // Only the site's id attributes: observing every attribute change of a page would cost more than all the rest.
      ...(idAttributes.length > 0 ? { attributes: true, attributeFilter: [...idAttributes] } : {}),
    });
    needsFullScan = true;
    schedule();
  }

  function deactivate() {
    active = false;
    observer?.disconnect();
    observer = null;
    cancelSlice?.();
    cancelSlice = null;
    cancelRender?.();
    cancelRender = null;
    renderQueue.clear();
    dirtyNodes.clear();
    idChanges.clear();
    addedRoots.clear();
    postQueue.clear();
    overlay.clear();
    for (const post of tracked) {
      results.get(post)?.textElement?.removeAttribute(LEVEL_ATTRIBUTE);
      results.delete(post);
    }
    tracked.clear();
  }

  function applySettings() {
    cancelResume?.();
    cancelResume = null;
    const nowMs = wallClock();
    if (isActiveFor(adapter.id, settings, nowMs)) {
      if (active) renderAll();
      else activate();
    } else {
      deactivate();
      if (settings.pausedUntil > nowMs && !settings.disabledSites.includes(adapter.id)) {
        cancelResume = setTimer(applySettings, settings.pausedUntil - nowMs);
      }
    }
    emitStats();
  }

  const onVisibilityChange = () => {
    if (!isHidden()) schedule();
  };
  doc.addEventListener('visibilitychange', onVisibilityChange, { signal });
  signal.addEventListener(
    'abort',
    () => {
      cancelResume?.();
      deactivate();
    },
    { once: true },
  );

  if (!signal.aborted) applySettings();

  return {
    rescan() {
      if (!active) return;
      needsFullScan = true;
      schedule();
    },
    reassess() {
      if (signal.aborted) return;
      generation++;
      assessments.clear();
      // answers on their way were asked under the old detector; waiting posts drop them (see processPost)
      inflight.clear();
      if (!active) return;
      for (const post of tracked) postQueue.add(post);
      needsFullScan = true;
      schedule();
    },
    updateSettings(next, nextBanner) {
      if (signal.aborted) return;
      settings = next;
      if (nextBanner) banner = nextBanner;
      applySettings();
    },
    updateHiddenKeys(keys) {
      if (signal.aborted) return;
      hiddenKeys = new Set(keys);
      if (active) renderAll();
    },
    stats,
  };
}
