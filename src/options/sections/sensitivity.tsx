import { t } from '../../i18n';
import type { Settings } from '../../settings';
import type { OptionsSection, OptionsSectionProps } from './types';

const CHOICES: ReadonlyArray<{ value: Settings['sensitivity']; icon: string }> = [
  { value: 'all', icon: '🟠' },
  { value: 'high', icon: '🔴' },
];

function Sensitivity({ lang, settings, save }: OptionsSectionProps) {
  return (
    <fieldset>
      <legend>{t(lang, 'options.sensitivity.legend')}</legend>
      {CHOICES.map(({ value, icon }) => (
        <label key={value} class="choice">
          <input
            type="radio"
            name="sensitivity"
            value={value}
            checked={settings.sensitivity === value}
            onChange={() => void save({ sensitivity: value })}
          />
          <span class="icon" aria-hidden="true">
            {icon}
          </span>
          <span>{t(lang, `options.sensitivity.${value}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export const sensitivitySection: OptionsSection = {
  id: 'sensitivity',
  titleKey: 'options.section.sensitivity',
  icon: '🎚️',
  Component: Sensitivity,
};
