import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportsSection } from '../../../src/options/sections/reports';
import type { ReportView } from '../../../src/report/client';
import type { ReportActionMessage } from '../../../src/report/messages';
import { makeReport } from '../../report/make-report';

let root: HTMLElement;
let sent: ReportActionMessage[];
let downloads: Array<{ name: string; type: string; content: string }>;

const VIEW: ReportView = {
  reports: [
    makeReport({ updatedAt: 3, delivery: { state: 'delivered', attempts: 1, deliveredAt: 0, receipt: 'r' } }),
    makeReport({ id: '7f1c2b1e-8a47-4d2b-9c53-2f5e0d7a9b10', key: 'k2', updatedAt: 2, delivery: { state: 'failed', code: 'refused', attempts: 3, permanent: true, nextAttemptAt: null, reason: 'The receiver refused the report (HTTP 422).' } }),
    makeReport({ id: '8f1c2b1e-8a47-4d2b-9c53-2f5e0d7a9b10', key: 'k3', updatedAt: 1, shares: [{ channel: 'whatsapp', at: 1 }] }),
  ],
  setAside: [{ raw: 'junk', reason: '(root): bad', at: 0 }],
  lang: 'en',
  channels: [],
  destination: null,
  destinationFromProfile: null,
};

beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  sent = [];
  downloads = [];
  await act(() =>
    render(
      <ReportsSection
        lang="en"
        act={async (m) => void sent.push(m)}
        watch={(cb) => (cb(VIEW), () => {})}
        download={(name, type, content) => void downloads.push({ name, type, content })}
        confirm={() => true}
      />,
      root,
    ),
  );
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const row = (id: string) => root.querySelector<HTMLElement>(`[data-report-id="${id}"]`)!;

describe('ReportsSection', () => {
  it('lists every report with its status, newest first', () => {
    const statuses = [...root.querySelectorAll('[data-report-id]')].map((r) => r.getAttribute('data-status'));
    expect(statuses).toEqual(['delivered', 'failed', 'saved']);
    expect(row(VIEW.reports[1]!.id).textContent).toContain('Not sent: the receiver refused the report.');
    expect(row(VIEW.reports[2]!.id).textContent).toContain('You also sent it by: WhatsApp');
    expect(root.textContent).toContain('1 saved reports could not be read');
  });

  it('offers retry only for failed reports, and retry and delete ask the background', async () => {
    expect(row(VIEW.reports[0]!.id).querySelector('[data-action=retry]')).toBeNull();
    await act(() => row(VIEW.reports[1]!.id).querySelector<HTMLButtonElement>('[data-action=retry]')!.click());
    await act(() => row(VIEW.reports[2]!.id).querySelector<HTMLButtonElement>('[data-action=delete]')!.click());
    expect(sent).toEqual([
      { type: 'waspada:report-send', id: VIEW.reports[1]!.id },
      { type: 'waspada:report-delete', id: VIEW.reports[2]!.id },
    ]);
  });

  it('exports all reports as JSON (with those set aside) and as CSV', async () => {
    await act(() => root.querySelector<HTMLButtonElement>('[data-action=export-json]')!.click());
    await act(() => root.querySelector<HTMLButtonElement>('[data-action=export-csv]')!.click());
    const [json, csv] = downloads;
    expect(json!.name).toMatch(/^waspada-reports-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(json!.content).reports).toHaveLength(3);
    expect(JSON.parse(json!.content).setAside).toHaveLength(1);
    expect(csv!.type).toBe('text/csv');
    expect(csv!.content.trim().split('\r\n')).toHaveLength(4);
  });

  it('saves the organisation that receives reports', async () => {
    const form = root.querySelector('form.destination')!;
    const set = (name: string, value: string) => {
      const input = form.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    await act(() => {
      set('name', 'Migrant Care');
      set('url', 'https://ngo.example/reports');
    });
    await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(sent).toEqual([{ type: 'waspada:report-destination', destination: { name: 'Migrant Care', url: 'https://ngo.example/reports' } }]);
  });

  it("names the organisation whose profile sets the receiver, and offers no editor then", async () => {
    const view: ReportView = { ...VIEW, destination: { name: 'Yayasan Contoh', url: 'https://ngo.example/r' }, destinationFromProfile: 'Yayasan Contoh' };
    await act(() => render(<ReportsSection lang="en" act={async (m) => void sent.push(m)} watch={(cb) => (cb(view), () => {})} />, root));
    expect(root.querySelector('form.destination')).toBeNull();
    expect(root.querySelector('[data-destination-from-profile]')!.textContent).toBe(
      'Reports are sent to Yayasan Contoh (https://ngo.example/r), as its organisation profile says.',
    );
  });
});
