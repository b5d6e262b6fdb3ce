import { describe, expect, it } from 'vitest';
import { SIGNAL_FAMILIES } from '../../src/detect/types';
import { LOCALES, UI_LANGUAGES } from '../../src/i18n';
import { ContactSchema, FAILURE_CODES, REPORT_FIELDS, UserShareSchema } from '../../src/report/schema';

// Keys the report screens build at run time from data (the literal-key scan in tests/i18n cannot see them).
const BUILT_KEYS = [
  ...SIGNAL_FAMILIES.map((f) => `report.family.${f}`),
  ...ContactSchema.shape.kind.options.map((k) => `report.contact.${k}`),
  ...FAILURE_CODES.map((c) => `report.failure.${c}`),
  ...REPORT_FIELDS.map((f) => `report.field.${f}`),
  ...UserShareSchema.shape.channel.options.map((c) => `report.share.${c}`),
];

describe('report strings built from data', () => {
  it.each(UI_LANGUAGES.map((lang) => [lang]))('exist in %s', (lang) => {
    expect(BUILT_KEYS.filter((key) => !LOCALES[lang][key]?.trim())).toEqual([]);
  });
});
