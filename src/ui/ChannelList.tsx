import { isTapToCall, type OfficialChannel } from '../channels';
import { t, type UiLanguage } from '../i18n';

export const CHANNEL_KIND_ICONS: Record<OfficialChannel['kind'], string> = {
  hotline: '📞',
  whatsapp: '💬',
  web: '🌐',
  app: '📱',
  embassy: '🏛️',
  'report-site': '🚩',
};

function ChannelValue({ lang, channel }: { lang: UiLanguage; channel: OfficialChannel }) {
  if (!channel.url) return <span class="value">{channel.value}</span>;
  if (isTapToCall(channel.url)) {
    const action = channel.url.startsWith('tel:') ? 'channel.action.call' : 'channel.action.whatsapp';
    return (
      <a class="value" href={channel.url} aria-label={t(lang, action, { number: channel.value })}>
        {channel.value}
      </a>
    );
  }
  return (
    <a class="value" href={channel.url} target="_blank" rel="noopener noreferrer">
      {channel.value}
    </a>
  );
}

/** A country's official channels: what each is for, the number or address, and a warning on unchecked entries. */
export function ChannelList({ lang, channels }: { lang: UiLanguage; channels: OfficialChannel[] }) {
  return (
    <ul class="plain-list">
      {channels.map((channel) => (
        <li key={channel.id} class="channel" data-channel={channel.id}>
          <span class="icon" aria-hidden="true">
            {CHANNEL_KIND_ICONS[channel.kind]}
          </span>
          <div>
            <div>
              <strong>{channel.name}</strong> <span class="muted">· {t(lang, `channel.kind.${channel.kind}`)}</span>
            </div>
            <div>{channel.purpose}</div>
            <ChannelValue lang={lang} channel={channel} />
            {channel.noteText && <div class="muted">{channel.noteText}</div>}
            {!channel.verified && (
              <div class="muted">
                <span aria-hidden="true">⚠️ </span>
                {t(lang, 'channel.unverified')}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
