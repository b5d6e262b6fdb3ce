import { checklistFor } from '../../checklist';
import { t } from '../../i18n';
import type { OptionsSection, OptionsSectionProps } from './types';

function Checklist({ lang, settings }: OptionsSectionProps) {
  return (
    <ol class="plain-list">
      {checklistFor(settings.country, lang).map((step) => (
        <li key={step.id} class="row" data-step={step.id}>
          <span class="icon" aria-hidden="true">
            ☑️
          </span>
          <div>
            <div>{step.text}</div>
            {step.channel?.url && !step.channel.url.startsWith('tel:') && (
              <div>
                {t(lang, 'checklist.check-here')}{' '}
                <a href={step.channel.url} target="_blank" rel="noopener noreferrer">
                  {step.channel.name}
                </a>
              </div>
            )}
            {step.channel?.url?.startsWith('tel:') && (
              <div>
                {t(lang, 'checklist.call')}{' '}
                <a href={step.channel.url} aria-label={t(lang, 'channel.action.call', { number: step.channel.value })}>
                  {step.channel.value}
                </a>{' '}
                ({step.channel.name})
              </div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

export const checklistSection: OptionsSection = {
  id: 'checklist',
  titleKey: 'options.section.checklist',
  icon: '✅',
  Component: Checklist,
};
