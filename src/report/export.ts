import type { SetAsideRecord } from './store';
import type { StoredReport } from './schema';

/** Exports of every stored report, for the user or the NGO they work with. Pure. */

export function reportsToJson(reports: StoredReport[], setAside: SetAsideRecord[], exportedAt: number): string {
  return `${JSON.stringify({ exportedAt: new Date(exportedAt).toISOString(), reports, setAside }, null, 2)}\n`;
}

const CSV_COLUMNS: Array<[string, (r: StoredReport) => string]> = [
  ['id', (r) => r.id],
  ['created', (r) => new Date(r.createdAt).toISOString()],
  ['updated', (r) => new Date(r.updatedAt).toISOString()],
  ['status', (r) => r.delivery.state],
  ['attempts', (r) => (r.delivery.state === 'saved' ? '0' : String(r.delivery.attempts))],
  ['failure', (r) => (r.delivery.state === 'failed' ? r.delivery.reason : '')],
  ['site', (r) => r.post.site],
  ['level', (r) => r.post.level],
  ['permalink', (r) => r.post.permalink ?? ''],
  ['page', (r) => r.post.pageUrl],
  ['author', (r) => r.post.author?.name ?? ''],
  ['author_link', (r) => r.post.author?.url ?? ''],
  ['seen', (r) => r.post.seenAt],
  ['text', (r) => r.post.text],
  ['contacts', (r) => r.post.contacts.map((c) => `${c.kind}:${c.value}`).join(' ')],
  ['reasons', (r) => r.post.reasons.map((x) => `${x.signalId}: ${x.evidence.join(' | ')}`).join('\n')],
  ['note', (r) => r.note],
];

/**
 * One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180), and defused when a spreadsheet would
 * run it as a formula (OWASP CSV injection: a leading = + - @, tab or carriage return gets a leading ').
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportsToCsv(reports: StoredReport[]): string {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...reports.map((r) => CSV_COLUMNS.map(([, read]) => read(r)))];
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
