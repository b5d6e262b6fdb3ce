import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UI_LANGUAGES, t } from '../../src/i18n';
import { getSettings, seedSettingsFromBrowser, updateSettings } from '../../src/settings';
import { WelcomePage } from '../../src/welcome/WelcomePage';
import { buttonNamed, choose, click, renderInto, spokenText, unlabelledControls } from '../helpers/render';

const ready = async (container: HTMLElement) => {
  await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull());
  return container;
};

describe('WelcomePage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.lang = '';
  });

  it('explains Waspada on one screen and asks to confirm the guess stored at install', async () => {
    await seedSettingsFromBrowser(['th-TH']);
    const { container } = await renderInto(<WelcomePage languages={[]} />);
    await ready(container);
    expect(spokenText(container.querySelector('h1')!)).toBe(t('th', 'welcome.title'));
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('th'));
    for (const key of ['welcome.point.reads', 'welcome.point.warns', 'welcome.point.helps', 'welcome.point.private']) {
      expect(spokenText(container)).toContain(t('th', key));
    }
    expect(container.querySelector<HTMLSelectElement>('select#country')!.value).toBe('TH');
    expect(container.querySelector<HTMLSelectElement>('select#ui-language')!.value).toBe('th');
    expect(unlabelledControls(container)).toEqual([]);
  });

  it('guesses from the browser when opened before anything was stored', async () => {
    const { container } = await renderInto(<WelcomePage languages={['fil-PH']} />);
    await ready(container);
    expect(container.querySelector<HTMLSelectElement>('select#country')!.value).toBe('PH');
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('fil'));
  });

  it('saving stores country and language as confirmed and says it is done', async () => {
    await seedSettingsFromBrowser(['en-US']);
    const { container } = await renderInto(<WelcomePage languages={[]} />);
    await ready(container);
    await choose(container.querySelector<HTMLSelectElement>('select#country')!, 'KE');
    await choose(container.querySelector<HTMLSelectElement>('select#ui-language')!, 'en');
    await click(buttonNamed(container, 'Yes, save'));
    await vi.waitFor(async () => expect(await getSettings()).toMatchObject({ country: 'KE', uiLanguage: 'en', countryConfirmed: true }));
    await vi.waitFor(() => expect(spokenText(container.querySelector('[role="status"]')!)).toContain('Saved.'));
    await vi.waitFor(() => expect(document.activeElement).toBe(container.querySelector('[role="status"]')));
  });

  it('changing the language re-renders the page in it before saving', async () => {
    await updateSettings({ uiLanguage: 'id' });
    const { container } = await renderInto(<WelcomePage languages={[]} />);
    await ready(container);
    await choose(container.querySelector<HTMLSelectElement>('select#ui-language')!, 'vi');
    await vi.waitFor(() => expect(spokenText(container.querySelector('h1')!)).toBe(t('vi', 'welcome.title')));
    expect((await getSettings()).uiLanguage).toBe('id');
  });

  it.each(UI_LANGUAGES.map((l) => [l]))('%s: no missing key on the page', async (lang) => {
    await updateSettings({ uiLanguage: lang });
    const { container } = await renderInto(<WelcomePage languages={[]} openOptions={() => undefined} />);
    await ready(container);
    await click(container.querySelector('button[type="submit"]')!);
    await vi.waitFor(() => expect(container.querySelector('[role="status"]')).not.toBeNull());
    expect(spokenText(container)).not.toMatch(/\b(welcome|settings|country)\.[a-z][\w.-]*/);
  });
});
