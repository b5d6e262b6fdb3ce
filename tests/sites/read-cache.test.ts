import { describe, expect, it } from 'vitest';
import { oncePerRead, readingTogether } from '../../src/sites/read-cache';

function counted() {
  let calls = 0;
  const lookup = oncePerRead((post: Element) => {
    calls += 1;
    return post.id;
  });
  return { lookup, calls: () => calls };
}

describe('oncePerRead', () => {
  it('answers each post once inside one read, and looks again in the next', () => {
    const { lookup, calls } = counted();
    const post = document.createElement('div');
    post.id = 'a';
    readingTogether(() => {
      expect([lookup(post), lookup(post)]).toEqual(['a', 'a']);
      post.id = 'b';
      expect(lookup(post)).toBe('a');
    });
    expect(calls()).toBe(1);
    expect(readingTogether(() => lookup(post))).toBe('b');
  });

  it('keeps an answer found on the way for the rest of the read only', () => {
    const { lookup, calls } = counted();
    const post = document.createElement('div');
    post.id = 'own';
    readingTogether(() => {
      lookup.remember(post, 'found on the way');
      expect(lookup(post)).toBe('found on the way');
    });
    expect(calls()).toBe(0);
    expect(readingTogether(() => lookup(post))).toBe('own');
  });

  it('keeps nothing outside a read', () => {
    const { lookup, calls } = counted();
    const post = document.createElement('div');
    post.id = 'own';
    lookup.remember(post, 'stale');
    expect([lookup(post), lookup(post)]).toEqual(['own', 'own']);
    expect(calls()).toBe(2);
  });
});
