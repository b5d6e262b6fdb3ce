/**
 * Who says what, and in what shape: the context that tells a warning from an offer that only sounds like one.
 * Pure helpers over the normalised text (lower case, "\n" between lines; see ./normalize.ts).
 */
import type { Span } from './pay';

/** Furthest a sentence reaches on either side of a phrase (long unpunctuated posts are not one sentence). */
const SENTENCE_REACH = 160;

function isBoundary(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x104b) return true;
  // a full stop ends a sentence; the dot in "rp. 12.000.000" or "no.5" does not
  if (c === 0x2e) {
    const next = text.charCodeAt(i + 1);
    return Number.isNaN(next) || next === 0x20 || next === 0x0a;
  }
  return false;
}

/** The sentence around a span: from after the previous boundary to the next one (inclusive), within reach. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  const low = Math.max(0, span.start - SENTENCE_REACH);
  while (start > low && !isBoundary(text, start - 1)) start--;
  let end = span.end;
  const high = Math.min(text.length, span.end + SENTENCE_REACH);
  while (end < high && !isBoundary(text, end)) end++;
  // the sentence's own punctuation ("... aman?!") belongs to it
  while (end < text.length && isBoundary(text, end) && text.charCodeAt(end) !== 0x0a) end++;
  return { start, end };
}

/** The sentence just before the one around `span`, or undefined when that one starts the text. */
export function sentenceBefore(text: string, span: Span): Span | undefined {
  const own = sentenceAround(text, span);
  let end = own.start;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x0a)) end--;
  if (end === 0) return undefined;
  return sentenceAround(text, { start: end - 1, end: end - 1 });
}

const QUOTE_OPEN = new Set([0x201c, 0x00ab, 0x300c, 0x300e, 0x2018]);
const QUOTE_CLOSE = new Set([0x201d, 0x00bb, 0x300d, 0x300f, 0x2019]);

/** Whether `position` lies inside quotation marks ("...", “...”, «...», 「...」) on its line. */
export function isQuoted(text: string, position: number): boolean {
  let straight = 0;
  let curly = 0;
  for (let i = position - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c === 0x22) straight++;
    else if (QUOTE_OPEN.has(c)) curly++;
    else if (QUOTE_CLOSE.has(c)) curly--;
  }
  return straight % 2 === 1 || curly > 0;
}

/**
 * Words that report what someone else claims ("mengaku", "they said", "อ้างว่า", "声称"): a reassurance after one is
 * the recruiter's, quoted by the poster, not the poster's own.
 */
const REPORTED =
  /(?:mengaku|ngaku(?:nya)?|mengklaim|klaim(?:nya)?|katanya|kata (?:dia|mereka|agen|perekrut|orang itu)|(?:dia|mereka|agen(?:nya)?|perekrut(?:nya)?|orang itu) (?:bilang|ngomong)|bilangnya|dibilang|disuruh|menyuruh|nyuruh|berjanji|dijanjikan|meyakinkan|(?:they|he|she|recruiters?|scammers?|agents?|the ads?) (?:say|said|says|claim(?:ed|s)?|told|tell|promised|assured|insist(?:ed|s)?|swore|write|wrote)|told (?:me|him|her|us|them|my [a-z]+)|(?:tells?|told|asks?|asked|instructs?|instructed) you to|claim(?:s|ed|ing)?|assured|promised|อ้างว่า|บอกว่า|อ้าง|noi la|bao la|tu nhan|cam doan|声称|號稱|号称|自称|自稱|说是|說是|daw|raw|sabi (?:nila|niya|ng)|ဆိုပြီး|လို့ပြော)[^.!?\n。！？]{0,40}$/;

/** Whether a span is someone else's words as the poster reports them: quoted, or after a reporting verb. */
export function isReported(text: string, span: Span): boolean {
  if (isQuoted(text, span.start)) return true;
  return REPORTED.test(text.slice(Math.max(0, span.start - 60), span.start));
}

/** Whether `span` lies within any of `areas`. */
export function within(span: Span, areas: Span[]): boolean {
  for (const area of areas) if (span.start >= area.start && span.end <= area.end) return true;
  return false;
}

/** Whether a sentence asks: it ends with a question mark (ASCII or fullwidth). */
export function isQuestion(text: string, sentence: Span): boolean {
  for (let i = sentence.end - 1; i >= sentence.start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3f || c === 0xff1f) return true;
    if (c !== 0x21 && c !== 0xff01 && c !== 0x20 && c !== 0x2e) return false;
  }
  return false;
}

/** A line that starts as a list item: "1.", "2)", "3 -", "a)", "-", "•", "*", "→". */
const LIST_ITEM = /^(?:\d{1,2} ?[.):\-]|[a-e]\)|[-•*·▪●○◦‣⁃➢➤►→✓✔☑])/;

/** How many lines of the normalised text start as list items. */
export function listItems(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (LIST_ITEM.test(text.slice(start, Math.min(end, start + 4)))) count++;
    start = end + 1;
  }
  return count;
}

const BARE_YES = /^(?:yes|yess+|yep|yup|of course|definitely|absolutely|ya|iya|yoi|tentu|tentu saja|pasti|jelas|betul|benar|oo|opo|syempre|co|chac chan|dung vay|ใช่|แน่นอน|จริง|是|是的|当然|當然|ဟုတ်)(?: ?(?:dong|lah|kok|po|ah|na|kak|guys|ka|kha|khrap))?[.!?。！ ]*$/;
const BARE_NO = /^(?:no|nope|never|not at all|tidak|bukan|ga|gak|nggak|enggak|tak|tak lah|hindi|khong|khong phai|ไม่|ไม่ใช่|不是|不|မဟုတ်)(?: ?(?:dong|lah|kok|po|ah|na|kak|guys|ka|kha|khrap))?[.!?。！ ]*$/;
/** Words that make a question ask whether something is a scam (a "yes" then confirms the warning). */
const SCAM_QUESTION = /scam|fake|fraud|penipu|tipu|hoax|hoaks|bodong|abal|lua dao|หลอก|มิจฉา|骗|騙|诈|詐|လိမ်|modus|trap|jebakan/;

/**
 * Whether the poster answers its own question at once with a bare yes or no, in the way a pitch does: "Legit? YES!",
 * "Penipuan? TIDAK!". "Is this a scam? Yes." is a warning that answers, and is not counted.
 */
export function answeredAtOnce(text: string, question: Span): boolean {
  let start = question.end;
  while (start < text.length && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x0a)) start++;
  if (start >= text.length) return false;
  const next = sentenceAround(text, { start, end: start });
  if (next.end - next.start > 24) return false;
  const answer = text.slice(next.start, next.end).trim();
  const asksScam = SCAM_QUESTION.test(text.slice(question.start, question.end));
  return asksScam ? BARE_NO.test(answer) : BARE_YES.test(answer);
}

/**
 * Words that point at the offer or at the one who asks ("this", "ini", "này", "这", "ito", "ဒါ"; "I", "saya", "mình",
 * "我"): someone weighing an offer names it or speaks for themself ("Is it legit?", "Ini aman?"), where a pitch's
 * rhetorical question is bare ("Aman? Japri").
 */
const REFERENT =
  /(?:^|[^a-z])(?:this|that|it|these|those|they|them|i|me|my|ini|itu|tu|ni|dia|mereka|saya|aku|gue|gw|sy|nay|minh|em|toi|tui|ito|iyan|yan|sila|ako|ko)(?![a-z])|นี้|นี่|นั้น|เขา|ฉัน|ผม|หนู|这|這|那|我|ဒါ|ဒီ|သူတို့|ကျွန်/;

/** Whether a sentence points at the offer or at the asker (see REFERENT). */
export function hasReferent(text: string, sentence: Span): boolean {
  return REFERENT.test(text.slice(sentence.start, sentence.end));
}

/** Whether the sentence is the phrase alone, give or take punctuation and a particle: "Aman?", "Legit ba?", "靠谱吗？". */
export function isBare(text: string, sentence: Span, phrase: Span): boolean {
  let rest = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (i >= phrase.start && i < phrase.end) continue;
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x3f && c !== 0x21 && c !== 0x2e && c !== 0xff1f && c !== 0xff01 && c !== 0x0a) rest++;
  }
  return rest <= 3;
}

/** Whether a phrase heads a list: it starts its line (after symbols) or a colon or line end follows it. */
export function isHeading(text: string, span: Span): boolean {
  let after = span.end;
  while (after < text.length && text.charCodeAt(after) === 0x20) after++;
  const next = text.charCodeAt(after);
  if (after >= text.length || next === 0x3a || next === 0xff1a || next === 0x0a) return true;
  for (let i = span.start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    // a letter or digit before it on its line: not at the line's start
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c >= 0x80) return false;
  }
  return true;
}

/**
 * A condition that imagines an offer or an instruction ("if a job offer requires you to...", "jika ada tawaran...",
 * "kapag ang isang job offer...", "nếu được mời...", "ถ้ามีคนชวน...", "如果有人..."): an advisory describes the
 * red flag, where a pitch gives its instruction plainly ("kalau ditanya, bilang liburan").
 */
const HYPOTHETICAL = new RegExp(
  [
    "(?:^|[^a-z])(?:if|when|whenever) (?!(?:[a-z']+ ){0,2}ask)(?:(?:a|an|any|the|your) )?(?:job |work )?(?:offers?|recruiters?|agents?|agency|agencies|employers?|company|companies|ads?|posts?|strangers?|persons?|someone|somebody|anyone|they)(?![a-z])",
    "(?:^|[^a-z])(?:if|when|whenever) (?:you(?: are|'re| get| were) )?(?:told|asked|instructed|required|offered|promised|invited) to",
    '(?:^|[^a-z])(?:jika|kalau|kalo|apabila|bila|sekiranya|seandainya) (?:ada )?(?:anda |kamu |kalian |awak )?(?:tawaran|lowongan|loker|iklan|perekrut|agen|ejen|calo|perusahaan|syarikat|majikan|seseorang|pihak|orang yang|yang (?:menawarkan|menjanjikan|mengajak|menyuruh|meminta)|(?:di)?(?:suruh|minta|tawari|janjikan|ajak|wajibkan))',
    '(?:^|[^a-z])(?:kapag|kung|pag) (?:ang |may |mayroong |merong )?(?:isang )?(?:job offer|alok|recruiter|ahensya|agency|employer|kumpanya|nag-?aalok|nag-?uutos|nangangako|sinabihan|sasabihan|inutusan|uutusan|pinapa|pinag|hinihingan|hihingan)',
    '(?:^|[^a-z])neu (?!(?:[a-z]+ ){0,2}hoi)(?:co |ban |nguoi lao dong )?(?:ai|nguoi|doi tuong|cong ty|loi moi|viec lam|duoc|bi|nhan duoc)(?![a-z])',
    '(?:ถ้า|หาก)(?![^\\n]{0,10}ถาม)(?:มี)?(?:คน|ใคร|การ|งาน|บริษัท|นายหน้า|ถูก|โดน|เขา)',
    '(?:如果|若|一旦|假如|如(?=有))(?![^问問\\n]{0,4}[问問])(?:有人|对方|對方|招聘|工作|公司|中介|你被|被|有)',
  ].join('|'),
);
/** Burmese puts "if" after the clause: "... ပြောခိုင်းရင်" (if they make you say ...). */
const CONDITION_AFTER = /^[^\n။]{0,12}(?:ရင်|လျှင်)/;

/** Whether a span sits in a sentence that imagines an offer (see HYPOTHETICAL), rather than instructs. */
export function isHypothetical(text: string, span: Span): boolean {
  const sentence = sentenceAround(text, span);
  if (HYPOTHETICAL.test(text.slice(sentence.start, span.start))) return true;
  return CONDITION_AFTER.test(text.slice(span.end, span.end + 16));
}
