/**
 * One adapter per site (src/sites/<site>.ts). The single watcher walks the registry; an adapter only knows its
 * site's DOM. Selectors are keyed to structure, roles and data attributes (never UI-language strings), each with
 * a comment naming its source.
 */
export interface SiteAdapter {
  /** Stable id, also used in settings ("enabled sites"). */
  id: 'facebook' | 'facebook-mobile' | 'telegram-k' | 'telegram-a' | 'whatsapp' | 'x';
  /** Human name shown in settings. */
  name: string;
  /** Manifest match patterns of the production origins. */
  matches: string[];
  /** Whether this adapter handles the given page (origin and path, e.g. /k/ vs /a/ on web.telegram.org). */
  isActive(url: URL): boolean;
  /**
   * Post (or message) containers inside `root`, including `root` itself when it is one.
   * Cheap: querySelectorAll on a few selectors, no layout reads.
   */
  findPosts(root: ParentNode): Element[];
  /** The element holding the post's message text; it gets `data-waspada-level`. */
  textElement(post: Element): Element | null;
  /** The post's text as a reader sees it (text nodes, emoji image alt text, link text); no layout reads. */
  readText(post: Element): string;
  /** The site's own id for the post or message when it has one (recycled nodes change it). */
  postId(post: Element): string | null;
  /**
   * Attributes whose change on the post (or inside it) can change `postId` with no change of text: the watcher
   * observes just these, so a recycled node that only gets a new id is keyed anew. Omit when ids come from nodes
   * the site replaces rather than rewrites.
   */
  idAttributes?: readonly string[];
  /** Permalink of the post when the page shows one. */
  permalink?(post: Element): string | null;
  /** Author name and profile link when the page shows them. */
  author?(post: Element): { name: string; url?: string } | null;
  /** Where the `<waspada-alert>` host goes: inside the post container or right before it. */
  bannerSlot(post: Element): { parent: Element; before: Node | null };
  /**
   * The post (as `findPosts` would return it) that holds `node`, or null. Lets the watcher map a mutation deep inside
   * a post (text growing behind "See more", a recycled bubble's new text or id) back to its post. Cheap: `closest`.
   */
  postContaining?(node: Node): Element | null;
}
