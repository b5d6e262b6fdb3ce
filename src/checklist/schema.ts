import { z } from '../zod';
import { CountrySchema } from '../channels/schema';

/** Steps of "How to check a job offer". Each is a message key `checklist.item.<id>` in every UI language. */
export const CHECKLIST_ITEMS = [
  'licensed-agency',
  'placement-country',
  'not-placement-kh-mm',
  'work-visa',
  'signed-contract',
  'no-fees-to-individuals',
  'no-tourist-visa',
  'ask-before-you-go',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

/** Every country's checklist has at least these, the checks every official source repeats. */
export const REQUIRED_CHECKLIST_ITEMS: readonly ChecklistItemId[] = [
  'licensed-agency',
  'placement-country',
  'work-visa',
  'signed-contract',
  'no-fees-to-individuals',
  'no-tourist-visa',
];

export const ChecklistItemSchema = z.object({
  id: z.enum(CHECKLIST_ITEMS),
  /** Id of one of this country's channels where the check is done (SISKOP2MI, DMW's agency list...). */
  channel: z.string().optional(),
  /** Where a country-specific fact comes from. */
  source: z.string().min(1).optional(),
});

export const CountryChecklistSchema = z
  .object({ country: CountrySchema, items: z.array(ChecklistItemSchema).min(1) })
  .superRefine((checklist, ctx) => {
    const ids = checklist.items.map((item) => item.id);
    for (const required of REQUIRED_CHECKLIST_ITEMS) {
      if (!ids.includes(required)) ctx.addIssue({ code: 'custom', path: ['items'], message: `missing the "${required}" step` });
    }
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate step "${id}"` });
    });
  });
export type CountryChecklist = z.infer<typeof CountryChecklistSchema>;

export const ChecklistDataSchema = z.array(CountryChecklistSchema);
