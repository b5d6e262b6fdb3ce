import { useState } from 'preact/hooks';
import type { Level } from '../detect/types';
import type { OfficialChannel } from '../channels/schema';
import { t, type UiLanguage } from '../i18n';
import type { Reason } from './reasons';

export interface BannerActions {
  onReport(): void;
  onDismiss(): void;
  onRealJob(): void;
}

export interface BannerProps {
  level: Exclude<Level, 'none'>;
  reasons: Reason[];
  channels: OfficialChannel[];
  lang: UiLanguage;
  actions: BannerActions;
}

/** The warning shown on one post. Every string from the page arrives here as a Preact text child, never as markup. */
export function Banner({ level, reasons, channels, lang, actions }: BannerProps) {
  const [adviceOpen, setAdviceOpen] = useState(false);
  const title = t(lang, `banner.level.${level}`);
  const adviceId = 'waspada-advice';
  return (
    // lang lets screen readers speak the banner in its own language, whatever the page's.
    <section class={`banner ${level}`} role="region" aria-label={t(lang, 'banner.region')} lang={lang}>
      <p class="title">
        <WarningIcon />
        <span>{title}</span>
      </p>
      <p class="summary">{t(lang, `banner.summary.${level}`)}</p>
      {reasons.length > 0 && (
        <>
          <p class="why">{t(lang, 'banner.why')}:</p>
          <ul class="reasons">
            {reasons.map((reason) => (
              <li key={reason.family}>
                {t(lang, `reason.${reason.family}`)}
                {reason.quote && (
                  <>
                    {' — '}
                    <q class="quote">
                      {reason.quote.before}
                      <mark>{reason.quote.match}</mark>
                      {reason.quote.after}
                    </q>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="todo">
        <button class="link" type="button" aria-expanded={adviceOpen} aria-controls={adviceId} onClick={() => setAdviceOpen(!adviceOpen)}>
          {t(lang, adviceOpen ? 'banner.todo.hide' : 'banner.todo.show')}
        </button>
        {adviceOpen && (
          <div id={adviceId}>
            <ul>
              <li>{t(lang, 'banner.todo.money')}</li>
              <li>{t(lang, 'banner.todo.legal')}</li>
            </ul>
            <ul>
              {channels.map((channel) => (
                <li key={channel.name}>
                  {channel.name}: <ChannelValue channel={channel} />
                  {lang === 'en' && <span class="channel-purpose"> — {channel.purpose}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="actions">
        <button class="primary" type="button" onClick={actions.onReport}>
          {t(lang, 'banner.button.report')}
        </button>
        <button type="button" onClick={actions.onDismiss}>
          {t(lang, 'banner.button.dismiss')}
        </button>
        <button type="button" onClick={actions.onRealJob}>
          {t(lang, 'banner.button.realJob')}
        </button>
      </div>
    </section>
  );
}

/** Only verified channels become links (tap-to-call, WhatsApp or web); an unverified number is shown, never dialled. */
function ChannelValue({ channel }: { channel: OfficialChannel }) {
  if (!channel.verified || !channel.url) return <span>{channel.value}</span>;
  const external = channel.url.startsWith('https:');
  return (
    <a href={channel.url} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {channel.value}
    </a>
  );
}

function WarningIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#ffffff" />
    </svg>
  );
}
