import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfficialChannel } from '../../src/channels/schema';
import { ReportForm } from '../../src/report/form';
import type { ReportActionMessage } from '../../src/report/messages';
import type { StoredReport } from '../../src/report/schema';
import { makeReport } from './make-report';

const HOTLINE: OfficialChannel = {
  id: 'kp2mi-whatsapp',
  purposeKey: 'ask-or-report-job',
  name: 'KP2MI WhatsApp',
  kind: 'whatsapp',
  value: '0811-8080-141',
  url: 'https://wa.me/628118080141',
  purpose: 'report',
  source: 's',
  verifiedOn: '2026-11-22',
  verified: true,
};

let root: HTMLElement;
let sent: ReportActionMessage[];
const act$ = async (message: ReportActionMessage) => void sent.push(message);

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  sent = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function show(report: StoredReport, destination: { name: string; url: string } | null = null) {
  await act(() => render(<ReportForm report={report} lang="en" channels={[HOTLINE]} destination={destination} act={act$} />, root));
}
const q = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector);

describe('ReportForm', () => {
  it('shows everything that would be sent, each field with a ticked checkbox', async () => {
    await show(makeReport());
    const fields = [...root.querySelectorAll('[data-field]')].map((f) => f.getAttribute('data-field'));
    expect(fields).toEqual(['postText', 'permalink', 'pageUrl', 'author', 'seenAt', 'contacts', 'reasons', 'note']);
    expect(root.querySelectorAll('input[type=checkbox]:checked')).toHaveLength(8);
    expect(q('[data-field=postText]')!.textContent).toContain('Lowongan CS Kamboja');
    expect(q('[data-field=author]')!.textContent).toContain('Rina HRD');
    expect(q('[data-field=contacts]')!.textContent).toContain('WhatsApp: +6281234567890');
    expect(q('[data-field=reasons]')!.textContent).toContain('Risky country or place: “Kamboja”');
    expect(sent).toEqual([]);
  });

  it('renders hostile post text as text', async () => {
    await show(makeReport({ post: { ...makeReport().post, text: '<img src=x onerror="window.pwned=1">Loker' } }));
    expect(q('[data-field=postText] img')).toBeNull();
    expect(q('[data-field=postText]')!.textContent).toContain('<img src=x');
  });

  it('unticking a field asks the background to leave it out', async () => {
    await show(makeReport());
    const box = q<HTMLInputElement>('[data-field=author] input[type=checkbox]')!;
    await act(() => {
      box.checked = false;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(sent).toEqual([{ type: 'waspada:report-edit', id: makeReport().id, included: { author: false } }]);
  });

  it('offers "Send to <NGO>" only when an organisation is set up, and sends only on press', async () => {
    await show(makeReport());
    expect(q('[data-action=send-ngo]')).toBeNull();
    await show(makeReport(), { name: 'Migrant Care', url: 'https://ngo.example/r' });
    const button = q<HTMLButtonElement>('[data-action=send-ngo]')!;
    expect(button.textContent).toBe('Send to Migrant Care');
    expect(sent).toEqual([]);
    await act(() => button.click());
    expect(sent).toContainEqual({ type: 'waspada:report-send', id: makeReport().id });
  });

  it('a delivered report cannot be sent to the NGO again', async () => {
    await show(makeReport({ delivery: { state: 'delivered', attempts: 1, deliveredAt: 0, receipt: 'r' } }), { name: 'NGO', url: 'https://ngo.example' });
    expect(q<HTMLButtonElement>('[data-action=send-ngo]')!.disabled).toBe(true);
    expect(q('[data-status=delivered]')).not.toBeNull();
  });

  it('links WhatsApp to the official hotline with the report text, email, and the platform’s report page', async () => {
    await show(makeReport({ included: { ...makeReport().included, contacts: false } }));
    const wa = new URL(q<HTMLAnchorElement>('[data-action=send-whatsapp]')!.href);
    expect(wa.pathname).toBe('/628118080141');
    expect(wa.searchParams.get('text')).toContain('Lowongan CS Kamboja');
    expect(wa.searchParams.get('text')).not.toContain('+6281234567890');
    expect(q<HTMLAnchorElement>('[data-action=send-email]')!.href).toMatch(/^mailto:\?subject=/);
    expect(q<HTMLAnchorElement>('[data-action=report-platform]')!.textContent).toContain('Report on Facebook');
  });

  it('shows why a delivery failed and when it will be tried again', async () => {
    await show(makeReport({ delivery: { state: 'failed', code: 'server-error', attempts: 2, permanent: false, nextAttemptAt: Date.parse('2026-11-22T10:00:00Z'), reason: 'The receiver had a problem (HTTP 500).' } }));
    expect(q('[data-status=failed]')!.textContent).toContain('Not sent: the receiver had a problem.');
    expect(q('[data-status=failed]')!.textContent).toContain('(The receiver had a problem (HTTP 500).)');
    expect(q('[data-status=failed]')!.textContent).toContain('Will try again at');
  });
});
