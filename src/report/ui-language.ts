import { UI_LANGUAGES, type UiLanguage } from '../i18n';

/** The settings' UI language if the i18n module has it, else Indonesian (the settings branch adds the other languages). */
export function uiLanguage(setting: string): UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(setting) ? (setting as UiLanguage) : 'id';
}
