import { channelsFor } from '../../channels';
import { t } from '../../i18n';
import { ChannelList } from '../../ui/ChannelList';
import type { OptionsSection, OptionsSectionProps } from './types';

function Channels({ lang, settings }: OptionsSectionProps) {
  return (
    <div>
      <p>{t(lang, 'options.channels.intro', { country: t(lang, `country.${settings.country}`) })}</p>
      <ChannelList lang={lang} channels={channelsFor(settings.country, lang)} />
    </div>
  );
}

export const channelsSection: OptionsSection = {
  id: 'channels',
  titleKey: 'options.section.channels',
  icon: '☎️',
  Component: Channels,
};
