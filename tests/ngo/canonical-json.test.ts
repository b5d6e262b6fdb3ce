import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/ngo/canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it.each([
    ['members sorted, no whitespace', { b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    ['nested objects sorted too', { z: { y: 1, x: 2 }, a: {} }, '{"a":{},"z":{"x":2,"y":1}}'],
    ['sorted by UTF-16 code units, not locale', { '\u00e9': 1, z: 2, Z: 3, '\u{1F600}': 4, '\uFB33': 5 }, '{"Z":3,"z":2,"\u00e9":1,"\u{1F600}":4,"\uFB33":5}'],
    ['numbers as ECMAScript writes them', [1.0, -0, 1e21, 0.000001, 1e-7, 333333333.3333333], '[1,0,1e+21,0.000001,1e-7,333333333.3333333]'],
    ['strings escaped minimally', ['\u2028\n"\\\u0007', '€'], '["\u2028\\n\\"\\\\\\u0007","€"]'],
    ['undefined members left out', { a: undefined, b: 2 }, '{"b":2}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same bytes whatever the layout and member order of the file', () => {
    const pretty = JSON.parse('{\n  "version": "2", "families": { "role": { "weight": 1, "patterns": [] } }\n}');
    const reordered = JSON.parse('{"families":{"role":{"patterns":[],"weight":1.0}},"version":"2"}');
    expect(canonicalJson(pretty)).toBe(canonicalJson(reordered));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: Infinity })).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow(/function/);
  });
});
