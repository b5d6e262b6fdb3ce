/**
 * A post's text element is looked up several times while the watcher handles it: to find the post, to read its text,
 * to find its id, to place the banner. Each lookup runs selectors over the post. Inside one `readingTogether` call the
 * page cannot change the DOM (it is one synchronous run of ours), so an adapter's lookups are kept for its length and
 * dropped at its end: the next slice sees the page as it is then.
 */
let lookups: Map<(post: Element) => unknown, WeakMap<Element, unknown>> | null = null;

/** Runs `work` with lookups made through `oncePerRead` kept until it returns. Nested calls share the outer one's. */
export function readingTogether<T>(work: () => T): T {
  if (lookups) return work();
  lookups = new Map();
  try {
    return work();
  } finally {
    lookups = null;
  }
}

/** A lookup answered once per post inside `readingTogether`. */
export interface ReadLookup<T> {
  (post: Element): T;
  /** Keeps an answer found on the way (by a pass over many posts at once) for the rest of this read; outside one, nothing. */
  remember(post: Element, answer: T): void;
}

/** `lookup`, answered once per post inside `readingTogether` (and as usual outside it). */
export function oncePerRead<T>(lookup: (post: Element) => T): ReadLookup<T> {
  const knownNow = (): WeakMap<Element, T> | null => {
    if (!lookups) return null;
    let known = lookups.get(lookup) as WeakMap<Element, T> | undefined;
    if (!known) lookups.set(lookup, (known = new WeakMap()));
    return known;
  };
  const answer = (post: Element): T => {
    const known = knownNow();
    if (!known) return lookup(post);
    if (known.has(post)) return known.get(post) as T;
    const found = lookup(post);
    known.set(post, found);
    return found;
  };
  return Object.assign(answer, {
    remember(post: Element, found: T) {
      knownNow()?.set(post, found);
    },
  });
}
