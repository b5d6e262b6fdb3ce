import { t, type UiLanguage } from '../i18n';
import { channelsFor, type Country, type OfficialChannel } from '../channels';
import { ChecklistDataSchema, type ChecklistItemId, type CountryChecklist } from './schema';
import data from './data/checklists.json';

export * from './schema';

export const CHECKLIST_DATA: unknown = data;
const BY_COUNTRY = new Map<Country, CountryChecklist>(ChecklistDataSchema.parse(data).map((c) => [c.country, c]));

export interface ChecklistStep {
  id: ChecklistItemId;
  /** The step in plain words, in the reader's language. */
  text: string;
  /** Where to do the check, when the country has an official place for it. */
  channel?: OfficialChannel;
}

/** "How to check a job offer" for a country of origin, in `lang`; Indonesia's when the country has none. */
export function checklistFor(country: Country, lang: UiLanguage): ChecklistStep[] {
  const checklist = BY_COUNTRY.get(country) ?? BY_COUNTRY.get('ID');
  if (!checklist) return [];
  const channels = channelsFor(checklist.country, lang);
  return checklist.items.map((item) => {
    const channel = item.channel ? channels.find((c) => c.id === item.channel) : undefined;
    return { id: item.id, text: t(lang, `checklist.item.${item.id}`), ...(channel ? { channel } : {}) };
  });
}
