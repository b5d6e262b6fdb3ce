import type { Assessment } from '../detect/types';
import { findContacts } from './contacts';
import { CapturedPostSchema, type CapturedPost, type ReportReason } from './schema';

/** Turning what the page showed into a `CapturedPost`. Pure. */

/** The site adapter id for a page, or its host name elsewhere (context menu on any page). */
export function siteFromUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'm.facebook.com' || host === 'mbasic.facebook.com') return 'facebook-mobile';
  if (host === 'facebook.com' || host === 'web.facebook.com') return 'facebook';
  if (host === 'web.telegram.org') return url.pathname.startsWith('/a') ? 'telegram-a' : 'telegram-k';
  if (host === 'web.whatsapp.com') return 'whatsapp';
  if (host === 'x.com' || host === 'twitter.com' || host === 'mobile.twitter.com') return 'x';
  return host.slice(0, 100);
}

const COUNTRY_OF_LANGUAGE: Record<string, string> = { id: 'ID', ms: 'MY', vi: 'VN', th: 'TH', tl: 'PH', my: 'MM' };

/** Countries to read "0…" numbers as: the post's language first (a Vietnamese post lists Vietnamese numbers), then the user's. */
export function countryHints(postLang: string, userCountry: string): string[] {
  const fromLang = COUNTRY_OF_LANGUAGE[postLang];
  return [...new Set([fromLang, userCountry].filter((c): c is string => Boolean(c)))];
}

/** The detector's reasons for reporting: the signals that raised the level, each with the post's own words. */
export function reasonsFrom(assessment: Assessment): ReportReason[] {
  return assessment.signals
    .filter((s) => s.weight > 0 && s.family !== 'warning' && s.family !== 'legitimacy')
    .slice(0, 50)
    .map((s) => ({ signalId: s.id.slice(0, 100), family: s.family, evidence: s.evidence.slice(0, 20).map((e) => e.text.slice(0, 500)) }));
}

function webUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export interface CaptureInput {
  text: string;
  pageUrl: string;
  site?: string;
  sitePostId?: string | null;
  permalink?: string | null;
  author?: { name: string; url?: string | null } | null;
  seenAt: number;
}

export function capturePost(input: CaptureInput, assessment: Assessment, userCountry: string): CapturedPost {
  const text = input.text.slice(0, 20_000);
  const authorName = input.author?.name.trim().slice(0, 200);
  const authorUrl = webUrlOrNull(input.author?.url);
  return CapturedPostSchema.parse({
    site: input.site ?? siteFromUrl(input.pageUrl),
    sitePostId: input.sitePostId?.slice(0, 300) ?? null,
    text,
    permalink: webUrlOrNull(input.permalink),
    pageUrl: input.pageUrl,
    author: authorName ? { name: authorName, ...(authorUrl ? { url: authorUrl } : {}) } : null,
    seenAt: new Date(input.seenAt).toISOString(),
    level: assessment.level,
    reasons: reasonsFrom(assessment),
    contacts: findContacts(text, { countryHints: countryHints(assessment.lang, userCountry) }),
  });
}
