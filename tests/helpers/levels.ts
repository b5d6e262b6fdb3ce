import { expect } from 'vitest';
import { assessPost, type Assessment } from '../../src/detect';

/** The signals behind a verdict, for the failure message. */
export const why = (a: Assessment) => JSON.stringify(a.signals.map((s) => `${s.id}:${s.weight}`));

/** The post is flagged (high or caution), as a user would see a warning on it. */
export function expectFlagged(post: string): void {
  const a = assessPost(post);
  expect(a.level, why(a)).not.toBe('none');
}

/** The post gets no warning. */
export function expectNone(post: string): void {
  const a = assessPost(post);
  expect(a.level, why(a)).toBe('none');
}
