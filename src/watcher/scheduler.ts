/** Runs a slice of work later. Returns a function that cancels it. Injected so tests drive slices by hand. */
export type Scheduler = (slice: () => void) => () => void;

type FrameWindow = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> & {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
};

/**
 * The next animation frame, before the browser renders it: DOM writes made there are rendered in that frame, with
 * whatever else changed. Writes made in an idle callback or a task after the frame get a frame of their own, which
 * on a feed costs a style, layout and paint pass of the page (measured in scripts/bench: about 6 ms a banner).
 * Frames stop in hidden tabs, where the watcher pauses anyway. Falls back to a timer where there are no frames.
 */
export function frameScheduler(win: FrameWindow = globalThis as FrameWindow): Scheduler {
  return (slice) => {
    if (win.requestAnimationFrame && win.cancelAnimationFrame) {
      const handle = win.requestAnimationFrame(() => slice());
      return () => win.cancelAnimationFrame?.(handle);
    }
    const handle = win.setTimeout(slice, 16);
    return () => win.clearTimeout(handle);
  };
}

/**
 * A task of its own right after the current one (a timer at 0 ms): it adds nothing to the page's task (no long task
 * made longer), and it usually runs before the next frame, so that a post's assessment, asked of the background
 * here, can come back in time for its banner to be drawn in that frame.
 */
export function taskScheduler(win: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis): Scheduler {
  return (slice) => {
    const handle = win.setTimeout(slice, 0);
    return () => win.clearTimeout(handle);
  };
}
