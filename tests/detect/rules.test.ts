import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { assessPost, EMAIL_SOURCE } from '../../src/detect';
import { LAKH_FIRST_SOURCE, MONEY_PARTS, PERIOD_AFTER_SOURCE, PERIOD_BEFORE_SOURCE } from '../../src/detect/pay';
import defaultPack from '../../src/detect/rules/default-pack.json';
import { compileRulePack, defaultRulePack, extendRulePack, RulePackSchema, topLevelAlternatives, type RulePack } from '../../src/detect/rules';

const copy = (): RulePack => structuredClone(RulePackSchema.parse(defaultPack));

describe('compileRulePack', () => {
  it('compiles the shipped pack', () => {
    const result = compileRulePack(defaultPack);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.version).toBe(defaultPack.version);
  });

  it.each([
    ['an invalid regular expression', (p: RulePack) => (p.families.pay!.patterns[3]!.re = 'gaji (besar'), 'families.pay.patterns[3].re: invalid regular expression'],
    ['a capturing group', (p: RulePack) => (p.families.role!.patterns[0]!.re = '(cs)'), 'families.role.patterns[0].re: capturing groups are not allowed'],
    ['a pattern matching nothing', (p: RulePack) => (p.families.ease!.patterns[1]!.re = 'x?'), 'families.ease.patterns[1].re: matches the empty string'],
    ['an upper-case literal', (p: RulePack) => (p.families.visa!.patterns[0]!.re = 'Visa'), 'families.visa.patterns[0].re: must be lower case'],
    ['a nested repetition', (p: RulePack) => (p.families.role!.patterns[1]!.re = '(?:a+)+b'), 'families.role.patterns[1].re: nested unbounded repetition'],
    ['an accented letter', (p: RulePack) => (p.families.pay!.patterns[0]!.re = 'lương cao'), 'families.pay.patterns[0].re: must be written without diacritics'],
    ['a duplicate cue id', (p: RulePack) => (p.families.costs!.patterns[1]!.id = p.families.costs!.patterns[0]!.id), 'families.costs.patterns[1].id: duplicate id'],
    ['a weight above 1', (p: RulePack) => (p.families.urgency!.patterns[0]!.weight = 2), 'families.urgency.patterns[0].weight'],
    ['an unknown family', (p: RulePack) => ((p.families as Record<string, unknown>).lottery = { weight: 1, patterns: [] }), 'families: Unrecognized key: "lottery"'],
    ['a missing version', (p: RulePack) => delete (p as Partial<RulePack>).version, 'version'],
    ['thresholds in the wrong order', (p: RulePack) => (p.scoring.caution = 0.9), 'scoring.caution: must not exceed scoring.high'],
  ])('rejects %s, naming the field', (_name, mutate, message) => {
    const pack = copy();
    mutate(pack);
    const result = compileRulePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('swaps in another pack through assessPost options', () => {
    const post = 'Lowongan CS di Kamboja, gaji 15jt, tiket ditanggung, tanpa pengalaman, japri';
    expect(assessPost(post).level).toBe('high');
    const pack = copy();
    pack.version = 'test-without-destinations';
    pack.families.destination!.patterns = [];
    const result = compileRulePack(pack);
    if (!result.ok) throw new Error(result.error);
    expect(assessPost(post, { rules: result.pack }).level).toBe('none');
  });
});

describe('extendRulePack', () => {
  it('adds an NGO phrase, normalised like posts, so its obfuscated form matches', () => {
    const post = 'Info kerja di Sihanoukville, gaji 15jt, hubungi Agen Rajawali';
    expect(assessPost(post).signals.some((s) => s.id === 'known_recruiter.extra_1')).toBe(false);
    const result = extendRulePack(defaultRulePack(), [{ family: 'known_recruiter', phrases: ['Agen R4jawali'] }]);
    if (!result.ok) throw new Error(result.error);
    const assessment = assessPost(post, { rules: result.pack });
    expect(assessment.level).toBe('high');
    expect(assessment.signals.find((s) => s.id === 'known_recruiter.extra_1')?.evidence[0]?.text).toBe('Agen Rajawali');
  });

  it('takes the same phrases through assessPost options, compiled once per list', () => {
    const extra = [{ family: 'role' as const, phrases: ['penjaga toko online'], weight: 1 }];
    const post = 'Lowongan penjaga toko online di Kamboja, gaji 15jt, japri';
    expect(assessPost(post).signals.some((s) => s.id === 'role.extra_1')).toBe(false);
    const first = assessPost(post, { extra });
    expect(first.signals.find((s) => s.id === 'role.extra_1')?.evidence[0]?.text).toBe('penjaga toko online');
    expect(assessPost(post, { extra })).toEqual(first);
    expect(() => assessPost(post, { extra: [{ family: 'nope' as never, phrases: ['x'] }] })).toThrow(/extra phrases/);
  });

  it('rejects phrases for an unknown family, naming the field', () => {
    const result = extendRulePack(defaultRulePack(), [{ family: 'lottery' as never, phrases: ['x'] }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^0\.family/);
  });
});

/** The pattern with its lookaround assertions removed (they are zero-width; see the ReDoS test). */
function withoutLookarounds(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '[') {
      // a character class, copied whole
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
        else if (source[j] === '(') depth++;
        else if (source[j] === ')' && --depth === 0) break;
      }
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

describe('ReDoS', () => {
  // What runs is one alternation per family: each top-level alternative of each pattern between one-character word
  // edges. Alternatives of an alternation are tried one after another, so the alternation is as safe as each of
  // them; each is checked with recheck's exact (automaton) checker, followed by what the right edge allows
  // ("[^a-z0-9]|$"), so that a failing edge makes it backtrack as it would at run time. The exact checker cannot read
  // lookarounds, and ours only test a few literal characters, so they are dropped for the check. (recheck's fuzzing
  // checker, the fallback for what the exact one cannot read, gives different verdicts from run to run.)
  const PLAIN_LITERAL = /^[^\\[\](){}?*+|.^$]*$/;
  const sources: [string, string][] = [];
  const add = (name: string, re: string) =>
    topLevelAlternatives(re).forEach((alternative, i) => {
      if (!PLAIN_LITERAL.test(alternative)) sources.push([`${name} alternative ${i}`, alternative]);
    });
  for (const [family, def] of Object.entries(defaultPack.families)) def.patterns.forEach((p, i) => add(`families.${family}.patterns[${i}]`, p.re));
  for (const [kind, list] of Object.entries(defaultPack.markers)) list.forEach((p, i) => add(`markers.${kind}[${i}]`, p.re));
  // The money pattern is too large for the exact checker as a whole. It is literals around the number, in sequence,
  // so it is as safe as the number (checked here) as long as its other parts repeat nothing (the next test).
  for (const [name, source] of [['pay: money number', MONEY_PARTS.number], ['pay: lakh first', LAKH_FIRST_SOURCE], ['pay: period after', PERIOD_AFTER_SOURCE], ['pay: period before', PERIOD_BEFORE_SOURCE], ['known recruiter: e-mail', EMAIL_SOURCE]]) {
    sources.push([name!, source!]);
  }

  it(`finds no vulnerable pattern among ${sources.length} alternatives`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    for (const [name, source] of sources) {
      const result = await check(`(?:${withoutLookarounds(source)})(?:[^a-z0-9]|$)`, 'u', { checker: 'automaton', timeout: 20_000 });
      if (result.status === 'vulnerable') problems.push(`${name}: ${result.complexity.summary}, attack ${result.attack.pattern}`);
      else if (result.status === 'unknown') problems.push(`${name}: not decided (${result.error.kind})`);
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.entries(MONEY_PARTS).filter(([part]) => part !== 'number'))('money pattern part "%s" repeats nothing', (_part, source) => {
    expect(withoutLookarounds(source)).not.toMatch(/[*+]|\{\d+,\d*\}/);
  });

  it.each([
    ['(?<![a-z0-9])(?:kerja)(?![a-z0-9])', '(?:kerja)'],
    ['(?<!(?:tanpa|no) )biaya(?! (?:a|b))', 'biaya'],
    ['a(?=[(])b\\(c', 'ab\\(c'],
  ])('drops lookarounds for the exact checker: %s', (source, expected) => {
    expect(withoutLookarounds(source)).toBe(expected);
  });
});
