import { normalizeText } from '../normalize';
import defaultPackJson from './default-pack.json';
import {
  compileRulePack,
  ExtraPhrasesSchema,
  type CompiledRulePack,
  type ExtraPhrases,
  type RulePattern,
} from './schema';
import { describeZodError } from '../../zod';

export * from './schema';

let shipped: CompiledRulePack | undefined;

/** The rule pack shipped in the build, compiled on first use and reused. */
export function defaultRulePack(): CompiledRulePack {
  if (!shipped) {
    const result = compileRulePack(defaultPackJson);
    // the shipped pack is covered by tests; failing loudly here beats silently detecting nothing
    if (!result.ok) throw new Error(`shipped rule pack is invalid: ${result.error}`);
    shipped = result.pack;
  }
  return shipped;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A copy of `pack` with plain phrases added to families (an NGO's extra rules). Phrases go through the same
 * normalisation as posts, so "K4mb0ja" in a post matches the phrase "Kamboja". Compile once, reuse for every post.
 */
export function extendRulePack(
  pack: CompiledRulePack,
  extras: ExtraPhrases[],
): { ok: true; pack: CompiledRulePack } | { ok: false; error: string } {
  const parsed = ExtraPhrasesSchema.safeParse(extras);
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const source = structuredClone(pack.source);
  parsed.data.forEach((extra, index) => {
    const phrases = extra.phrases
      .map((phrase) => normalizeText(phrase).text)
      .filter((phrase) => phrase.length > 0)
      .map((phrase) => escapeRegExp(phrase).replace(/ /g, ' ?'));
    if (!phrases.length) return;
    const pattern: RulePattern = {
      id: `extra_${index + 1}`,
      lang: extra.lang ?? 'any',
      weight: extra.weight ?? 0.8,
      re: phrases.join('|'),
    };
    const family = (source.families[extra.family] ??= { weight: extra.family === 'known_recruiter' ? 3 : 0.8, patterns: [] });
    family.patterns.push(pattern);
  });
  return compileRulePack(source);
}
