import { describe, expect, it } from 'vitest';
import { comparePackVersions, isPackVersion } from '../../src/ngo/version';
import shipped from '../../src/detect/rules/default-pack.json';

describe('rule-pack versions', () => {
  it.each([
    ['2026.11.22-2', '2026.11.22-1', 1],
    ['2026.12.1-1', '2026.11.30-9', 1],
    ['1.10', '1.9', 1],
    ['1.2', '1.2.0', 0],
    ['2026.11.22-1', '2026.11.22-1', 0],
    ['2026.1.1', '2026.11.1', -1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(comparePackVersions(a, b))).toBe(sign);
  });

  it.each([['2026.11.22-1', true], ['3', true], ['v2', false], ['2026.11.22-rc1', false], ['', false], ['1..2', false]])('%j is a pack version: %s', (version, ok) => {
    expect(isPackVersion(version)).toBe(ok);
  });

  it('the shipped pack has a comparable version, so updates are held to it', () => {
    expect(isPackVersion(shipped.version)).toBe(true);
  });
});
