/**
 * Canonical JSON (the JSON Canonicalization Scheme, RFC 8785): the bytes a rule-pack signature covers. Object members
 * sorted by their names' UTF-16 code units, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes
 * them (which is what RFC 8785 specifies). A signer and a verifier that parse the same JSON get the same bytes, whatever
 * the indentation or member order of the file that was hosted.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareCodeUnits);
    const members: string[] = [];
    for (const key of keys) {
      const member = (value as Record<string, unknown>)[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
    }
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** RFC 8785 orders member names by UTF-16 code units; `<` on strings does exactly that (not localeCompare). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The UTF-8 bytes of the canonical form. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
