/**
 * Feed-like posts for the benchmarks, made from the labelled corpus: about 400 characters each (a corpus text padded
 * with everyday chatter in its language), in the proportions of a feed where most posts are not jobs.
 */
import { readFileSync } from 'node:fs';

export type Label = 'scam' | 'legit_job' | 'warning_or_news' | 'other';

export interface CorpusItem {
  id: string;
  label: Label;
  lang: string;
  text: string;
}

export interface FeedPost {
  id: string;
  label: Label;
  lang: string;
  text: string;
}

/** Share of each label in a job seeker's feed: mostly ordinary posts, some jobs, a few scams and warnings. */
export const FEED_MIX: Record<Label, number> = { other: 0.8, legit_job: 0.08, warning_or_news: 0.06, scam: 0.06 };

export function readCorpus(path: string): CorpusItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusItem);
}

/**
 * Everyday lines to pad a post with, per language. Padding with another corpus text would join two near-misses
 * (a trip to Cambodia, a salary complaint) into a post that no longer has its label.
 */
export const CHATTER: Record<string, string[]> = {
  id: ['Terima kasih semuanya, semoga sehat selalu.', 'Jangan lupa makan siang ya, cuaca lagi panas banget.', 'Salam buat keluarga di rumah.', 'Semoga hari ini lancar semua urusannya.', 'Nanti sore aku kabari lagi ya.'],
  en: ['Thanks everyone, have a great day.', 'The weather has been lovely this week.', 'Say hi to the family for me.', 'Hope your weekend goes well.', 'Will post more photos later.'],
  ms: ['Terima kasih semua, semoga sihat selalu.', 'Jangan lupa makan tengah hari ya.', 'Kirim salam pada keluarga di kampung.', 'Semoga hari ini dipermudahkan.', 'Nanti petang saya update lagi.'],
  vi: ['Cảm ơn mọi người, chúc cả nhà sức khỏe.', 'Hôm nay trời đẹp quá.', 'Gửi lời hỏi thăm gia đình nhé.', 'Chúc mọi người cuối tuần vui vẻ.', 'Lát nữa mình đăng thêm ảnh.'],
  th: ['ขอบคุณทุกคนนะ ขอให้สุขภาพแข็งแรง', 'วันนี้อากาศดีมาก', 'ฝากความคิดถึงถึงครอบครัวด้วย', 'ขอให้มีความสุขในวันหยุด', 'เดี๋ยวจะลงรูปเพิ่มนะ'],
  tl: ['Salamat sa inyong lahat, ingat palagi.', 'Ang ganda ng panahon ngayon.', 'Pakisabi hi sa pamilya.', 'Sana maganda ang weekend ninyo.', 'Magpo-post ako ng mga litrato mamaya.'],
  zh: ['谢谢大家，祝身体健康。', '今天天气很好。', '代我向家人问好。', '祝大家周末愉快。', '晚点再发照片。'],
  my: ['အားလုံးကို ကျေးဇူးတင်ပါတယ်။', 'ဒီနေ့ ရာသီဥတု သာယာပါတယ်။', 'မိသားစုကို နှုတ်ဆက်ပေးပါ။', 'ပျော်ရွှင်စရာ ပိတ်ရက်ဖြစ်ပါစေ။', 'ဓာတ်ပုံတွေ နောက်မှ တင်ပေးမယ်။'],
};

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator), so every run sees the same feed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickLabel(random: () => number, mix: Record<Label, number>): Label {
  const total = Object.values(mix).reduce((sum, share) => sum + share, 0);
  let roll = random() * total;
  for (const [label, share] of Object.entries(mix) as [Label, number][]) {
    roll -= share;
    if (roll < 0) return label;
  }
  return 'other';
}

/** Cuts `text` to at most `max` characters at a space, so words stay whole. */
function cutAtSpace(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}

export interface FeedOptions {
  count: number;
  /** Posts are padded to at least this many characters... */
  minLength?: number;
  /** ...and cut to at most this many. */
  maxLength?: number;
  seed?: number;
  mix?: Record<Label, number>;
}

/** `count` distinct posts; each label's share follows `mix` (rounded by chance, not forced). */
export function feedPosts(corpus: readonly CorpusItem[], options: FeedOptions): FeedPost[] {
  const { count, minLength = 360, maxLength = 460, seed = 7, mix = FEED_MIX } = options;
  const random = seededRandom(seed);
  const byLabel = new Map<Label, CorpusItem[]>();
  for (const item of corpus) {
    let list = byLabel.get(item.label);
    if (!list) byLabel.set(item.label, (list = []));
    list.push(item);
  }
  const seen = new Set<string>();
  const posts: FeedPost[] = [];
  while (posts.length < count) {
    const label = pickLabel(random, mix);
    const pool = byLabel.get(label);
    if (!pool?.length) throw new Error(`the corpus has no "${label}" item`);
    const first = pick(pool, random);
    const chatter = CHATTER[first.lang] ?? CHATTER.en!;
    let text = first.text;
    if (text.length < minLength) text += '\n\n';
    while (text.length < minLength) text += `${pick(chatter, random)} `;
    text = cutAtSpace(text.trimEnd(), Math.max(maxLength, first.text.length));
    // the same pair drawn twice: a hashtag makes it another post, as reposts often differ by one
    if (seen.has(text)) text = `${cutAtSpace(text, maxLength - 12)} #info${posts.length + 1}`;
    seen.add(text);
    posts.push({ id: `bench${posts.length + 1}`, label, lang: first.lang, text });
  }
  return posts;
}
