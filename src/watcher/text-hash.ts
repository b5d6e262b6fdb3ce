/** FNV-1a 32-bit of a string, base 36: a cheap key for "did this post's text change", not a security hash. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Key under which the user's feedback on a post is stored: the site's id when it has one, otherwise a hash of the
 * text's start, so a dismissed post stays dismissed when "See more" grows its text.
 */
export function feedbackKey(site: string, postId: string | null, text: string): string {
  if (postId) return `${site}:${postId}`;
  return `${site}:text:${hashText(text.replace(/\s+/g, ' ').trim().slice(0, 120))}`;
}
