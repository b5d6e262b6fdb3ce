/**
 * Detector evaluation on the labelled corpus: `npm run eval [-- FILE]` (default tests/fixtures/corpus.jsonl).
 * Prints recall on scams, the false-flag rate per label and per language (flagged = level high or caution), and
 * lists the misses: scams not flagged and other posts flagged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assessPost, type Assessment } from '../src/detect';
import { evaluateCorpus, parseCorpus } from './corpus-eval';

const file = process.argv.slice(2).find((a) => a !== '--') ?? fileURLToPath(new URL('../tests/fixtures/corpus.jsonl', import.meta.url));
let items;
try {
  items = parseCorpus(readFileSync(file, 'utf8'));
} catch (error) {
  process.stderr.write(`eval: cannot read ${file}: ${(error as Error).message}\n`);
  process.exit(2);
}
const report = evaluateCorpus(items, (text): Assessment => assessPost(text));

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');
const pad = (s: string, n: number) => s.padEnd(n);

console.log(`Corpus: ${file} (${items.length} posts)\n`);
console.log(`Scam recall: ${pct(report.recall.flagged, report.recall.total)} (${report.recall.flagged}/${report.recall.total} flagged; ${report.recall.high} high)\n`);
console.log('Flagged (high or caution) per label:');
for (const [label, row] of Object.entries(report.byLabel)) {
  console.log(`  ${pad(label, 16)} ${pad(pct(row.flagged, row.total), 7)} ${row.flagged}/${row.total}${label === 'scam' ? '  (recall)' : '  (false flags)'}`);
}
console.log('\nPer language: scam recall | false flags on the other labels');
for (const [lang, row] of Object.entries(report.byLang)) {
  console.log(`  ${pad(lang, 4)} recall ${pad(pct(row.scamFlagged, row.scams), 7)} (${row.scamFlagged}/${row.scams})   false flags ${pad(pct(row.otherFlagged, row.others), 7)} (${row.otherFlagged}/${row.others})`);
}
console.log(`\nMisses (${report.misses.length}):`);
for (const miss of report.misses) {
  const excerpt = miss.text.replace(/\s+/g, ' ').slice(0, 110);
  console.log(`  ${pad(miss.id, 14)} ${pad(miss.label, 16)} ${pad(miss.lang, 3)} ${pad(miss.level, 8)} ${miss.score.toFixed(3)}  ${excerpt}`);
}
