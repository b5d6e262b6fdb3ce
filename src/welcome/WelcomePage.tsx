import { useEffect, useRef, useState } from 'preact/hooks';
import type { Country } from '../channels/schema';
import { t, type UiLanguage } from '../i18n';
import { browserLanguages, guessedSettings, hasStoredSettings, updateSettings } from '../settings';
import { CountrySelect, LanguageSelect } from '../ui/fields';
import { usePageLanguage } from '../ui/page';
import { useSettings } from '../ui/use-settings';

const POINTS: ReadonlyArray<{ key: string; icon: string }> = [
  { key: 'welcome.point.reads', icon: '👀' },
  { key: 'welcome.point.warns', icon: '⚠️' },
  { key: 'welcome.point.helps', icon: '☎️' },
  { key: 'welcome.point.private', icon: '🔒' },
];

interface WelcomePageProps {
  /** The browser's languages (navigator's by default), used for the guess when nothing was stored at install. */
  languages?: readonly string[];
  openOptions?: () => void;
}

/** One screen: what Waspada does, then "is this your country and language?", saved as confirmed. */
export function WelcomePage({ languages, openOptions }: WelcomePageProps) {
  const [settings] = useSettings();
  const [country, setCountry] = useState<Country | null>(null);
  const [lang, setLang] = useState<UiLanguage | null>(null);
  const [saved, setSaved] = useState(false);
  const done = useRef<HTMLDivElement>(null);

  // Start from what is stored (the install-time guess), or guess now if this page was opened before anything was stored.
  useEffect(() => {
    if (!settings || country) return;
    void hasStoredSettings().then((stored) => {
      const start = stored || settings.countryConfirmed ? settings : guessedSettings(languages ?? browserLanguages());
      setCountry(start.country);
      setLang(start.uiLanguage);
    });
  }, [settings, country, languages]);

  useEffect(() => {
    if (saved) done.current?.focus();
  }, [saved]);

  usePageLanguage(lang, 'welcome.title');
  if (!country || !lang) return <main class="page" aria-busy="true" />;

  const confirm = async (event: Event) => {
    event.preventDefault();
    await updateSettings({ country, uiLanguage: lang, countryConfirmed: true });
    setSaved(true);
  };

  return (
    <main class="page">
      <header>
        <span class="icon" aria-hidden="true">
          🛡️
        </span>
        <h1>{t(lang, 'welcome.title')}</h1>
      </header>
      <p>{t(lang, 'welcome.intro')}</p>
      <ul class="plain-list">
        {POINTS.map(({ key, icon }) => (
          <li key={key} class="row">
            <span class="icon" aria-hidden="true">
              {icon}
            </span>
            <span>{t(lang, key)}</span>
          </li>
        ))}
      </ul>
      <form class="section" onSubmit={(event) => void confirm(event)} aria-labelledby="confirm-title">
        <h2 id="confirm-title">{t(lang, 'welcome.confirm.title')}</h2>
        <CountrySelect id="country" lang={lang} value={country} onChange={(next) => (setCountry(next), setSaved(false))} />
        <LanguageSelect id="ui-language" lang={lang} value={lang} onChange={(next) => (setLang(next), setSaved(false))} />
        <p>
          <button type="submit" class="primary">
            <span aria-hidden="true">✅ </span>
            {t(lang, 'welcome.confirm.button')}
          </button>
        </p>
        {saved && (
          <div class="notice success" role="status" tabIndex={-1} ref={done}>
            <p>{t(lang, 'welcome.saved')}</p>
            {openOptions && (
              <button type="button" class="link-like" onClick={openOptions}>
                {t(lang, 'welcome.open-settings')}
              </button>
            )}
          </div>
        )}
      </form>
    </main>
  );
}
