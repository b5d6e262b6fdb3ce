import { formatTime, t } from '../../i18n';
import { PAUSE_FOR_ONE_HOUR_MS, isPaused } from '../../settings';
import type { OptionsSection, OptionsSectionProps } from './types';

function Pause({ lang, settings, save }: OptionsSectionProps) {
  if (isPaused(settings)) {
    return (
      <div class="stack">
        <p>
          <span aria-hidden="true">⏸️ </span>
          {t(lang, 'options.pause.paused-until', { time: formatTime(lang, settings.pausedUntil) })}
        </p>
        <button type="button" class="primary" onClick={() => void save({ pausedUntil: 0 })}>
          {t(lang, 'common.resume')}
        </button>
      </div>
    );
  }
  return (
    <div class="stack">
      <p>
        <span aria-hidden="true">✅ </span>
        {t(lang, 'options.pause.running')}
      </p>
      <button type="button" onClick={() => void save({ pausedUntil: Date.now() + PAUSE_FOR_ONE_HOUR_MS })}>
        {t(lang, 'common.pause-hour')}
      </button>
    </div>
  );
}

export const pauseSection: OptionsSection = {
  id: 'pause',
  titleKey: 'options.section.pause',
  icon: '⏯️',
  Component: Pause,
};
