import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../../src/options/OptionsPage';
import { updateSettings } from '../../../src/settings';
import { getEffectiveProfile, refreshProfile } from '../../../src/ngo/store';
import { activePackItem, updateStatusItem, SHIPPED_PACK_VERSION } from '../../../src/ngo/rule-updates';
import { generateSigningKey } from '../../../scripts/rule-signing';
import { packWith } from '../../ngo/helpers';
import { buttonNamed, click, renderInto, unlabelledControls, visibleText } from '../../helpers/render';

const { publicKey } = generateSigningKey();
const profile = (extra: Record<string, unknown> = {}) => ({
  format: 1,
  organisation: { name: 'Yayasan Contoh' },
  channels: [{ id: 'contoh-helpline', name: 'Yayasan Contoh helpline', kind: 'hotline', value: '+62 21 5550 0100', purpose: 'ask-or-report-job', source: 'own number', verifiedOn: '2026-11-22', verified: false }],
  reportEndpoint: 'https://example.org/reports',
  ruleUpdates: { url: 'https://rules.example.org/pack.json', publicKey },
  ...extra,
});

async function openSection() {
  const { container } = await renderInto(<OptionsPage />);
  await vi.waitFor(() => expect(container.querySelector('section#organisation [data-profile-source]')).not.toBeNull());
  return container.querySelector<HTMLElement>('section#organisation')!;
}

/** What a user's file picker hands the page. */
async function pickFile(input: HTMLInputElement, name: string, text: string) {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('options: organisation profile', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await updateSettings({ uiLanguage: 'en', countryConfirmed: true });
  });

  it('says when no profile applies, and every import control is labelled', async () => {
    const section = await openSection();
    expect(visibleText(section)).toContain('No organisation profile: Waspada works as it was shipped.');
    expect(visibleText(section)).toContain(`In use: the rules that came with Waspada (version ${SHIPPED_PACK_VERSION}).`);
    expect(unlabelledControls(section)).toEqual([]);
  });

  it('refuses a bad file naming the fields, then imports a good one and shows it', async () => {
    const section = await openSection();
    const input = section.querySelector<HTMLInputElement>('#org-import-file')!;
    await pickFile(input, 'broken.json', JSON.stringify({ format: 1, organisation: { name: '' }, reportEndpoint: 'http://x.org' }));
    await vi.waitFor(() => expect(section.querySelector('[role="alert"]')).not.toBeNull());
    const alert = visibleText(section.querySelector('[role="alert"]')!);
    expect(alert).toContain('Not imported; the profile in use stays.');
    expect(alert).toMatch(/organisation\.name: .*reportEndpoint: must be an https:\/\/ address/);
    expect((await getEffectiveProfile()).source).toBe('default');

    await pickFile(input, 'yayasan.json', JSON.stringify(profile()));
    await vi.waitFor(() => expect(section.querySelector('[data-profile-source="imported"]')).not.toBeNull());
    expect(section.querySelector('[role="alert"]')).toBeNull();
    expect(visibleText(section)).toMatch(/Imported from yayasan\.json on /);
    expect(visibleText(section)).toContain('Yayasan Contoh helpline');
    expect(visibleText(section)).toContain('https://example.org/reports');

    await click(buttonNamed(section, 'Remove the imported profile'));
    await vi.waitFor(() => expect(section.querySelector('[data-profile-source="default"]')).not.toBeNull());
  });

  it('under a policy: no import, and a bad policy shows its problem while the last good one stays', async () => {
    await fakeBrowser.storage.managed.set(profile());
    await refreshProfile(browser);
    await fakeBrowser.storage.managed.set(profile({ organisation: { name: 'Yayasan Contoh', logo: 'https://example.org/logo.png' } }));
    await refreshProfile(browser);
    const section = await openSection();
    expect(visibleText(section)).toContain("Set by your organisation's administrator (enterprise policy).");
    expect(visibleText(section)).toContain('importing is turned off');
    expect(section.querySelector('#org-import-file')).toBeNull();
    const alert = visibleText(section.querySelector('[role="alert"]')!);
    expect(alert).toContain('The policy has problems, so the last good profile stays in use:');
    expect(alert).toContain('organisation.logo: must be a data:image/png');
  });

  it('shows the downloaded rules in use, a refused download with its reason, and rolls back', async () => {
    await fakeBrowser.storage.managed.set(profile());
    await refreshProfile(browser);
    await activePackItem.setValue({ version: '2099.1.1-1', pack: packWith('2099.1.1-1'), publicKey, url: 'https://rules.example.org/pack.json', installedAt: Date.UTC(2026, 10, 21) });
    await updateStatusItem.setValue({
      publicKey, url: 'https://rules.example.org/pack.json', highestVersion: '2099.1.1-1', lastCheckAt: Date.UTC(2026, 10, 22),
      last: { outcome: 'rejected', code: 'bad-signature', detail: 'the signature does not match the pack', at: Date.UTC(2026, 10, 22) },
    });
    const section = await openSection();
    await vi.waitFor(() => expect(section.querySelector('[data-rule-pack="2099.1.1-1"]')).not.toBeNull());
    expect(visibleText(section)).toContain('In use: update 2099.1.1-1 from https://rules.example.org/pack.json, installed on');
    expect(visibleText(section)).toContain('the download was refused (the signature does not match). The rules in use stay.');
    expect(visibleText(section)).toContain('the signature does not match the pack');

    await click(buttonNamed(section, 'Go back to the rules that came with Waspada'));
    await vi.waitFor(() => expect(section.querySelector('[data-rule-pack="shipped"]')).not.toBeNull());
    expect(visibleText(section)).toContain('you went back to the rules that came with Waspada');
  });
});
