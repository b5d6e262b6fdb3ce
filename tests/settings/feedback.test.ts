import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FEEDBACK_LIMIT,
  dismissPost,
  getDismissedPosts,
  getRealJobFeedback,
  markRealJob,
  parseFeedback,
  undoDismissPost,
  undoMarkRealJob,
  watchFeedback,
  type PostFeedback,
} from '../../src/settings';

const post = (key: string, at = 1_700_000_000_000): PostFeedback => ({
  key,
  site: 'facebook',
  excerpt: `Lowongan ${key}`,
  url: `https://www.facebook.com/groups/1/posts/${key}`,
  at,
});

describe('dismissed posts and real-job feedback', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps one entry per post, the newest last', async () => {
    await dismissPost(post('a', 1));
    await dismissPost(post('b', 2));
    await dismissPost(post('a', 3));
    expect((await getDismissedPosts()).map((e) => [e.key, e.at])).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
  });

  it('undo removes only that post, from that list only', async () => {
    await dismissPost(post('a'));
    await dismissPost(post('b'));
    await markRealJob(post('a'));
    await undoDismissPost('a');
    expect((await getDismissedPosts()).map((e) => e.key)).toEqual(['b']);
    expect((await getRealJobFeedback()).map((e) => e.key)).toEqual(['a']);
    await undoMarkRealJob('a');
    expect(await getRealJobFeedback()).toEqual([]);
  });

  it('undo of an unknown key changes nothing', async () => {
    await markRealJob(post('a'));
    await undoMarkRealJob('zzz');
    expect((await getRealJobFeedback()).map((e) => e.key)).toEqual(['a']);
  });

  it('watchers hear an undo, so an open options page and banner update', async () => {
    await dismissPost(post('a'));
    const heard: string[][] = [];
    const unwatch = watchFeedback('dismissed', (entries) => heard.push(entries.map((e) => e.key)));
    await undoDismissPost('a');
    unwatch();
    expect(heard.at(-1)).toEqual([]);
  });

  it(`keeps at most ${FEEDBACK_LIMIT} entries, dropping the oldest`, async () => {
    const many = Array.from({ length: FEEDBACK_LIMIT + 3 }, (_, i) => post(`p${i}`, i));
    await fakeBrowser.storage.local.set({ dismissedPosts: many.slice(0, FEEDBACK_LIMIT) });
    for (const entry of many.slice(FEEDBACK_LIMIT)) await dismissPost(entry);
    const kept = await getDismissedPosts();
    expect(kept).toHaveLength(FEEDBACK_LIMIT);
    expect(kept[0]?.key).toBe('p3');
    expect(kept.at(-1)?.key).toBe(`p${FEEDBACK_LIMIT + 2}`);
  });

  it('rejects an invalid entry with the field named, and stores nothing', async () => {
    await expect(dismissPost({ ...post('a'), key: '' })).rejects.toThrow(/key/);
    expect(await getDismissedPosts()).toEqual([]);
  });

  it('reads damaged stored lists without crashing, keeping the good entries', async () => {
    await fakeBrowser.storage.local.set({
      dismissedPosts: [post('good'), { key: 5 }, 'junk', null, { ...post('long'), excerpt: 'x'.repeat(301) }],
      realJobFeedback: 'not a list',
    });
    expect((await getDismissedPosts()).map((e) => e.key)).toEqual(['good']);
    expect(await getRealJobFeedback()).toEqual([]);
  });

  it.each([[undefined], [{}], [[{}]]])('parseFeedback(%j) is empty', (raw) => {
    expect(parseFeedback(raw)).toEqual([]);
  });
});
