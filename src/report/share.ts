import type { OfficialChannel } from '../channels/schema';
import { t, type UiLanguage } from '../i18n';
import { z } from '../zod';
import platformPages from './data/platform-report-pages.json';
import type { StoredReport } from './schema';

/**
 * Messages the user sends themselves: a WhatsApp message to the official hotline, an email, or the platform's
 * own report flow. Built from the fields the user left ticked, like the NGO payload. Pure.
 */

const PlatformReportPagesSchema = z.object({
  pages: z.array(
    z.object({
      sites: z.array(z.string()).min(1),
      platform: z.string().min(1),
      url: z.url({ protocol: /^https$/ }),
      source: z.string().min(1),
      verifiedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  ),
});
const PLATFORM_PAGES = PlatformReportPagesSchema.parse(platformPages).pages;

/** The platform's own report help page for the site the post was on, if we know one. */
export function platformReportPage(site: string): { platform: string; url: string } | null {
  const page = PLATFORM_PAGES.find((p) => p.sites.includes(site));
  return page ? { platform: page.platform, url: page.url } : null;
}

// wa.me links carry the text in the URL; long ones fail to open on some phones.
const MAX_SHARED_POST_CHARS = 1_200;

/** The report as a plain message, only with the ticked fields. */
export function reportMessage(report: StoredReport, lang: UiLanguage, maxPostChars = Number.POSITIVE_INFINITY): string {
  const { post, included } = report;
  const lines = [t(lang, 'report.message.title')];
  if (included.postText && post.text) {
    const text = post.text.length > maxPostChars ? `${post.text.slice(0, maxPostChars)}…` : post.text;
    lines.push('', `${t(lang, 'report.field.postText')}:`, text);
  }
  lines.push('');
  if (included.permalink && post.permalink) lines.push(`${t(lang, 'report.field.permalink')}: ${post.permalink}`);
  if (included.pageUrl) lines.push(`${t(lang, 'report.field.pageUrl')}: ${post.pageUrl}`);
  if (included.author && post.author) lines.push(`${t(lang, 'report.field.author')}: ${post.author.name}${post.author.url ? ` (${post.author.url})` : ''}`);
  if (included.seenAt) lines.push(`${t(lang, 'report.field.seenAt')}: ${post.seenAt}`);
  if (included.contacts && post.contacts.length) lines.push(`${t(lang, 'report.field.contacts')}: ${post.contacts.map((c) => c.value).join(', ')}`);
  if (included.reasons && post.reasons.length) {
    lines.push(`${t(lang, 'report.field.reasons')}:`);
    for (const reason of post.reasons) lines.push(`- ${t(lang, `report.family.${reason.family}`)}: ${reason.evidence.map((e) => `"${e}"`).join(', ')}`);
  }
  if (included.note && report.note.trim()) lines.push(`${t(lang, 'report.field.note')}: ${report.note.trim()}`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Verified WhatsApp hotlines among a country's channels, the country's own WhatsApp line before embassies. */
export function whatsappHotlines(channels: OfficialChannel[]): Array<{ name: string; number: string }> {
  return channels
    .filter((c) => c.verified && c.url?.startsWith('https://wa.me/'))
    .sort((a, b) => Number(b.kind === 'whatsapp') - Number(a.kind === 'whatsapp'))
    .map((c) => ({ name: c.name, number: c.url!.slice('https://wa.me/'.length).replace(/\D/g, '') }))
    .filter((c) => c.number.length >= 8);
}

export function whatsappLink(number: string, message: string): string {
  return `https://wa.me/${number}?text=${encodeURIComponent(message)}`;
}

export function emailLink(to: string | undefined, subject: string, body: string): string {
  return `mailto:${to ? encodeURIComponent(to) : ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

export function shareLinks(report: StoredReport, lang: UiLanguage, channels: OfficialChannel[], email?: string) {
  const short = reportMessage(report, lang, MAX_SHARED_POST_CHARS);
  return {
    whatsapp: whatsappHotlines(channels).map((h) => ({ name: h.name, url: whatsappLink(h.number, short) })),
    email: emailLink(email, t(lang, 'report.message.title'), reportMessage(report, lang)),
    platform: platformReportPage(report.post.site),
  };
}
