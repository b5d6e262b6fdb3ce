import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/detect/sha256';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('matches the FIPS 180-2 example for %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('agrees with node:crypto at every padding boundary and on non-ASCII text', () => {
    const inputs = [
      ...[1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000].map((n) => 'x'.repeat(n)),
      '5f0e6c1a9b3d47e2+6281200001111',
      'Kamboja 🇰🇭 lương 月薪 ลงทะเบียน',
    ];
    for (const input of inputs) expect(sha256Hex(input), input.slice(0, 20)).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });
});
