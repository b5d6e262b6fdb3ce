import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { assessPost, EMAIL_SOURCE } from '../../src/detect';
import { LAKH_FIRST_SOURCE, MONEY_SOURCE, PERIOD_AFTER_SOURCE, PERIOD_BEFORE_SOURCE } from '../../src/detect/pay';
import defaultPack from '../../src/detect/rules/default-pack.json';
import { compileRulePack, defaultRulePack, extendRulePack, RulePackSchema, type RulePack } from '../../src/detect/rules';

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

describe('ReDoS', () => {
  // Each pattern runs inside its family's alternation with only one-character lookarounds added (word edges),
  // which cannot add backtracking; so checking each pattern as written checks what runs.
  const sources: [string, string][] = [];
  for (const [family, def] of Object.entries(defaultPack.families)) {
    def.patterns.forEach((p, i) => sources.push([`families.${family}.patterns[${i}]`, p.re]));
  }
  for (const [kind, list] of Object.entries(defaultPack.markers)) {
    list.forEach((p, i) => sources.push([`markers.${kind}[${i}]`, p.re]));
  }
  sources.push(['pay: money', MONEY_SOURCE], ['pay: lakh first', LAKH_FIRST_SOURCE], ['pay: period after', PERIOD_AFTER_SOURCE], ['pay: period before', PERIOD_BEFORE_SOURCE], ['known recruiter: e-mail', EMAIL_SOURCE]);

  it(`finds no vulnerable pattern among ${sources.length}`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    // one at a time, with a fixed seed: the fuzzing checker is random, and a test must not be
    for (const [name, source] of sources) {
      const result = await check(source, 'u', { timeout: 30_000, randomSeed: 7 });
      if (result.status === 'vulnerable') problems.push(`${name}: ${result.complexity.summary}, attack ${result.attack.pattern}`);
      else if (result.status === 'unknown') problems.push(`${name}: not decided (${result.error.kind})`);
    }
    expect(problems).toEqual([]);
  });
});
