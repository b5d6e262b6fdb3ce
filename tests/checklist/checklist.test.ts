import { describe, expect, it } from 'vitest';
import { COUNTRIES, channelEntriesFor } from '../../src/channels';
import { CHECKLIST_DATA, ChecklistDataSchema, CountryChecklistSchema, REQUIRED_CHECKLIST_ITEMS, checklistFor } from '../../src/checklist';
import { UI_LANGUAGES } from '../../src/i18n';
import { describeZodError } from '../../src/zod';

const checklists = ChecklistDataSchema.parse(CHECKLIST_DATA);

describe('"How to check a job offer" data', () => {
  it('matches the schema', () => {
    const parsed = ChecklistDataSchema.safeParse(CHECKLIST_DATA);
    expect(parsed.success ? '' : describeZodError(parsed.error)).toBe('');
  });

  it('has one checklist per origin country', () => {
    expect(checklists.map((c) => c.country).sort()).toEqual([...COUNTRIES].sort());
  });

  it.each(checklists.map((c) => [c.country, c]))('%s: every linked channel exists in that country', (country, checklist) => {
    const ids = channelEntriesFor(country).map((c) => c.id);
    for (const item of checklist.items) if (item.channel) expect(ids).toContain(item.channel);
  });

  it('rejects a checklist missing a required step, naming it', () => {
    const result = CountryChecklistSchema.safeParse({ country: 'ID', items: [{ id: 'work-visa' }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/items: missing the "licensed-agency" step/);
  });
});

describe('checklistFor', () => {
  it.each(COUNTRIES.map((c) => [c]))('%s has the six core steps', (country) => {
    const ids = checklistFor(country, 'en').map((step) => step.id);
    for (const required of REQUIRED_CHECKLIST_ITEMS) expect(ids).toContain(required);
  });

  it('Indonesia: check agencies and placement countries on SISKOP2MI; Cambodia and Myanmar are not placement countries', () => {
    const steps = checklistFor('ID', 'id');
    expect(steps.find((s) => s.id === 'licensed-agency')?.channel?.url).toBe('https://siskop2mi.bp2mi.go.id');
    expect(steps.find((s) => s.id === 'not-placement-kh-mm')?.text).toMatch(/Kamboja dan Myanmar/);
    expect(checklistFor('PH', 'tl').map((s) => s.id)).not.toContain('not-placement-kh-mm');
  });

  it('points each country to its own agency lookup where one is known', () => {
    expect(checklistFor('PH', 'en').find((s) => s.id === 'licensed-agency')?.channel?.id).toBe('dmw-agencies');
    expect(checklistFor('KE', 'en').find((s) => s.id === 'licensed-agency')?.channel?.id).toBe('nea-agencies');
    expect(checklistFor('TH', 'en').find((s) => s.id === 'licensed-agency')?.channel?.id).toBe('doe-licensed-agencies');
  });

  it.each(UI_LANGUAGES.map((l) => [l]))('is written in %s, never as message keys', (lang) => {
    const steps = checklistFor('ID', lang);
    for (const step of steps) expect(step.text).not.toMatch(/^checklist\./);
    if (lang !== 'en') expect(steps.map((s) => s.text)).not.toEqual(checklistFor('ID', 'en').map((s) => s.text));
  });
});
