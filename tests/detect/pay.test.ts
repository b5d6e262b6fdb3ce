import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/detect/normalize';
import { baitStrength, findMoney, MONEY_SOURCE, nextAmount, parseNumber, type Span } from '../../src/detect/pay';
import { defaultRulePack } from '../../src/detect/rules';

function spans(regex: RegExp, text: string): Span[] {
  const out: Span[] = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function money(post: string, lang: string) {
  const pack = defaultRulePack();
  const text = normalizeText(post).text;
  return findMoney(
    text,
    lang,
    spans(pack.markers.salaryWord!.scan, text),
    spans(pack.markers.feeWord!.scan, text),
    pack.pay.defaultCurrency,
  ).map((m) => ({ ...m, quote: text.slice(m.start, m.end) }));
}

describe('parseNumber', () => {
  it.each([
    ['12.000.000', 12_000_000],
    ['1,200', 1200],
    ['1,200.50', 1200.5],
    ['1.5', 1.5],
    ['12,5', 12.5],
    ['800', 800],
  ])('%s', (text, expected) => expect(parseNumber(text)).toBe(expected));
});

describe('findMoney', () => {
  it.each([
    ['gaji 15jt', 'id', 'IDR', 15e6, 'month'],
    ['Gaji Rp 12.000.000 per bulan', 'id', 'IDR', 12e6, 'month'],
    ['gaji Rp. 6,5 jt', 'id', 'IDR', 6.5e6, 'month'],
    ['gaji 8-15 juta', 'id', 'IDR', 15e6, 'month'],
    ['gaji 1️⃣5️⃣jt', 'id', 'IDR', 15e6, 'month'],
    ['gaji 500rb/hari', 'id', 'IDR', 5e5, 'day'],
    ['salary $1.2k', 'en', 'USD', 1200, 'month'],
    ['USD 1,000/month', 'en', 'USD', 1000, 'month'],
    ['1000 USD', 'en', 'USD', 1000, 'month'],
    ['salary 1000$', 'en', 'USD', 1000, 'month'],
    ['$800-$1500 monthly', 'en', 'USD', 1500, 'month'],
    ['US$ 15 per hour', 'en', 'USD', 15, 'hour'],
    ['₱40,000 a month', 'tl', 'PHP', 40000, 'month'],
    ['sahod 45k pesos', 'tl', 'PHP', 45000, 'month'],
    ['lương 20 triệu/tháng', 'vi', 'VND', 20e6, 'month'],
    ['lương 1000 đô', 'vi', 'USD', 1000, 'month'],
    ['月薪1.5w', 'zh', 'CNY', 15000, 'month'],
    ['底薪1500U', 'zh', 'USD', 1500, 'month'],
    ['月薪8000', 'zh', 'CNY', 8000, 'month'],
    ['เงินเดือน 30,000 บาท', 'th', 'THB', 30000, 'month'],
    ['รายได้ 3 หมื่น', 'th', 'THB', 30000, 'month'],
    ['เงินเดือน 1,100 ดอลลาร์', 'th', 'USD', 1100, 'month'],
    ['รายได้ 950 ดอลล่าร์ต่อเดือน', 'th', 'USD', 950, 'month'],
    ['gaji RM 5,000', 'ms', 'MYR', 5000, 'month'],
    ['လစာ သိန်း 20', 'my', 'MMK', 2e6, 'month'],
    ['လစာ 15 သိန်း', 'my', 'MMK', 1.5e6, 'month'],
    ['Salary Rs. 350,000 per month, for Sri Lankans', 'en', 'LKR', 350000, 'month'],
    ['salary LKR 300000', 'en', 'LKR', 300000, 'month'],
    ['salary Rs 90,000 monthly', 'en', 'INR', 90000, 'month'],
    ['Nepali staff, salary Rs. 1,20,000', 'en', 'NPR', 120000, 'month'],
    ['salary NPR 120,000', 'en', 'NPR', 120000, 'month'],
    ['salary KES 150,000 per month', 'en', 'KES', 150000, 'month'],
    ['pay Ksh 80,000', 'en', 'KES', 80000, 'month'],
    ['salary AED 4,500', 'en', 'AED', 4500, 'month'],
    ['salary 3,000 dirhams', 'en', 'AED', 3000, 'month'],
    ['salary PKR 250,000', 'en', 'PKR', 250000, 'month'],
    ['salary BDT 100,000', 'en', 'BDT', 100000, 'month'],
  ])('%s', (post, lang, currency, value, period) => {
    const [first] = money(post, lang);
    expect(first).toMatchObject({ currency, value, period, kind: 'salary' });
  });

  it.each([
    ['a phone number after a pay word', 'gaji nego, WA 081234567890', 'id'],
    ['an age range', 'usia 18-35 tahun', 'id'],
    ['a year', 'lulusan tahun 2020', 'id'],
    ['a bare number without a pay word', 'kuota 25 orang', 'id'],
  ])('finds no pay in %s', (_name, post, lang) => {
    expect(money(post, lang).filter((m) => m.kind === 'salary')).toEqual([]);
  });

  it('tells a fee from a salary by the word before it', () => {
    const found = money('Gaji 15jt, biaya admin 2jt bayar di depan', 'id');
    expect(found.map((m) => [m.kind, m.value])).toEqual([
      ['salary', 15e6],
      ['fee', 2e6],
    ]);
  });

  it('quotes the pay word with the amount', () => {
    expect(money('Info kerja, gaji 15jt/bulan, japri', 'id')[0]!.quote).toBe('gaji 15jt/bulan');
  });
});

/** Each amount as `index:text|groups`, found by nextAmount or by a plain global scan of the money pattern. */
function amountsByNext(text: string): string[] {
  const out: string[] = [];
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = nextAmount(text, from)) !== null) {
    out.push(`${m.index}:${[...m].join('|')}`);
    from = m.index + m[0].length;
  }
  return out;
}
function amountsByPlainScan(text: string): string[] {
  const out: string[] = [];
  const regex = new RegExp(MONEY_SOURCE, 'gu');
  let m: RegExpExecArray | null;
  while ((m = regex.exec(text)) !== null) out.push(`${m.index}:${[...m].join('|')}`);
  return out;
}

describe('amounts in other scripts, in words and behind obfuscation', () => {
  it.each([
    ['Thai digits', 'เงินเดือน ๓๐,๐๐๐ บาท', 'th', 'THB', 30000],
    ['Arabic-Indic digits', 'salary ١٥٠٠ USD', 'en', 'USD', 1500],
    ['Persian digits', 'salary ۱۵۰۰ usd', 'en', 'USD', 1500],
    ['Devanagari digits', 'salary ₹ ५०,०००', 'en', 'INR', 50000],
    ['Bengali digits', 'salary ৳ ৫০,০০০', 'en', 'BDT', 50000],
    ['full-width digits', '月薪８０００', 'zh', 'CNY', 8000],
    ['full-width currency and digits', 'gaji Ｒｐ １５ｊｔ', 'id', 'IDR', 15e6],
    ['Khmer digits', 'salary $១២០០', 'en', 'USD', 1200],
    ['Burmese digits, unit first', 'လစာ သိန်း ၂၀', 'my', 'MMK', 2e6],
    ['Burmese digits, unit after', 'လစာ ၁၅ သိန်း', 'my', 'MMK', 1.5e6],
    ['zero-width spaces between digits', 'gaji 1\u200b5\u200bjt', 'id', 'IDR', 15e6],
    ['a word joiner between digits', 'gaji 1\u20605 juta', 'id', 'IDR', 15e6],
    ['dingbat digits', 'gaji ❶❺jt', 'id', 'IDR', 15e6],
    ['a circled number', 'gaji ⑮ juta', 'id', 'IDR', 15e6],
    ['superscript digits', 'salary ¹⁵⁰⁰ usd', 'en', 'USD', 1500],
    ['a currency glued to the amount', 'Gaji: Rp8.000.000', 'id', 'IDR', 8e6],
    ['the longest currency word before the amount', 'လစာ ဒေါ်လာ 1500', 'my', 'USD', 1500],
    ['a decimal under ten', 'gaji 1,5 juta', 'id', 'IDR', 1.5e6],
  ])('reads %s: %s', (_name, post, lang, currency, value) => {
    expect(money(post, lang)[0]).toMatchObject({ currency, value });
  });

  it.each([
    ['gaji 0,5 juta', 5e6],
    ['gaji Rp 0.8jt', 8e6],
    ['gaji Rp.0,8jt', 8e6],
    ['salary USD 0.5k', 5000],
  ])('does not read the digits after a leading zero as the amount: %s', (post, wrong) => {
    expect(money(post, 'id').map((m) => m.value)).not.toContain(wrong);
  });

  it.each([
    'gaji sepuluh juta',
    'salary ten thousand dollars a month',
    'gaji lima belas jt, tiket ditanggung',
    'gaji 0,5 juta',
    'gaji Rp 0.8jt',
    'เงินเดือน ๓๐,๐๐๐ บาท, ค่าเดินทาง ๕๐๐ บาท',
    'salary ١٥٠٠ USD, fee ٢٠٠ USD',
    '月薪８０００-１２０００元',
    'gaji Rp 1 5 . 0 0 0 . 0 0 0',
    'WA 0812-3456-7890, gaji 15jt, usia 18-35 tahun',
    'biaya 00000000000000000000000000 rp 5jt',
    'ဒေါ်လာ 1500 😀 美金 2000 💰 kshs. 80,000 nrs. 1,20,000',
    'rp                    15jt',
    '',
  ])('finds the amounts a plain scan of the money pattern finds: %s', (post) => {
    const text = normalizeText(post).text;
    expect(amountsByNext(text)).toEqual(amountsByPlainScan(text));
  });

  it('finds the amounts a plain scan finds in 3,000 generated strings', () => {
    const pieces = [
      'rp', 'rp.', 'usd', 'us$', '$', '₱', 'ဒေါ်လာ', '美金', 'kshs.', 'nrs.', 'rs.', 'gaji', 'sepuluh', 'juta', 'jt', 'k', 'ribu',
      'ล้าน', 'บาท', '元', 'to', '-', '~', ' ', ' ', '  ', ',', '.', '/', '\n', '0', '00', '1', '5', '9', '15', '0,5', '1.500',
      '12.000.000', '1,20,000', '😀', 'a', 'x',
    ];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const count = 1 + Math.floor(random() * 14);
      for (let k = 0; k < count; k++) text += pieces[Math.floor(random() * pieces.length)];
      expect(amountsByNext(text), text).toEqual(amountsByPlainScan(text));
    }
  });
});

describe('baitStrength', () => {
  const pay = defaultRulePack().pay;
  const mention = (currency: 'IDR' | 'USD' | 'PHP' | 'SGD' | 'LKR' | 'KES', value: number, period: 'month' | 'day' = 'month') =>
    ({ start: 0, end: 1, currency, value, period, kind: 'salary' }) as const;

  it.each([
    ['Rp 5jt is ordinary', mention('IDR', 5e6), false, 0],
    ['Rp 6jt is bait for unskilled work abroad', mention('IDR', 6e6), false, 0.75],
    ['Rp 15jt is strong bait', mention('IDR', 15e6), false, 1],
    ['USD 800 is bait for customer service', mention('USD', 800), false, 0.75],
    ['USD 1,500 is strong bait', mention('USD', 1500), false, 0.9],
    ['USD 500 is ordinary', mention('USD', 500), false, 0],
    ['USD 2,000 for a senior engineer is ordinary', mention('USD', 2000), true, 0],
    ['Rp 500rb a day adds up to bait', mention('IDR', 5e5, 'day'), false, 0.9],
    ['SGD converts through USD', mention('SGD', 1000), false, 0.75],
    ['LKR 350,000 is bait for a computer operator', mention('LKR', 350000), false, 0.9],
    ['LKR 80,000 is an ordinary Sri Lankan wage', mention('LKR', 80000), false, 0],
    ['KES 150,000 is bait for customer care', mention('KES', 150000), false, 0.9],
    ['a company capital of Rp 5 billion is not a salary', mention('IDR', 5e9), false, 0],
  ])('%s', (_name, m, skilled, expected) => {
    expect(baitStrength(m, pay, skilled)).toBe(expected);
  });
});
