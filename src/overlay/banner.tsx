import { useState } from 'preact/hooks';
import type { Level } from '../detect/types';
import type { OfficialChannel } from '../channels/schema';
import type { Reason } from './reasons';

/**
 * What a banner says besides the post's own words, in the user's language: its strings, the official channels of
 * the user's country, and the organisation whose profile applies. The background makes it (see ./kit.ts): the
 * content script carries no locale, channel or profile data of its own, only this.
 */
export interface BannerKit {
  /** BCP 47 tag of the strings' language, for the banner's `lang` attribute. */
  lang: string;
  /** UI strings by key (`banner.*`, `reason.*`, ...); `{name}` placeholders are filled where shown. */
  text: Record<string, string>;
  /** Most useful first. */
  channels: OfficialChannel[];
  /** The organisation whose profile applies (named, its own channels shown first); absent without a profile. */
  organisation?: BannerOrganisation | null;
  /** False when the organisation turned reporting off. */
  canReport?: boolean;
}

export interface BannerActions {
  onReport(): void;
  onDismiss(): void;
  onRealJob(): void;
}

/** The organisation that distributes Waspada here (its NGO profile): named, with its own channels first. */
export interface BannerOrganisation {
  name: string;
  /** A data:image URL from the profile, drawn as <img> (never inline markup). */
  logo?: string;
  channels: OfficialChannel[];
}

export interface BannerProps {
  level: Exclude<Level, 'none'>;
  reasons: Reason[];
  kit: BannerKit;
  actions: BannerActions;
}

/** The warning shown on one post. Every string from the page arrives here as a Preact text child, never as markup. */
export function Banner({ level, reasons, kit, actions }: BannerProps) {
  const [adviceOpen, setAdviceOpen] = useState(false);
  const t = (key: string, params: Record<string, string> = {}) =>
    (kit.text[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  const { organisation, canReport = true } = kit;
  const helpline = organisation?.channels[0];
  const allChannels = organisation ? [...organisation.channels, ...kit.channels] : kit.channels;
  const title = t(`banner.level.${level}`);
  const adviceId = 'waspada-advice';
  return (
    // lang lets screen readers speak the banner in its own language, whatever the page's.
    <section class={`banner ${level}`} role="region" aria-label={t('banner.region')} lang={kit.lang}>
      <p class="title">
        <WarningIcon />
        <span>{title}</span>
      </p>
      <p class="summary">{t(`banner.summary.${level}`)}</p>
      {reasons.length > 0 && (
        <>
          <p class="why">{t('banner.why')}:</p>
          <ul class="reasons">
            {reasons.map((reason) => (
              <li key={reason.family}>
                {t(`reason.${reason.family}`)}
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
      {organisation && (
        <p class="org">
          {organisation.logo && <img class="org-logo" src={organisation.logo} alt="" width={20} height={20} />}
          <span class="org-name">{t('banner.org.help', { name: organisation.name })}</span>
          {helpline && (
            <>
              {' '}
              <ChannelValue channel={helpline} />
            </>
          )}
        </p>
      )}
      <div class="todo">
        <button class="link" type="button" aria-expanded={adviceOpen} aria-controls={adviceId} onClick={() => setAdviceOpen(!adviceOpen)}>
          {t(adviceOpen ? 'banner.todo.hide' : 'banner.todo.show')}
        </button>
        {adviceOpen && (
          <div id={adviceId}>
            <ul>
              <li>{t('banner.todo.money')}</li>
              <li>{t('banner.todo.legal')}</li>
            </ul>
            <ul>
              {allChannels.map((channel) => (
                <li key={`${channel.id}:${channel.name}`}>
                  {channel.name}: <ChannelValue channel={channel} />
                  <span class="channel-purpose"> — {channel.purpose}</span>
                  {!channel.verified && <span class="channel-unverified"> ({t('channel.unverified-short')})</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="actions">
        {canReport && (
          <button class="primary" type="button" onClick={actions.onReport}>
            {t('banner.button.report')}
          </button>
        )}
        <button type="button" onClick={actions.onDismiss}>
          {t('banner.button.dismiss')}
        </button>
        <button type="button" onClick={actions.onRealJob}>
          {t('banner.button.realJob')}
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
