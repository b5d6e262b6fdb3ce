import { describe, expect, it } from 'vitest';
import { csvCell, reportsToCsv, reportsToJson } from '../../src/report/export';
import { makeReport } from './make-report';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+6281234567890', "'+6281234567890"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    [' leading space', '" leading space"'],
    ['', ''],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('reportsToCsv', () => {
  it('writes one header and one row per report, and a spreadsheet reads each cell back whole', () => {
    const csv = reportsToCsv([
      makeReport({ note: '=cmd|calc' }),
      makeReport({ id: '7f1c2b1e-8a47-4d2b-9c53-2f5e0d7a9b10', delivery: { state: 'failed', code: 'refused', attempts: 2, permanent: true, nextAttemptAt: null, reason: 'HTTP 422, "bad"' } }),
    ]);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('note');
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('note')]).toBe("'=cmd|calc");
    expect(rows[1]![col('contacts')]).toBe('whatsapp:+6281234567890');
    expect(rows[2]![col('failure')]).toBe('HTTP 422, "bad"');
    expect(rows[2]![col('status')]).toBe('failed');
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });
});

describe('reportsToJson', () => {
  it('exports reports and the records set aside', () => {
    const json = JSON.parse(reportsToJson([makeReport()], [{ raw: { id: 'x' }, reason: 'id: Invalid UUID', at: 1 }], 0));
    expect(json.reports[0].id).toBe(makeReport().id);
    expect(json.setAside[0].reason).toBe('id: Invalid UUID');
  });
});

/** A small RFC 4180 reader, as a spreadsheet would read the file. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && csv[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}
