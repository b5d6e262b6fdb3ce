import type { Contact } from './schema';

/**
 * Contacts in a post's text: phone and WhatsApp numbers (E.164 where the country is clear), wa.me / api.whatsapp.com
 * and t.me links, @handles and emails. Pure. Recruiters hide numbers from keyword filters (keycap emoji, fullwidth
 * or bold digits, zero-width characters, odd separators), so digits are normalised before matching.
 */

export interface FindContactsOptions {
  /**
   * Countries (ISO alpha-2), most likely first, used to read numbers written without a country code ("0812…").
   * Usually the user's country and the country of the post's language.
   */
  countryHints?: string[];
}

interface CountryNumbering {
  code: string;
  /** National significant numbers (after the country code, without the trunk 0). */
  mobile: RegExp;
  landline?: RegExp;
}

// Mobile and landline lengths from each country's national numbering plan (ITU-T E.164 national plans).
const NUMBERING: Record<string, CountryNumbering> = {
  ID: { code: '62', mobile: /^8[1-9]\d{7,10}$/, landline: /^[2-7]\d{7,9}$/ },
  KH: { code: '855', mobile: /^(?:1\d|[6-9]\d)\d{6,7}$/, landline: /^[2-5]\d{7,8}$/ },
  PH: { code: '63', mobile: /^9\d{9}$/, landline: /^[2-8]\d{7,8}$/ },
  VN: { code: '84', mobile: /^[35789]\d{8}$/, landline: /^2\d{9}$/ },
  TH: { code: '66', mobile: /^[689]\d{8}$/, landline: /^[2-7]\d{7}$/ },
  MY: { code: '60', mobile: /^1\d{8,9}$/, landline: /^[3-9]\d{7,8}$/ },
  MM: { code: '95', mobile: /^9\d{7,9}$/ },
  LA: { code: '856', mobile: /^20\d{8}$/ },
  SG: { code: '65', mobile: /^[89]\d{7}$/ },
  KE: { code: '254', mobile: /^[17]\d{8}$/ },
  IN: { code: '91', mobile: /^[6-9]\d{9}$/ },
  CN: { code: '86', mobile: /^1[3-9]\d{9}$/ },
};
/** Read "0…" numbers as these countries' mobiles when no hint decides (in this order). */
const NATIONAL_FALLBACK = ['ID', 'PH', 'VN', 'TH', 'MY', 'KH'];
const BY_CODE = new Map(Object.values(NUMBERING).map((n) => [n.code, n]));

/** Text with obfuscated digits made plain, and for each character its offset in the original. */
export interface MappedText {
  text: string;
  /** `offsets[i]` is where `text[i]` starts in the original; one extra entry marks the end. */
  offsets: number[];
}

const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\uFE0E\uFE0F\u20E3\u00AD]/;

/** NFKC per character (fullwidth, bold, circled digits become ASCII), invisible and keycap marks dropped. */
export function normaliseForContacts(original: string): MappedText {
  let text = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of original) {
    if (!INVISIBLE.test(char)) {
      const plain = char.normalize('NFKC');
      for (const unit of plain.length <= 4 ? plain : char) {
        text += unit;
        offsets.push(index);
      }
    }
    index += char.length;
  }
  offsets.push(original.length);
  return { text, offsets };
}

function rawSlice(original: string, mapped: MappedText, start: number, end: number): string {
  return original.slice(mapped.offsets[start], mapped.offsets[end]).trim();
}

/** E.164 for digits that start with a country code, when they fit that country's plan. */
function fromInternational(digits: string): string | null {
  for (const length of [1, 2, 3]) {
    const numbering = BY_CODE.get(digits.slice(0, length));
    if (!numbering) continue;
    // "+62 (0)812…" and "+62 0812…": a trunk 0 after the country code is a common slip.
    const national = digits.slice(length).replace(/^0/, '');
    if (numbering.mobile.test(national) || numbering.landline?.test(national)) return `+${numbering.code}${national}`;
    return null;
  }
  // Unknown country code: still E.164 when the length is plausible.
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : null;
}

/** E.164 for a number written with the trunk 0, read as the first hinted (or fallback) country whose mobiles fit. */
function fromNational(digits: string, hints: string[]): string | null {
  const national = digits.slice(1);
  for (const country of [...hints, ...NATIONAL_FALLBACK]) {
    const numbering = NUMBERING[country];
    if (numbering?.mobile.test(national)) return `+${numbering.code}${national}`;
  }
  return null;
}

/** Country codes written without "+", accepted only for mobiles (bare digits are otherwise too often prices or ids). */
function fromBareCountryCode(digits: string): string | null {
  for (const numbering of BY_CODE.values()) {
    if (digits.startsWith(numbering.code) && numbering.mobile.test(digits.slice(numbering.code.length))) {
      return `+${digits}`;
    }
  }
  return null;
}

interface Found extends Contact {
  start: number;
  end: number;
}

const LINK_PATTERNS: Array<{ pattern: RegExp; read(match: RegExpExecArray): Pick<Contact, 'kind' | 'value' | 'e164'> }> = [
  {
    // wa.me/6281234567890, wa.me/+62…
    pattern: /\b(?:https?:\/\/)?(?:www\.)?wa\.me\/\+?(\d{6,15})\b[^\s]*/gi,
    read: (m) => numberOrDigits('whatsapp', m[1]!),
  },
  {
    // api.whatsapp.com/send?phone=62…, whatsapp.com/send/?phone=…
    pattern: /\b(?:https?:\/\/)?(?:api\.|www\.)?whatsapp\.com\/send\/?\?(?:[^\s]*?&)?phone=\+?(\d{6,15})[^\s]*/gi,
    read: (m) => numberOrDigits('whatsapp', m[1]!),
  },
  {
    // Group invite links name no number: keep the link.
    pattern: /\b(?:https?:\/\/)?chat\.whatsapp\.com\/([A-Za-z0-9]{10,40})\b/gi,
    read: (m) => ({ kind: 'whatsapp', value: `https://chat.whatsapp.com/${m[1]}`, e164: false }),
  },
  {
    // t.me/name and telegram.me/name; invite links (t.me/+abc, t.me/joinchat/abc) kept as links.
    pattern: /\b(?:https?:\/\/)?(?:t|telegram)\.me\/(\+[\w-]{6,64}|joinchat\/[\w-]{6,64}|[A-Za-z][A-Za-z0-9_]{3,31})\b/gi,
    read: (m) =>
      /^(?:\+|joinchat\/)/i.test(m[1]!)
        ? { kind: 'telegram', value: `https://t.me/${m[1]}`, e164: false }
        : { kind: 'telegram', value: `@${m[1]!.toLowerCase()}`, e164: false },
  },
  {
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g,
    read: (m) => ({ kind: 'email', value: m[0].toLowerCase(), e164: false }),
  },
  {
    // @handle not inside an email or a word; Telegram and X both allow letters, digits and underscores.
    pattern: /(?<![\w.@])@([A-Za-z][A-Za-z0-9_]{2,31})\b/g,
    read: (m) => ({ kind: 'handle', value: `@${m[1]!.toLowerCase()}`, e164: false }),
  },
];

function numberOrDigits(kind: Contact['kind'], digits: string): Pick<Contact, 'kind' | 'value' | 'e164'> {
  const e164 = fromInternational(digits) ?? (digits.startsWith('0') ? null : fromBareCountryCode(digits));
  return e164 ? { kind, value: e164, e164: true } : { kind, value: digits, e164: false };
}

// Digit groups joined by at most two separators on one line: "0812-3456-7890", "+62 812.3456.7890", "(0812) 345 678".
const NUMBER_RUN = /(?:\+|(?<!\d)00)?\(?\d[\d]*(?:[ .\-()]{1,2}\d+)*/g;
const MONEY_BEFORE = /(?:rp\.?|idr|usd|us\$|\$|₱|php|฿|thb|rm|myr|vnd|₫|€|£|¥|gaji|salary)\s*$/i;
const MONEY_AFTER = /^\s*(?:jt|juta|rb|ribu|k\b|m\b|usd|\$|dollars?|triệu|tr\b|บาท|baht|peso|ringgit|%|\/(?:bulan|bln|month|hari|day))/i;
const WHATSAPP_CUE = /(?:\bwa\b|whats\s?app|wasap|watsap|\bw\.a\b|📱|📲)[^\n]{0,20}$/i;
const TELEGRAM_CUE = /(?:\btg\b|telegram|\btele\b|飞机)[^\n]{0,20}$/i;

/** Phone numbers inside one run of digits and separators; two numbers side by side are split at a separator. */
function numbersInRun(run: string, runStart: number, hints: string[]): Array<{ start: number; end: number; e164: string | null; digits: string }> {
  // Groups: [digits, start offset in run, end offset]
  const groups: Array<{ digits: string; start: number; end: number }> = [];
  for (const m of run.matchAll(/\d+/g)) groups.push({ digits: m[0], start: m.index, end: m.index + m[0].length });
  const plus = run.startsWith('+') || run.startsWith('00');
  const out: Array<{ start: number; end: number; e164: string | null; digits: string }> = [];
  let i = 0;
  while (i < groups.length) {
    let best: { j: number; e164: string | null; digits: string } | null = null;
    let digits = '';
    for (let j = i; j < groups.length && digits.length < 16; j++) {
      digits += groups[j]!.digits;
      const international = i === 0 && plus;
      const intlDigits = run.startsWith('00') && i === 0 ? digits.slice(2) : digits;
      const e164 = international
        ? fromInternational(intlDigits)
        : digits.startsWith('0')
          ? fromNational(digits, hints)
          : fromBareCountryCode(digits);
      if (e164) best = { j, e164, digits };
      // A number starting with 0 that no plan reads is still a phone when it is long enough: keep the digits.
      else if (!best && digits.startsWith('0') && digits.length >= 9 && digits.length <= 13 && !/^0+$/.test(digits)) {
        best = { j, e164: null, digits };
      } else if (best && !best.e164 && digits.startsWith('0') && digits.length >= 9 && digits.length <= 13) {
        best = { j, e164: null, digits };
      }
    }
    if (best) {
      const startInRun = i === 0 ? 0 : groups[i]!.start;
      out.push({ start: runStart + startInRun, end: runStart + groups[best.j]!.end, e164: best.e164, digits: best.digits });
      i = best.j + 1;
    } else {
      i++;
    }
  }
  return out;
}

/** Contacts in `original`, in order of appearance, each once (a number given both plainly and as wa.me is one). */
export function findContacts(original: string, options: FindContactsOptions = {}): Contact[] {
  const hints = (options.countryHints ?? []).filter((c) => c in NUMBERING);
  const mapped = normaliseForContacts(original);
  const { text } = mapped;
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);

  for (const { pattern, read } of LINK_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      found.push({ ...read(match as RegExpExecArray), raw: rawSlice(original, mapped, start, end), start, end });
    }
  }

  for (const match of text.matchAll(NUMBER_RUN)) {
    const runStart = match.index;
    for (const number of numbersInRun(match[0], runStart, hints)) {
      const { start, end } = number;
      if (overlaps(start, end)) continue;
      const before = text.slice(Math.max(0, start - 30), start);
      const after = text.slice(end, end + 12);
      if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(after)) continue;
      const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
      const kind: Contact['kind'] = WHATSAPP_CUE.test(lineBefore) ? 'whatsapp' : TELEGRAM_CUE.test(lineBefore) ? 'telegram' : 'phone';
      taken.push([start, end]);
      found.push({
        kind,
        value: number.e164 ?? number.digits,
        e164: number.e164 !== null,
        raw: rawSlice(original, mapped, start, end),
        start,
        end,
      });
    }
  }

  found.sort((a, b) => a.start - b.start);
  const byValue = new Map<string, Contact>();
  for (const { start: _s, end: _e, ...contact } of found) {
    const existing = byValue.get(contact.value);
    // One number mentioned as a phone and as WhatsApp: the more specific kind wins.
    if (!existing) byValue.set(contact.value, contact);
    else if (existing.kind === 'phone' && contact.kind !== 'phone') byValue.set(contact.value, { ...existing, kind: contact.kind });
  }
  return [...byValue.values()];
}
