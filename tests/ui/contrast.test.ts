import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOR } from '../../src/background/tab-stats';
import { contrastRatio, parseHexColor, relativeLuminance } from '../../src/ui/contrast';
import { CONTRAST_PAIRS, PALETTE } from '../../src/ui/palette';

describe('contrastRatio (WCAG 2.x)', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#ffffff', '#ffffff', 1],
    ['#777777', '#ffffff', 4.48],
    ['#0000ff', '#ffffff', 8.59],
    ['#f00', '#fff', 4.0],
  ])('%s on %s is %d:1', (fg, bg, expected) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(expected, 2);
  });

  it('reads short and long hex, rejects anything else', () => {
    expect(parseHexColor('#fff')).toEqual([255, 255, 255]);
    expect(parseHexColor('#0b57d0')).toEqual([11, 87, 208]);
    expect(() => parseHexColor('red')).toThrow(/hex/);
    expect(relativeLuminance('#000')).toBe(0);
  });
});

describe('palette meets WCAG AA', () => {
  it.each(CONTRAST_PAIRS.map(([fg, bg, min]) => [fg, bg, min]))('%s on %s ≥ %d:1', (fg, bg, min) => {
    expect(contrastRatio(PALETTE[fg], PALETTE[bg])).toBeGreaterThanOrEqual(min);
  });

  it('the toolbar badge is the palette’s danger red with readable white text', () => {
    expect(BADGE_COLOR).toBe(PALETTE.danger);
    expect(contrastRatio('#ffffff', BADGE_COLOR)).toBeGreaterThanOrEqual(4.5);
  });

  it('the stylesheet only uses palette colours, and no literal colours', () => {
    const css = readFileSync(join(process.cwd(), 'src/ui/base.css'), 'utf8');
    const used = [...css.matchAll(/var\(--wsp-([\w-]+)\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !(name in PALETTE))).toEqual([]);
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '')).not.toMatch(/#[0-9a-f]{3,8}\b|rgb\(|hsl\(/i);
  });

  it('every text colour the stylesheet pairs with a background is in the tested pairs', () => {
    const css = readFileSync(join(process.cwd(), 'src/ui/base.css'), 'utf8');
    const rules = [...css.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
    const tested = new Set(CONTRAST_PAIRS.map(([fg, bg]) => `${fg}/${bg}`));
    for (const rule of rules) {
      const fg = /(?:^|;|\s)color:\s*var\(--wsp-([\w-]+)\)/.exec(rule)?.[1];
      const bg = /background:\s*var\(--wsp-([\w-]+)\)/.exec(rule)?.[1];
      if (fg && bg) expect(tested, `${fg} on ${bg}`).toContain(`${fg}/${bg}`);
    }
  });
});
