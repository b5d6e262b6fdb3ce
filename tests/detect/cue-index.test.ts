import { describe, expect, it } from 'vitest';
import { findCues } from '../../src/detect';
import { normalizeText } from '../../src/detect/normalize';
import { plainScan } from '../helpers/plain-scan';
import { nonAsciiStarts, symbolStarts, wordStartKeys } from '../../src/detect/rules/prefix';
import { defaultRulePack } from '../../src/detect/rules';

describe('wordStartKeys', () => {
  it.each([
    ['kamboja', { words: ['kamboja'] }],
    ['phnom ?penh', { words: ['phnom', 'phnompenh'] }],
    ['(?:para |jadi )?korban', { words: ['para', 'jadi', 'korban'] }],
    ['rekrut(?:men|ment)?', { words: ['rekrut', 'rekrutmen', 'rekrutment'] }],
    ['staf+ admin', { prefixes: ['sta'] }],
    ['\\d{2,3} ?wpm', { words: ['00', '000', '00wpm', '000wpm'] }],
    ['(?<!biaya )admin', { words: ['admin'] }],
  ])('%s', (source, expected) => {
    const keys = wordStartKeys(source);
    expect(keys).toBeDefined();
    if ('words' in expected) expect(new Set(keys!.words)).toEqual(new Set(expected.words));
    else expect(new Set(keys!.prefixes)).toEqual(new Set(expected.prefixes));
  });

  it.each([['@[a-z0-9_]{4,32}'], ['[a-z0-9._%+-]{1,40}@gmail\\.com'], ['\\+\\d{8,}'], ['.+x']])('cannot index %s', (source) => {
    expect(wordStartKeys(source)).toBeUndefined();
  });
});

describe('nonAsciiStarts', () => {
  it.each([
    ['柬埔寨', ['柬埔']],
    ['(?:包吃|包住)', ['包吃', '包住']],
    ['柬', ['柬']],
    ['招[^\\s]{0,4}客服', ['招']],
  ])('%s', (source, expected) => {
    expect(new Set(nonAsciiStarts(source))).toEqual(new Set(expected));
  });

  it.each([['kk园区'], ['(?:ใบอนุญาต)?x'], ['.客服']])('cannot index %s', (source) => {
    expect(nonAsciiStarts(source)).toBeUndefined();
  });
});

// a post without any of these characters is not scanned for the pattern, so a wrong answer would lose matches
describe('symbolStarts', () => {
  it.each([
    ['#[a-z0-9_]{0,30}?(?:kamboja|myanmar)', ['#']],
    ['@(?!gmail)[a-z0-9-]{2,30}\\.[a-z]{2,6}', ['@']],
    ['\\.(?:co\\.id|com\\.kh)|@(?:gmail|yahoo)\\.com', ['.', '@']],
    ['(?<=wa )\\+\\d{9,14}', ['+']],
    ['[#@]kh', ['#', '@']],
    ['说(?:是)?去', ['说']],
  ])('%s starts with %j', (source, expected) => {
    expect(new Set(symbolStarts(source))).toEqual(new Set(expected));
  });

  it.each([
    ['(?:\\+|00)?62\\d{9}'],
    ['kamboja|#kh'],
    ['[^a]x'],
    ['.x'],
    ['\\d+jt'],
    ['(?=#)'],
    ['[A-Z#]x'],
    // a space, and an escaped character in a class, are read as one stand-in for several characters: no single start
    ['\\s#kerja'],
    ['[\\#@]kerja'],
  ])('may start anywhere: %s', (source) => {
    expect(symbolStarts(source)).toBeUndefined();
  });
});

const POSTS = [
  'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri 0812-3456-7890',
  'DIBUTUHKAN ADMIN ONLINE penempatan Phnom Penh. Gaji Rp 12.000.000/bulan, mess & makan gratis, usia 18-35, bisa mengetik.',
  'Hiring CSR in Cambodia! $1,200/month, free flight and accommodation, no experience needed. DM me on Telegram @jobcambo',
  'Looking for typists to work in Laos (Golden Triangle). Pay $1,000 monthly, air ticket provided, tourist visa is fine.',
  'Tuyển nhân viên chăm sóc khách hàng làm việc tại Campuchia, lương 20 triệu/tháng, bao ăn ở, không cần kinh nghiệm',
  'รับสมัครแอดมินออนไลน์ ทำงานที่กัมพูชา เงินเดือน 30,000 บาท ฟรีที่พัก อาหาร ไม่ต้องมีประสบการณ์ ทักไลน์',
  '柬埔寨西港招聘客服，月薪过万，包吃包住，无需经验，会打字即可，联系飞机@abc123',
  'Polisi menangkap 3 tersangka TPPO yang merekrut korban untuk bekerja sebagai CS di Kamboja. KBRI mengimbau waspada.',
  'PT Maju Bersama (P3MI, SIP3MI No. 123/2021) membuka lowongan caregiver ke Jepang. Alamat: Jl. Sudirman No. 10 Jakarta. rekrut.asia@gmail.com',
  'Is this legit? Someone offered my sister a typing job in Cambodia, $900 a month. Anyone know? www.example-jobs.com',
  'Naghahanap kami ng encoder sa Myanmar, $1,000 a month, libre ang tirahan, tourist visa lang, sabihin na bakasyon.',
  'ကမ္ဘောဒီးယားမှာ ဖောက်သည်ဝန်ဆောင်မှု အလုပ်ခေါ်နေပါသည်။ လစာ သိန်း 30',
];

describe('the indexed cue search', () => {
  it.each(POSTS)('finds what a plain scan of every list finds: %s', (post) => {
    const text = normalizeText(post).text;
    const indexed = findCues(defaultRulePack(), text).map((hits) => hits.map(([start, end]) => [start, end]));
    expect(indexed).toEqual(plainScan(text));
  });
});
