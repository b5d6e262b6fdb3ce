/**
 * Rule-pack versions: numbers separated by dots or dashes ("2026.11.22-1"), compared number by number, so that
 * "2026.12.1-1" is newer than "2026.11.30-9" and "1.10" newer than "1.9". Updates must carry a strictly newer one.
 */
export const PACK_VERSION_PATTERN = /^\d{1,9}(?:[.-]\d{1,9}){0,7}$/;

export function isPackVersion(version: string): boolean {
  return PACK_VERSION_PATTERN.test(version);
}

/** Negative when a is older than b, 0 when equal, positive when newer. Missing parts count as 0 ("1.2" = "1.2.0"). */
export function comparePackVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
