import { channelsSection } from './channels';
import { checklistSection } from './checklist';
import { countryLanguageSection } from './country-language';
import { feedbackSection } from './feedback';
import { organisationSection } from './organisation';
import { pauseSection } from './pause';
import { reportsSection } from './reports';
import { sensitivitySection } from './sensitivity';
import { sitesSection } from './sites';
import type { OptionsSection } from './types';

export type { OptionsSection, OptionsSectionProps } from './types';

/** The options page, top to bottom. Later features (report queue, NGO profile) add their section here. */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  countryLanguageSection,
  channelsSection,
  checklistSection,
  sensitivitySection,
  sitesSection,
  pauseSection,
  feedbackSection,
  reportsSection,
  organisationSection,
];
