/**
 * Money in posts: "15jt", "Rp 12.000.000", "$1.2k", "USD 1,000", "₱40,000", "20 triệu", "1.5w", "8-15 juta",
 * "500rb/hari", "30,000 บาท", "底薪1500U", "လစာ သိန်း 20". Runs on normalised text (lower case, ASCII digits,
 * Vietnamese without diacritics). Whether an amount is pay or a fee is decided by the word before it.
 */
import type { Currency, RulePack } from './rules/schema';

export type Period = 'month' | 'day' | 'hour' | 'week' | 'year';

export interface MoneyMention {
  /** Span of the amount in the normalised text (with its pay or fee word when one is close before it). */
  start: number;
  end: number;
  currency: Currency;
  /** Highest amount of a range, in units of `currency`, per `period`. */
  value: number;
  period: Period;
  kind: 'salary' | 'fee' | 'price';
}

export interface Span {
  start: number;
  end: number;
}

const CUR_PRE = String.raw`(?:rp\.?|idr|usdt|usd|us\$|u\$d|\$|rm|myr|₱|php|₫|vnd|thb|฿|¥|rmb|cny|sgd|s\$|hkd|hk\$|nt\$|ntd|twd|€|eur|£|gbp|inr|₹|rs\.?|lkr|slrs?|npr|nrs\.?|pkr|bdt|৳|kes|kshs?\.?|aed|sar|ဘတ်|ဒေါ်လာ|ယွမ်|美金|美元)`;
// no leading zero and no digit after: phone numbers are not amounts; South Asian grouping too ("1,20,000")
const NUM = String.raw`(?:[1-9]\d?(?:,\d\d)+,\d{3}|[1-9]\d{0,2}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|[1-9]\d{0,8}(?:[.,]\d{1,2})?)(?!\d)`;
const MULT = String.raw`(?:(?:k|rb|ribu|jt|jta|juta|tr|trieu|cu|w|wan|m|mil|mio|million|millions|lakhs?|nghin|ngan)(?![a-z])|万|萬|千|หมื่น|แสน|พัน|ล้าน|သိန်း|သောင်း)`;
const CUR_SUF = String.raw`(?:(?:usdt|usd|us\$|dollars?|dolar|do la|do|u|rupiah|idr|rp|pesos?|php|baht|thb|ringgit|rm|myr|dong|vnd|d|rmb|yuan|kyat|sgd|hkd|ntd|twd|inr|rupees?|rs|lkr|npr|pkr|bdt|taka|kes|ksh|shillings?|aed|dirhams?|sar|riyals?|euros?|eur)(?![a-z])|\$|₱|₫|฿|元|块|塊|บาท|ดอลลาร์|ดอลล่าร์|เหรียญสหรัฐ|ကျပ်|ဘတ်|ဒေါ်လာ|ယွမ်|美金|美元|刀|€)`;
const RANGE = String.raw`(?:-|–|~|to|s/d|sd|sampai|hingga|den|toi|至|ถึง|hanggang)`;
const AMOUNT = `(?:(${CUR_PRE}) ?)?(${NUM})(?: ?(${MULT}))?(?: ?(${CUR_SUF}))?`;
const AMOUNT2 = `(?:(${CUR_PRE}) ?)?(${NUM})(?: ?(${MULT}))?(?: ?(${CUR_SUF}))?`;

/** The parts of the money pattern, for the ReDoS test: only `number` repeats without bound; the rest are literals. */
export const MONEY_PARTS = { currencyBefore: CUR_PRE, number: NUM, multiplier: MULT, currencyAfter: CUR_SUF, range: RANGE };
/** The money pattern. */
export const MONEY_SOURCE = `(?<![\\w.,$])${AMOUNT}(?: ?${RANGE} ?${AMOUNT2})?`;
/** Burmese writes the unit first: "သိန်း 20" (20 lakh kyat). */
export const LAKH_FIRST_SOURCE = `(သိန်း|သောင်း) ?(${NUM})(?: ?- ?(${NUM}))?`;
export const PERIOD_AFTER_SOURCE = String.raw`^ ?\+{0,2} ?(?:\/|per|a|an|each|se|tiap|moi|mot|kada|sa isang|每|一个|一個|一)? ?(bulan|bln|month|months|mo|monthly|thang|เดือน|月|buwan|hari|hr|day|days|daily|ngay|วัน|天|日|araw|jam|hour|hours|gio|ชั่วโมง|小时|小時|oras|minggu|week|weekly|tuan|周|週|年|year|years|yearly|annually|tahun|nam|ปี|taon)(?![a-z])`;
export const PERIOD_BEFORE_SOURCE = String.raw`(月薪|月入|每月|เดือนละ|sebulan|per bulan|monthly|a month|per month|moi thang|日薪|日结|日結|每天|วันละ|per hari|sehari|daily|per day|moi ngay|kada araw|时薪|時薪|per jam|per hour|hourly|年薪|per tahun|per year|yearly|annual)[ :]{0,2}$`;

const MONEY = new RegExp(MONEY_SOURCE, 'gu');
/**
 * At most this many code units from an amount's start to its first digit: the longest currency word before it and a
 * space. Read from the pattern (escapes dropped, "?" counted), so it can only come out too long, which is safe.
 */
const CURRENCY_BEFORE_MAX = longestWord(CUR_PRE) + 1;
const isNonZeroDigit = (c: number) => c >= 0x31 && c <= 0x39;

/** Length of the longest word of "(?:a|b|...)"; a group, class or repetition in it would make that a guess. */
function longestWord(words: string): number {
  const list = words.slice(3, -1);
  if (!words.startsWith('(?:') || /[()[\]*+{]/.test(list)) throw new Error(`not a plain list of words: ${words}`);
  return Math.max(...list.split('|').map((word) => word.replace(/\\/g, '').length));
}

/**
 * The first match of the money pattern at or after `from`, as a global scan from there finds it. Every match has an
 * ASCII digit 1-9 at most CURRENCY_BEFORE_MAX after its start (amounts are read after normalisation, which writes
 * every script's digits in ASCII): the pattern runs from there only, not at every position in between, where it
 * fails after trying every currency word.
 */
export function nextAmount(text: string, from: number): RegExpExecArray | null {
  let digit = from;
  while (digit < text.length && !isNonZeroDigit(text.charCodeAt(digit))) digit++;
  if (digit >= text.length) return null;
  MONEY.lastIndex = Math.max(from, digit - CURRENCY_BEFORE_MAX);
  return MONEY.exec(text);
}
const PER_PERSON = /^ ?(?:\/ ?|per )(?:pax|orang|person|pp|night|malam|kg|pcs|unit)(?![a-z])/;
const LAKH_FIRST = new RegExp(LAKH_FIRST_SOURCE, 'gu');
const PERIOD_AFTER = new RegExp(PERIOD_AFTER_SOURCE, 'u');
const PERIOD_BEFORE = new RegExp(PERIOD_BEFORE_SOURCE, 'u');

const MULTIPLIERS: Record<string, number> = {
  k: 1e3, rb: 1e3, ribu: 1e3, jt: 1e6, jta: 1e6, juta: 1e6, tr: 1e6, trieu: 1e6, cu: 1e6, w: 1e4, wan: 1e4, m: 1e6, mil: 1e6,
  mio: 1e6, million: 1e6, millions: 1e6, lakh: 1e5, lakhs: 1e5, nghin: 1e3, ngan: 1e3, 万: 1e4, 萬: 1e4, 千: 1e3, หมื่น: 1e4,
  แสน: 1e5, พัน: 1e3, ล้าน: 1e6, သိန်း: 1e5, သောင်း: 1e4,
};

/** The currency a multiplier word implies ("juta" is rupiah unless a currency is written). */
const MULTIPLIER_CURRENCY: Record<string, Currency> = {
  rb: 'IDR', ribu: 'IDR', jt: 'IDR', jta: 'IDR', juta: 'IDR', tr: 'VND', trieu: 'VND', cu: 'VND', w: 'CNY', wan: 'CNY', 万: 'CNY',
  萬: 'CNY', หมื่น: 'THB', แสน: 'THB', ล้าน: 'THB', พัน: 'THB', သိန်း: 'MMK', သောင်း: 'MMK', lakh: 'INR', lakhs: 'INR', nghin: 'VND', ngan: 'VND',
};

const CURRENCY_WORDS: Record<string, Currency> = {
  rp: 'IDR', 'rp.': 'IDR', idr: 'IDR', rupiah: 'IDR', usd: 'USD', usdt: 'USD', 'us$': 'USD', u$d: 'USD', $: 'USD', dollar: 'USD', dollars: 'USD',
  dolar: 'USD', 'do la': 'USD', do: 'USD', u: 'USD', rm: 'MYR', myr: 'MYR', ringgit: 'MYR', '₱': 'PHP', php: 'PHP', peso: 'PHP',
  pesos: 'PHP', '₫': 'VND', vnd: 'VND', dong: 'VND', d: 'VND', thb: 'THB', '฿': 'THB', baht: 'THB', บาท: 'THB', '¥': 'CNY', rmb: 'CNY',
  cny: 'CNY', 元: 'CNY', 块: 'CNY', 塊: 'CNY', yuan: 'CNY', kyat: 'MMK', ကျပ်: 'MMK', sgd: 'SGD', s$: 'SGD', hkd: 'HKD', hk$: 'HKD',
  nt$: 'TWD', ntd: 'TWD', twd: 'TWD', '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', '£': 'GBP', gbp: 'GBP', inr: 'INR', '₹': 'INR',
  rupee: 'INR', rupees: 'INR', rs: 'INR', 'rs.': 'INR', lkr: 'LKR', slr: 'LKR', slrs: 'LKR', npr: 'NPR', nrs: 'NPR', 'nrs.': 'NPR',
  pkr: 'PKR', bdt: 'BDT', taka: 'BDT', '৳': 'BDT', kes: 'KES', ksh: 'KES', kshs: 'KES', 'ksh.': 'KES', 'kshs.': 'KES', shilling: 'KES',
  shillings: 'KES', aed: 'AED', dirham: 'AED', dirhams: 'AED', sar: 'SAR', riyal: 'SAR', riyals: 'SAR', ဘတ်: 'THB', ดอลลาร์: 'USD', ดอลล่าร์: 'USD', เหรียญสหรัฐ: 'USD', ဒေါ်လာ: 'USD', ယွမ်: 'CNY', 美金: 'USD', 美元: 'USD', 刀: 'USD',
};

const PERIOD_WORDS: Record<string, Period> = {
  bulan: 'month', bln: 'month', month: 'month', months: 'month', mo: 'month', monthly: 'month', thang: 'month', เดือน: 'month',
  月: 'month', buwan: 'month', hari: 'day', hr: 'day', day: 'day', days: 'day', daily: 'day', ngay: 'day', วัน: 'day', 天: 'day',
  日: 'day', araw: 'day', jam: 'hour', hour: 'hour', hours: 'hour', gio: 'hour', ชั่วโมง: 'hour', 小时: 'hour', 小時: 'hour', oras: 'hour',
  minggu: 'week', week: 'week', weekly: 'week', tuan: 'week', 周: 'week', 週: 'week', 年: 'year', year: 'year', years: 'year',
  yearly: 'year', annually: 'year', tahun: 'year', nam: 'year', ปี: 'year', taon: 'year',
};

/** "Rs" and "rupees" are the rupee of the country the post names (Sri Lanka, Nepal, Pakistan), else India's. */
const RUPEE_WORDS = new Set(['rs', 'rs.', 'rupee', 'rupees']);
const RUPEE_COUNTRY = /sri ?lanka|lankan|ලංකා|nepal|pakistan/;
function rupeeOf(text: string): Currency {
  const country = RUPEE_COUNTRY.exec(text)?.[0];
  if (!country) return 'INR';
  if (country.startsWith('nepal')) return 'NPR';
  if (country.startsWith('pakistan')) return 'PKR';
  return 'LKR';
}

function periodBefore(word: string): Period {
  if (/日|每天|วัน|hari|day|ngay|araw/.test(word)) return 'day';
  if (/时|時|jam|hour/.test(word)) return 'hour';
  if (/年|tahun|year|annual/.test(word)) return 'year';
  return 'month';
}

const PER_MONTH: Record<Period, number> = { month: 1, day: 26, hour: 208, week: 4.33, year: 1 / 12 };

export function parseNumber(text: string): number {
  if (/^\d{1,2}(?:,\d\d)+,\d{3}$/.test(text)) return Number(text.replace(/,/g, '')); // "1,20,000" (lakh grouping)
  const grouped = /^(\d{1,3}(?:[.,]\d{3})+)(?:[.,](\d{1,2}))?$/.exec(text);
  if (grouped) return Number(grouped[1]!.replace(/[.,]/g, '')) + (grouped[2] ? Number(`0.${grouped[2]}`) : 0);
  return Number(text.replace(',', '.'));
}

/** How close (in characters) a pay or fee word must be before an amount to decide what the amount is. */
const CONTEXT_WINDOW = 24;

/** The last span ending at or before `position` and no further than the window, found with a moving cursor. */
class NearestBefore {
  private cursor = 0;
  constructor(private readonly spans: Span[]) {}
  find(position: number): Span | undefined {
    while (this.cursor + 1 < this.spans.length && this.spans[this.cursor + 1]!.end <= position) this.cursor++;
    const span = this.spans[this.cursor];
    if (!span || span.end > position || position - span.end > CONTEXT_WINDOW) return undefined;
    return span;
  }
}

/**
 * All money amounts in `text`, in order. `salaryWords` and `feeWords` are spans of the pack's pay and fee words,
 * sorted by start. Bare numbers count only right after a pay word, in the post language's usual currency.
 */
export function findMoney(
  text: string,
  lang: string,
  salaryWords: Span[],
  feeWords: Span[],
  defaults: RulePack['pay']['defaultCurrency'],
  maxMentions = 32,
  priceWords: Span[] = [],
): MoneyMention[] {
  const mentions: MoneyMention[] = [];
  const salaryBefore = new NearestBefore(salaryWords);
  const feeBefore = new NearestBefore(feeWords);
  const priceBefore = new NearestBefore(priceWords);
  const defaultCurrency = defaults[lang as keyof typeof defaults];

  const add = (start: number, end: number, value: number, currency: Currency | undefined, hasUnit: boolean) => {
    const salary = salaryBefore.find(start);
    const fee = feeBefore.find(start);
    if (!currency) {
      // a bare amount is money only right after a pay word ("gaji 15000000", "月薪8000", "เงินเดือน 30,000")
      if (!salary || value < 100) return;
      currency = defaultCurrency;
      if (!currency) return;
    }
    if (!hasUnit && currency === 'VND' && value < 10000) return;
    let period: Period = 'month';
    let spanEnd = end;
    const after = PERIOD_AFTER.exec(text.slice(end, end + 20));
    if (after) {
      period = PERIOD_WORDS[after[1]!] ?? 'month';
      spanEnd = end + after[0].length;
    } else {
      const before = PERIOD_BEFORE.exec(text.slice(Math.max(0, start - 14), start));
      if (before) period = periodBefore(before[1]!);
    }
    // the closest word before the amount decides what it is; "/pax" after it makes it a price
    const price = priceBefore.find(start);
    let kind: MoneyMention['kind'] = 'salary';
    let context = salary;
    if (fee && (!context || fee.end > context.end)) [kind, context] = ['fee', fee];
    if (price && (!context || price.end > context.end)) [kind, context] = ['price', price];
    if (PER_PERSON.test(text.slice(spanEnd, spanEnd + 12))) kind = 'price';
    const spanStart = context && start - context.start <= 40 ? context.start : start;
    mentions.push({ start: spanStart, end: spanEnd, currency, value, period, kind });
  };

  let m: RegExpExecArray | null;
  let from = 0;
  while (mentions.length < maxMentions && (m = nextAmount(text, from)) !== null) {
    from = m.index + m[0].length;
    const [, pre1, num1, mult1, suf1, pre2, num2, mult2, suf2] = m;
    const multWord = mult2 ?? mult1;
    const currencyWord = pre1 ?? suf1 ?? pre2 ?? suf2;
    let currency = currencyWord ? CURRENCY_WORDS[currencyWord] : undefined;
    if (currency === 'INR' && RUPEE_WORDS.has(currencyWord!)) currency = rupeeOf(text);
    if (!currency && multWord) {
      currency = MULTIPLIER_CURRENCY[multWord];
      if (currency === 'IDR' && lang === 'ms') currency = 'MYR';
      if (!currency && (multWord === 'k' || multWord === 'm' || multWord === 'mil' || multWord === 'million') && defaults) {
        currency = salaryBefore.find(m.index) ? defaultCurrency : lang === 'id' && multWord === 'k' ? 'IDR' : undefined;
      }
    }
    // "u" and "d" and "do" alone are currencies only after a real amount
    if (currencyWord === 'u' || currencyWord === 'do') {
      if (!num1 || parseNumber(num1) * (multWord ? MULTIPLIERS[multWord]! : 1) < 100) currency = undefined;
    }
    const first = parseNumber(num1!) * (mult1 ? MULTIPLIERS[mult1]! : mult2 && !mult1 ? MULTIPLIERS[mult2]! : 1);
    const second = num2 ? parseNumber(num2) * (mult2 ? MULTIPLIERS[mult2]! : mult1 ? MULTIPLIERS[mult1]! : 1) : 0;
    // "8-15 juta": the multiplier after the range applies to both ends; a lower second end means it is not a range
    const value = second > first ? second : first;
    if (!Number.isFinite(value) || value <= 0) continue;
    add(m.index, m.index + m[0].length, value, currency, Boolean(multWord || currencyWord));
  }

  LAKH_FIRST.lastIndex = 0;
  while ((m = LAKH_FIRST.exec(text)) !== null && mentions.length < maxMentions) {
    const unit = MULTIPLIERS[m[1]!]!;
    const value = Math.max(parseNumber(m[2]!), m[3] ? parseNumber(m[3]) : 0) * unit;
    add(m.index, m.index + m[0].length, value, 'MMK', true);
  }
  return mentions;
}

/**
 * How strongly a salary reads as bait: 0 when ordinary, 0.75 from the threshold, up to 1 at 2.5× it.
 * Amounts far beyond any salary (company capital, prizes) are not judged.
 */
export function baitStrength(mention: MoneyMention, pay: RulePack['pay'], skilled: boolean): number {
  if (mention.kind !== 'salary') return 0; // fees and prices are not pay
  const monthly = mention.value * PER_MONTH[mention.period];
  const own = pay.baitMonthly[mention.currency];
  let ratio: number;
  if (own !== undefined) {
    ratio = monthly / own;
  } else {
    const rate = pay.usdPerUnit[mention.currency];
    const usdThreshold = pay.baitMonthly.USD;
    if (rate === undefined || usdThreshold === undefined) return 0;
    ratio = (monthly * rate) / usdThreshold;
  }
  if (skilled) ratio /= pay.skilledFactor;
  if (ratio < 1 || ratio > 40) return 0;
  if (ratio >= 2.5) return 1;
  if (ratio >= 1.5) return 0.9;
  return 0.75;
}
