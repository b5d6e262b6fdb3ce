import { describe, expect, it } from 'vitest';
import { assessPost } from '../../src/detect';

/** Small seeded PRNG so the generated posts are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri 0812-3456-7890',
  'Hiring CSR in Cambodia! $1,200/month, free flight and accommodation, no experience needed. DM @jobcambo',
  'Tuyển nhân viên chăm sóc khách hàng tại Campuchia, lương 20 triệu/tháng, bao ăn ở, không cần kinh nghiệm',
  'รับสมัครแอดมินออนไลน์ ทำงานที่กัมพูชา เงินเดือน 30,000 บาท ฟรีที่พัก ไม่ต้องมีประสบการณ์',
  '柬埔寨西港招聘客服，月薪过万，包吃包住，无需经验，联系飞机@abc123',
  'Polisi menangkap tersangka TPPO yang merekrut korban ke Myanmar dengan gaji 1000 USD',
  'ကမ္ဘောဒီးယားမှာ အလုပ်ခေါ်နေပါသည်။ လစာ သိန်း 30',
];

const JUNK = ['\u200b', '\u200d', '\ufe0f', '\u0301', '\u0337', '🔥', '🇰🇭', '🇲🇲', '1️⃣', '𝐊', '𝟏', 'Ｋ', 'К', '\n', '  ', '.', '-', '@', '$', '4', '0', 'ทำ', '柬', 'ố', '\ud83d', '\udc4d'];

const MATH_BOLD_A = 0x1d400;
function obfuscateChar(c: string, rnd: () => number): string {
  const r = rnd();
  const code = c.charCodeAt(0);
  const upper = code >= 0x41 && code <= 0x5a ? code - 0x41 : code >= 0x61 && code <= 0x7a ? code - 0x61 + 26 : -1;
  if (upper >= 0 && r < 0.1) return String.fromCodePoint(MATH_BOLD_A + upper);
  if (upper >= 0 && r < 0.15) return String.fromCharCode(0xff21 + (upper % 26) + (upper >= 26 ? 0x20 : 0));
  if (r < 0.2) return c + JUNK[Math.floor(rnd() * JUNK.length)]!;
  if (c === 'a' && r < 0.3) return '4';
  if (c === 'o' && r < 0.3) return '0';
  if (r < 0.33) return `${c} `;
  return c;
}

function generate(rnd: () => number): string {
  const kind = rnd();
  if (kind < 0.15) {
    // pure noise from the junk alphabet
    let s = '';
    const n = Math.floor(rnd() * 60);
    for (let i = 0; i < n; i++) s += JUNK[Math.floor(rnd() * JUNK.length)]!;
    return s;
  }
  const template = TEMPLATES[Math.floor(rnd() * TEMPLATES.length)]!;
  let out = '';
  for (const c of template) out += obfuscateChar(c, rnd);
  return out;
}

describe('evidence always quotes the original post', () => {
  it('holds for 3,000 generated and obfuscated posts', () => {
    const rnd = random(20261122);
    let signals = 0;
    for (let i = 0; i < 3000; i++) {
      const post = generate(rnd);
      const a = assessPost(post);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(1);
      for (const signal of a.signals) {
        for (const e of signal.evidence) {
          signals++;
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.end).toBeLessThanOrEqual(post.length);
          if (e.text !== post.slice(e.start, e.end)) throw new Error(`evidence ${JSON.stringify(e)} does not quote ${JSON.stringify(post)}`);
        }
      }
    }
    // the generator must produce posts the detector finds things in, or this test proves nothing
    expect(signals).toBeGreaterThan(3000);
  });
});
