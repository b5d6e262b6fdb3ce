import { t } from '../../i18n';
import { CountrySelect, LanguageSelect } from '../../ui/fields';
import type { OptionsSection, OptionsSectionProps } from './types';

function CountryAndLanguage({ lang, settings, save }: OptionsSectionProps) {
  return (
    <div class="stack">
      {!settings.countryConfirmed && (
        <div class="notice warning" id="country-unconfirmed">
          <p>
            <span aria-hidden="true">❓ </span>
            {t(lang, 'options.country.unconfirmed')}
          </p>
          <button type="button" class="primary" onClick={() => void save({ countryConfirmed: true })}>
            {t(lang, 'options.country.confirm')}
          </button>
        </div>
      )}
      <CountrySelect
        id="country"
        lang={lang}
        value={settings.country}
        onChange={(country) => void save({ country, countryConfirmed: true })}
      />
      <LanguageSelect id="ui-language" lang={lang} value={settings.uiLanguage} onChange={(uiLanguage) => void save({ uiLanguage })} />
    </div>
  );
}

export const countryLanguageSection: OptionsSection = {
  id: 'country-language',
  titleKey: 'options.section.country-language',
  icon: '🌏',
  Component: CountryAndLanguage,
};
