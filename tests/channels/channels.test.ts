import { describe, expect, it } from 'vitest';
import { channelsFor } from '../../src/channels';

describe('channelsFor', () => {
  it('gives Indonesia the KP2MI call centre first', () => {
    expect(channelsFor('ID')[0]).toMatchObject({ kind: 'hotline', value: '0800-1000' });
  });
  it('only links verified numbers for tap-to-call', () => {
    for (const channel of channelsFor('ID')) {
      if (!channel.verified) expect(channel.url ?? '').not.toMatch(/^(tel:|https:\/\/wa\.me)/);
    }
  });
});
