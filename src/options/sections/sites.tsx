import { t } from '../../i18n';
import { SITES } from '../../sites/site-list';
import type { OptionsSection, OptionsSectionProps } from './types';

function Sites({ lang, settings, save }: OptionsSectionProps) {
  const toggle = (siteId: string, enabled: boolean) => {
    const others = settings.disabledSites.filter((id) => id !== siteId);
    return save({ disabledSites: enabled ? others : [...others, siteId] });
  };
  return (
    <fieldset>
      <legend>{t(lang, 'options.sites.legend')}</legend>
      {SITES.map((site) => (
        <label key={site.id} class="choice">
          <input
            type="checkbox"
            name="site"
            value={site.id}
            checked={!settings.disabledSites.includes(site.id)}
            onChange={(event) => void toggle(site.id, event.currentTarget.checked)}
          />
          <span>{site.name}</span>
        </label>
      ))}
    </fieldset>
  );
}

export const sitesSection: OptionsSection = {
  id: 'sites',
  titleKey: 'options.section.sites',
  icon: '🖥️',
  Component: Sites,
};
