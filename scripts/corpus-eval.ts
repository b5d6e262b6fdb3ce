/** Scoring the detector on a labelled corpus; shared by `npm run eval` and tests/detect/corpus.test.ts. */
import type { Assessment } from '../src/detect';
import { describeZodError, z } from '../src/zod';

export const LABELS = ['scam', 'legit_job', 'warning_or_news', 'other'] as const;
export type Label = (typeof LABELS)[number];

const CorpusItemSchema = z.object({
  id: z.string().min(1),
  label: z.enum(LABELS),
  lang: z.string().min(1),
  text: z.string(),
  source: z.string().optional(),
  obfuscated: z.boolean().optional(),
  hard_negative: z.boolean().optional(),
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;

export function parseCorpus(jsonl: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  jsonl.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const parsed = CorpusItemSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`line ${index + 1}: ${describeZodError(parsed.error)}`);
    items.push(parsed.data);
  });
  return items;
}

export interface Miss {
  id: string;
  label: Label;
  lang: string;
  level: string;
  score: number;
  text: string;
}

export interface CorpusReport {
  recall: { total: number; flagged: number; high: number };
  byLabel: Record<string, { total: number; flagged: number }>;
  byLang: Record<string, { scams: number; scamFlagged: number; others: number; otherFlagged: number }>;
  misses: Miss[];
}

export function evaluateCorpus(items: CorpusItem[], assess: (text: string) => Assessment): CorpusReport {
  const report: CorpusReport = { recall: { total: 0, flagged: 0, high: 0 }, byLabel: {}, byLang: {}, misses: [] };
  for (const label of LABELS) report.byLabel[label] = { total: 0, flagged: 0 };
  for (const item of items) {
    const a = assess(item.text);
    const flagged = a.level !== 'none';
    const label = report.byLabel[item.label]!;
    label.total++;
    if (flagged) label.flagged++;
    const lang = (report.byLang[item.lang] ??= { scams: 0, scamFlagged: 0, others: 0, otherFlagged: 0 });
    if (item.label === 'scam') {
      report.recall.total++;
      lang.scams++;
      if (flagged) {
        report.recall.flagged++;
        lang.scamFlagged++;
      }
      if (a.level === 'high') report.recall.high++;
    } else {
      lang.others++;
      if (flagged) lang.otherFlagged++;
    }
    if (flagged !== (item.label === 'scam')) {
      report.misses.push({ id: item.id, label: item.label, lang: item.lang, level: a.level, score: a.score, text: item.text });
    }
  }
  return report;
}
