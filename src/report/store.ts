import { storage } from '@wxt-dev/storage';
import { describeZodError, z } from '../zod';
import {
  ALL_FIELDS_INCLUDED,
  REPORT_SCHEMA_VERSION,
  StoredReportSchema,
  type CapturedPost,
  type Contact,
  type DeliveryStatus,
  type IncludedFields,
  type StoredReport,
} from './schema';

/**
 * Reports on this device. Saved here before anything is sent; the background is the only writer (the form and
 * the options page ask it by message), so read-modify-write cycles never interleave between contexts.
 */

export const reportsItem = storage.defineItem<unknown>('local:reports', { fallback: [], version: 1 });
/** Stored records that failed validation, kept with the reason so nothing a user reported disappears silently. */
export const reportsSetAsideItem = storage.defineItem<unknown>('local:reportsSetAside', { fallback: [], version: 1 });

export const SetAsideRecordSchema = z.object({ raw: z.unknown(), reason: z.string(), at: z.number() });
export type SetAsideRecord = z.infer<typeof SetAsideRecordSchema>;

export interface ParsedReports {
  reports: StoredReport[];
  /** Records that failed validation in this read, with the field and problem. */
  rejected: Array<{ raw: unknown; reason: string }>;
}

export function parseStoredReports(raw: unknown): ParsedReports {
  if (!Array.isArray(raw)) return { reports: [], rejected: raw == null ? [] : [{ raw, reason: '(root): expected a list of reports' }] };
  const reports: StoredReport[] = [];
  const rejected: ParsedReports['rejected'] = [];
  for (const entry of raw) {
    const parsed = StoredReportSchema.safeParse(entry);
    if (parsed.success) reports.push(parsed.data);
    else rejected.push({ raw: entry, reason: describeZodError(parsed.error) });
  }
  return { reports, rejected };
}

export function parseSetAside(raw: unknown): SetAsideRecord[] {
  const parsed = z.array(SetAsideRecordSchema).safeParse(raw);
  // Even a damaged set-aside list is shown, never dropped: wrap it whole.
  return parsed.success ? parsed.data : [{ raw, reason: 'set-aside list damaged', at: 0 }];
}

/** Everything a reader (form, options page) needs: valid reports, and what is or will be set aside. */
export async function readReports(): Promise<{ reports: StoredReport[]; setAside: SetAsideRecord[] }> {
  const [raw, aside] = await Promise.all([reportsItem.getValue(), reportsSetAsideItem.getValue()]);
  const { reports, rejected } = parseStoredReports(raw);
  return { reports, setAside: [...parseSetAside(aside), ...rejected.map((r) => ({ ...r, at: 0 }))] };
}

// Query parameters that only track clicks: dropped so the same post links to the same key.
const TRACKING_PARAM = /^(?:__cft__|__tn__|utm_|fbclid$|mibextid$|rdid$|share_url$|s$|t$|ref$|refsrc$)/;

/** The same post reported twice gets the same key: permalink, else the site's post id, else a hash of its text. */
export async function reportKey(post: Pick<CapturedPost, 'permalink' | 'site' | 'sitePostId' | 'text'>): Promise<string> {
  if (post.permalink) {
    const url = new URL(post.permalink);
    for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
    url.hash = '';
    const path = url.pathname.replace(/\/+$/, '');
    return `link:${url.hostname.replace(/^(?:www|web|m|mbasic)\.facebook\.com$/, 'facebook.com')}${path}${url.search}`.slice(0, 300);
  }
  if (post.sitePostId) return `post:${post.site}:${post.sitePostId}`.slice(0, 300);
  const normalised = post.text.normalize('NFKC').toLowerCase().replace(/[\u200B-\u200F\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(normalised));
  return `text:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function mergeContacts(older: Contact[], newer: Contact[]): Contact[] {
  const byValue = new Map(older.map((c) => [c.value, c]));
  for (const contact of newer) byValue.set(contact.value, contact);
  return [...byValue.values()].slice(0, 100);
}

/** A newer capture of the same post: its fields win, but what it lacks (no permalink from a selection) is kept. */
export function mergeCapture(older: CapturedPost, newer: CapturedPost): CapturedPost {
  return {
    ...newer,
    sitePostId: newer.sitePostId ?? older.sitePostId,
    text: newer.text || older.text,
    permalink: newer.permalink ?? older.permalink,
    author: newer.author ?? older.author,
    reasons: newer.reasons.length ? newer.reasons : older.reasons,
    contacts: mergeContacts(older.contacts, newer.contacts),
  };
}

export interface ReportStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export class ReportStore {
  private readonly now: () => number;
  private readonly newId: () => string;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: ReportStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  async list(): Promise<StoredReport[]> {
    return parseStoredReports(await reportsItem.getValue()).reports;
  }

  async get(id: string): Promise<StoredReport | null> {
    return (await this.list()).find((r) => r.id === id) ?? null;
  }

  /**
   * Saves what the user asked to report, before any send. The same post again updates the existing report
   * (newest capture, the user's earlier note and choices kept, delivery untouched): one post, one delivery.
   */
  saveCapture(source: StoredReport['source'], post: CapturedPost): Promise<{ report: StoredReport; merged: boolean }> {
    return this.mutate<{ report: StoredReport; merged: boolean }>(async (reports) => {
      const key = await reportKey(post);
      const now = this.now();
      const index = reports.findIndex((r) => r.key === key);
      if (index >= 0) {
        const existing = reports[index]!;
        const report = StoredReportSchema.parse({ ...existing, post: mergeCapture(existing.post, post), updatedAt: now });
        reports[index] = report;
        return { reports, result: { report, merged: true } };
      }
      const report = StoredReportSchema.parse({
        schemaVersion: REPORT_SCHEMA_VERSION,
        id: this.newId(),
        key,
        source,
        createdAt: now,
        updatedAt: now,
        post,
        note: '',
        included: ALL_FIELDS_INCLUDED,
        delivery: { state: 'saved' },
        shares: [],
      } satisfies StoredReport);
      return { reports: [...reports, report], result: { report, merged: false } };
    });
  }

  /** The user's edits in the form: the newest note and ticked fields win. */
  edit(id: string, patch: { note?: string; included?: Partial<IncludedFields> }): Promise<StoredReport> {
    return this.update(id, (r) => ({
      ...r,
      note: patch.note ?? r.note,
      included: { ...r.included, ...patch.included },
      updatedAt: this.now(),
    }));
  }

  setDelivery(id: string, delivery: DeliveryStatus): Promise<StoredReport> {
    return this.update(id, (r) => ({ ...r, delivery }));
  }

  addShare(id: string, channel: StoredReport['shares'][number]['channel']): Promise<StoredReport> {
    return this.update(id, (r) => ({ ...r, shares: [...r.shares, { channel, at: this.now() }].slice(-100) }));
  }

  remove(id: string): Promise<boolean> {
    return this.mutate(async (reports) => {
      const kept = reports.filter((r) => r.id !== id);
      return { reports: kept, result: kept.length !== reports.length };
    });
  }

  private update(id: string, change: (report: StoredReport) => StoredReport): Promise<StoredReport> {
    return this.mutate(async (reports) => {
      const index = reports.findIndex((r) => r.id === id);
      if (index < 0) throw new Error(`No report with id ${id}`);
      const report = StoredReportSchema.parse(change(reports[index]!));
      reports[index] = report;
      return { reports, result: report };
    });
  }

  /** One change at a time; records that fail validation move to the set-aside list with their reason. */
  private mutate<T>(change: (reports: StoredReport[]) => Promise<{ reports: StoredReport[]; result: T }>): Promise<T> {
    const run = async () => {
      const { reports, rejected } = parseStoredReports(await reportsItem.getValue());
      if (rejected.length) {
        const aside = parseSetAside(await reportsSetAsideItem.getValue());
        await reportsSetAsideItem.setValue([...aside, ...rejected.map((r) => ({ ...r, at: this.now() }))]);
      }
      const { reports: next, result } = await change(reports);
      await reportsItem.setValue(next);
      return result;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
