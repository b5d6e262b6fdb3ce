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

/** `lookup`, answered once per post inside `readingTogether` (and as usual outside it). */
export function oncePerRead<T>(lookup: (post: Element) => T): (post: Element) => T {
  return (post) => {
    if (!lookups) return lookup(post);
    let known = lookups.get(lookup) as WeakMap<Element, T> | undefined;
    if (!known) lookups.set(lookup, (known = new WeakMap()));
    if (known.has(post)) return known.get(post) as T;
    const found = lookup(post);
    known.set(post, found);
    return found;
  };
}
