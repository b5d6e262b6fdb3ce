import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../src/options/OptionsPage';
import { OPTIONS_SECTIONS } from '../../src/options/sections';
import { safeWebUrl } from '../../src/options/sections/feedback';
import { LANGUAGE_TAGS, UI_LANGUAGES, t } from '../../src/i18n';
import { dismissPost, getDismissedPosts, getRealJobFeedback, getSettings, markRealJob, updateSettings, type PostFeedback } from '../../src/settings';
import { buttonNamed, choose, click, renderInto, spokenText, unlabelledControls } from '../helpers/render';

const loaded = async (container: HTMLElement) => {
  await vi.waitFor(() => expect(container.querySelector('section#country-language')).not.toBeNull());
  return container;
};
const section = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`section#${id}`)!;
const post = (key: string, patch: Partial<PostFeedback> = {}): PostFeedback => ({
  key,
  site: 'facebook',
  excerpt: `Dicari admin ${key}`,
  url: `https://www.facebook.com/groups/1/posts/${key}`,
  at: Date.UTC(2026, 10, 20),
  ...patch,
});

describe('options sections', () => {
  it('every file in src/options/sections is a section on the page, with a unique id', () => {
    const files = readdirSync(join(process.cwd(), 'src/options/sections'))
      .filter((name) => name.endsWith('.tsx'))
      .map((name) => name.replace(/\.tsx$/, ''));
    expect(OPTIONS_SECTIONS.map((s) => s.id).sort()).toEqual(files.sort());
    expect(new Set(OPTIONS_SECTIONS.map((s) => s.id)).size).toBe(OPTIONS_SECTIONS.length);
  });
});

describe('OptionsPage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    document.documentElement.lang = '';
  });

  it('shows every section with a heading, labels every control, and sets the page language', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    for (const { id, titleKey } of OPTIONS_SECTIONS) {
      const heading = section(container, id).querySelector('h2')!;
      expect(spokenText(heading)).toBe(t('en', titleKey));
      expect(section(container, id).getAttribute('aria-labelledby')).toBe(heading.id);
    }
    expect(unlabelledControls(container)).toEqual([]);
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(document.title).toBe('Waspada settings');
  });

  it('changing the country saves it as confirmed and shows that country’s channels and checklist', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    expect(section(container, 'channels').querySelector('[data-channel="kp2mi-call"]')).not.toBeNull();

    await choose(container.querySelector<HTMLSelectElement>('select#country')!, 'PH');
    await vi.waitFor(async () => expect(await getSettings()).toMatchObject({ country: 'PH', countryConfirmed: true }));
    await vi.waitFor(() => expect(section(container, 'channels').querySelector('[data-channel="dmw-agencies"]')).not.toBeNull());
    expect(section(container, 'channels').querySelector('[data-channel="kp2mi-call"]')).toBeNull();
    expect(spokenText(section(container, 'channels'))).toContain('Official helplines for people from Philippines:');
    const agencyStep = section(container, 'checklist').querySelector('[data-step="licensed-agency"] a')!;
    expect(agencyStep.getAttribute('href')).toBe('https://dmw.gov.ph/licensed-recruitment-agencies');
    expect(section(container, 'checklist').querySelector('[data-step="not-placement-kh-mm"]')).toBeNull();
  });

  it('an unconfirmed guess is pointed out until the user confirms it', async () => {
    await updateSettings({ uiLanguage: 'en', country: 'VN', countryConfirmed: false });
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    expect(container.querySelector('#country-unconfirmed')).not.toBeNull();
    await click(buttonNamed(container, 'Yes, this is my country'));
    await vi.waitFor(async () => expect(await getSettings()).toMatchObject({ country: 'VN', countryConfirmed: true }));
    await vi.waitFor(() => expect(container.querySelector('#country-unconfirmed')).toBeNull());
  });

  it('sensitivity, sites and pause changes are stored and announced', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);

    await choose(container.querySelector<HTMLInputElement>('input[name="sensitivity"][value="high"]')!);
    await vi.waitFor(async () => expect((await getSettings()).sensitivity).toBe('high'));
    await vi.waitFor(() => expect(spokenText(container.querySelector('[role="status"]')!)).toBe('Saved'));

    await choose(container.querySelector<HTMLInputElement>('input[name="site"][value="telegram-k"]')!);
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual(['telegram-k']));
    await vi.waitFor(() => expect(container.querySelector<HTMLInputElement>('input[value="telegram-k"]')!.checked).toBe(false));
    await choose(container.querySelector<HTMLInputElement>('input[name="site"][value="telegram-k"]')!);
    await vi.waitFor(async () => expect((await getSettings()).disabledSites).toEqual([]));

    await click(buttonNamed(section(container, 'pause'), 'Pause for 1 hour'));
    await vi.waitFor(async () => expect((await getSettings()).pausedUntil).toBeGreaterThan(Date.now() + 59 * 60_000));
    await click(buttonNamed(section(container, 'pause'), 'Turn on again'));
    await vi.waitFor(async () => expect((await getSettings()).pausedUntil).toBe(0));
  });

  it('follows changes made elsewhere (popup, another tab)', async () => {
    await updateSettings({ uiLanguage: 'en' });
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    await updateSettings({ disabledSites: ['x'] });
    await vi.waitFor(() => expect(container.querySelector<HTMLInputElement>('input[value="x"]')!.checked).toBe(false));
  });

  it.each(UI_LANGUAGES.map((lang) => [lang]))('switching to %s re-renders every section in it, with no missing key', async (lang) => {
    await updateSettings({ uiLanguage: lang === 'en' ? 'id' : 'en' });
    await dismissPost(post('a'));
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    await choose(container.querySelector<HTMLSelectElement>('select#ui-language')!, lang);
    await vi.waitFor(() => expect(document.documentElement.lang).toBe(LANGUAGE_TAGS[lang]));
    await vi.waitFor(() => expect(spokenText(container.querySelector('h1')!)).toBe(t(lang, 'options.title')));
    const text = spokenText(container);
    expect(text).not.toMatch(/\b(options|channel|checklist|country|settings|common|popup)\.[a-z][\w.-]*/);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(text).toContain(t(lang, 'checklist.item.no-tourist-visa'));
    expect(text).toContain(t(lang, 'channel.purpose.check-job-and-agency'));
    expect(unlabelledControls(container)).toEqual([]);
    expect((await getSettings()).uiLanguage).toBe(lang);
  });

  it('lists dismissed and real-job posts; undo removes one, keeps focus in the list and says so', async () => {
    await updateSettings({ uiLanguage: 'en' });
    await dismissPost(post('a'));
    await dismissPost(post('b', { excerpt: '<img src=x onerror="alert(1)"> Gaji 15jt', url: 'javascript:alert(1)' }));
    await markRealJob(post('c'));
    const { container } = await renderInto(<OptionsPage />);
    await loaded(container);
    const feedback = section(container, 'feedback');
    await vi.waitFor(() => expect(feedback.querySelectorAll('[data-key]')).toHaveLength(3));

    const hostile = feedback.querySelector('[data-key="b"]')!;
    expect(hostile.querySelector('img')).toBeNull();
    expect(spokenText(hostile)).toContain('<img src=x onerror="alert(1)"> Gaji 15jt');
    expect(hostile.querySelector('a')).toBeNull();
    expect(feedback.querySelector('[data-key="a"] a')!.getAttribute('href')).toBe('https://www.facebook.com/groups/1/posts/a');

    await click(buttonNamed(feedback.querySelector('[data-key="a"]')!, 'Undo'));
    await vi.waitFor(async () => expect((await getDismissedPosts()).map((e) => e.key)).toEqual(['b']));
    await vi.waitFor(() => expect(feedback.querySelector('[data-key="a"]')).toBeNull());
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('feedback-dismissed-title'));
    await vi.waitFor(() => expect(spokenText(container.querySelector('[role="status"]')!)).toBe('Done. The warning will show again on that post.'));
    expect((await getRealJobFeedback()).map((e) => e.key)).toEqual(['c']);

    await click(buttonNamed(feedback.querySelector('[data-key="c"]')!, 'Undo'));
    await vi.waitFor(async () => expect(await getRealJobFeedback()).toEqual([]));
    await vi.waitFor(() => expect(spokenText(feedback)).toContain('Nothing here yet.'));
  });

  it.each([
    ['https://www.facebook.com/x', 'https://www.facebook.com/x'],
    ['http://m.facebook.com/story.php?id=1', 'http://m.facebook.com/story.php?id=1'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['not a url', null],
  ])('post links: %s → %s', (url, expected) => {
    expect(safeWebUrl(url)).toBe(expected);
  });
});
