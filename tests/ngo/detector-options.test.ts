import { describe, expect, it } from 'vitest';
import { assessPost } from '../../src/detect';
import { buildNgoDetector } from '../../src/ngo/detector-options';
import { parseProfile, type NgoProfile } from '../../src/ngo/profile';
import { packWith } from './helpers';
import type { RulePack } from '../../src/detect/rules/schema';

const profile = (extra: Record<string, unknown>): NgoProfile => {
  const parsed = parseProfile({ format: 1, organisation: { name: 'Yayasan Contoh' }, ...extra });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.profile;
};
const POST = 'Lowongan admin di KEK Contoh Raya, gaji 15 juta per bulan, tiket dan mess gratis, tanpa pengalaman. Japri.';

describe('buildNgoDetector', () => {
  it('is the shipped detector without a profile', () => {
    expect(buildNgoDetector(null, null, ['ID'])).toEqual({ options: {}, problems: [] });
  });

  it("adds the profile's phrases, matched through obfuscation and quoted from the post", () => {
    const obfuscated = POST.replace('KEK Contoh Raya', 'K E K  C0nt0h  Raya');
    expect(assessPost(obfuscated).level).toBe('none');
    const { options, problems } = buildNgoDetector(profile({ extraRules: [{ family: 'destination', lang: 'id', weight: 1, phrases: ['KEK Contoh Raya'] }] }), null, ['ID']);
    expect(problems).toEqual([]);
    const assessment = assessPost(obfuscated, options);
    expect(assessment.level).not.toBe('none');
    const signal = assessment.signals.find((s) => s.family === 'destination');
    expect(signal?.evidence[0]?.text).toBe('K E K  C0nt0h  Raya');
  });

  it('puts the phrases on top of a downloaded pack', () => {
    const pack = packWith('2099.1.1-1', (p) => {
      p.families.role.patterns.push({ id: 'ngo_role', lang: 'any', weight: 1, re: 'penjaga toko daring' } as never);
    }) as unknown as RulePack;
    const { options } = buildNgoDetector(profile({ extraRules: [{ family: 'destination', phrases: ['KEK Contoh Raya'] }] }), pack, ['ID']);
    expect(options.rules?.version).toBe('2099.1.1-1');
    const ids = assessPost('Dicari penjaga toko daring di KEK Contoh Raya, gaji 15 juta, tiket gratis, japri', options).signals.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['role.ngo_role', 'destination.extra_1']));
  });

  it('names a part it cannot use and keeps the rest', () => {
    const broken = packWith('2099.1.1-1', (p) => void (p.scoring.high = 9)) as unknown as RulePack;
    const { options, problems } = buildNgoDetector(profile({ knownRecruiters: { salt: '00112233445566778899aabbccddeeff', hashes: [] } }), broken, ['ID']);
    expect(problems).toEqual([expect.stringMatching(/^rule pack: scoring\.high: /)]);
    expect(options.rules).toBeUndefined();
  });
});
