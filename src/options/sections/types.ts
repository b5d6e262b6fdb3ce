import type { ComponentType } from 'preact';
import type { UiLanguage } from '../../i18n';
import type { Settings } from '../../settings';

export interface OptionsSectionProps {
  lang: UiLanguage;
  settings: Settings;
  /** Stores a change of settings; the page then re-renders with the stored value and announces "Saved". */
  save(patch: Partial<Settings>): Promise<void>;
  /** Says something to screen-reader users through the page's live region ("Removed", "Saved"). */
  announce(message: string): void;
}

/**
 * One section of the options page. To add one (reports, NGO profile...): write `<id>.tsx` next to this file exporting
 * an OptionsSection, add it to OPTIONS_SECTIONS in index.ts, and add its strings to every locale.
 */
export interface OptionsSection {
  /** Kebab-case; also the section's DOM id, so `options.html#<id>` links to it. */
  id: string;
  /** Message key of the section heading. */
  titleKey: string;
  /** Emoji shown before the heading (hidden from screen readers). */
  icon: string;
  Component: ComponentType<OptionsSectionProps>;
}
