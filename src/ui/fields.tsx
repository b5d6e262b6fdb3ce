import { COUNTRIES, type Country } from '../channels/schema';
import { LANGUAGE_NAMES, LANGUAGE_TAGS, UI_LANGUAGES, t, type UiLanguage } from '../i18n';

interface SelectProps<T> {
  id: string;
  lang: UiLanguage;
  value: T;
  onChange(value: T): void;
}

/** Country of origin: decides the helplines. Labelled, with a one-line reason under the label. */
export function CountrySelect({ id, lang, value, onChange }: SelectProps<Country>) {
  return (
    <div>
      <label class="field" for={id}>
        {t(lang, 'settings.country.label')}
      </label>
      <p class="muted" id={`${id}-help`}>
        {t(lang, 'settings.country.help')}
      </p>
      <select
        id={id}
        aria-describedby={`${id}-help`}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value as Country)}
      >
        {COUNTRIES.map((country) => (
          <option key={country} value={country}>
            {t(lang, `country.${country}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** UI language; each option is written in its own language so readers find theirs whatever the page is in. */
export function LanguageSelect({ id, lang, value, onChange }: SelectProps<UiLanguage>) {
  return (
    <div>
      <label class="field" for={id}>
        <span class="icon" aria-hidden="true">
          🗣️
        </span>
        {t(lang, 'settings.language.label')}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as UiLanguage)}>
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={LANGUAGE_TAGS[language]}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
