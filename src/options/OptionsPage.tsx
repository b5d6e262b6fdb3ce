import { useCallback, useState } from 'preact/hooks';
import { t } from '../i18n';
import { updateSettings, type Settings } from '../settings';
import { usePageLanguage } from '../ui/page';
import { useSettings } from '../ui/use-settings';
import { OPTIONS_SECTIONS, type OptionsSection } from './sections';

/** The options page: a header, then one <section> per entry of OPTIONS_SECTIONS. */
export function OptionsPage({ sections = OPTIONS_SECTIONS }: { sections?: readonly OptionsSection[] }) {
  const [settings, setSettings] = useSettings();
  const [status, setStatus] = useState('');
  usePageLanguage(settings?.uiLanguage ?? null, 'options.title');
  const announce = useCallback((message: string) => {
    // Clear first so the same message twice is announced twice.
    setStatus('');
    setTimeout(() => setStatus(message), 50);
  }, []);

  if (!settings) return <main class="page" aria-busy="true" />;
  const lang = settings.uiLanguage;
  const save = async (patch: Partial<Settings>) => {
    const stored = await updateSettings(patch);
    setSettings(stored);
    announce(t(stored.uiLanguage, 'common.saved'));
  };

  return (
    <main class="page">
      <header>
        <span class="icon" aria-hidden="true">
          🛡️
        </span>
        <h1>{t(lang, 'options.title')}</h1>
      </header>
      <p role="status" aria-live="polite" class={status ? 'notice success' : 'visually-hidden'}>
        {status}
      </p>
      {sections.map(({ id, titleKey, icon, Component }) => (
        <section key={id} id={id} class="section" aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>
            <span class="icon" aria-hidden="true">
              {icon}
            </span>
            {t(lang, titleKey)}
          </h2>
          <Component lang={lang} settings={settings} save={save} announce={announce} />
        </section>
      ))}
    </main>
  );
}
