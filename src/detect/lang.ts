/**
 * Language guess from script and stop-words: 'id', 'en', 'ms', 'vi', 'th', 'tl', 'zh', 'my', or 'und'.
 * Cheap on purpose: one pass over the original for scripts, one over the normalised words.
 */

type LatinLang = 'id' | 'ms' | 'en' | 'tl' | 'vi';
const LATIN_LANGS: LatinLang[] = ['id', 'ms', 'en', 'tl', 'vi'];

// words frequent in one language's posts; Indonesian and Malay share many, so each also has its own tell-tales
const STOP_WORDS: Record<LatinLang, string> = {
  id: 'yang dan di ke dari untuk dengan ini itu tidak gak nggak ga ada saya kami kamu akan bisa juga sudah atau karena jadi hanya gaji lowongan bulan tanpa perusahaan gratis mau banget sama aja udah lagi uang kerja bekerja pekerjaan dibutuhkan ditanggung berangkat segera hubungi minat yg tdk utk dgn kalau kalo buat tapi sangat lebih',
  ms: 'yang dan di ke dari untuk dengan ini itu tidak ada saya kami anda akan boleh juga sudah atau kerana jadi hanya sahaja gaji bulan tanpa syarikat percuma mahu nak tak tiada jawatan kosong berminat sila wang pekerja kerja ialah adalah bagi oleh dalam lagi',
  en: 'the and to of for with you is are in we our this will no free job jobs salary work a an be your apply now need at on from that it as can have has by or not they their was were month per',
  tl: 'ang ng mga sa na at ay para kayo po hindi trabaho sahod kung lang naman ito walang may ka mo ko ako kami namin natin nila siya din rin lahat pa nga ba dito doon',
  vi: 'cua va khong la duoc nhung cac cho voi nguoi lam viec cong ty tuyen luong thang nay mot co the den di tai ve da se rat nhieu ban minh chung toi ho trong ngoai',
};
// words that tell Malay from Indonesian
const MALAY_ONLY = new Set('boleh sahaja kerana syarikat percuma mahu tiada jawatan kosong sila wang nak awak kamu ialah bagi berminat hubungi segera'.split(' ').filter(
  (w) => !['hubungi', 'segera', 'kamu', 'bagi', 'berminat'].includes(w),
));
const INDONESIAN_ONLY = new Set('gak nggak ga perusahaan gratis mau banget aja udah uang bisa saja karena kalau kalo tapi yg tdk utk dgn lowongan loker'.split(' '));

const WORD_LANGS = new Map<string, number>();
LATIN_LANGS.forEach((lang, bit) => {
  for (const word of STOP_WORDS[lang].split(' ')) WORD_LANGS.set(word, (WORD_LANGS.get(word) ?? 0) | (1 << bit));
});

const WORD = /[a-z]+/g;

/** Vietnamese letters other Latin languages here don't use (ơ ư đ ă and stacked tone marks). */
function isVietnameseLetter(c: number): boolean {
  return (c >= 0x1ea0 && c <= 0x1ef9) || c === 0x01a1 || c === 0x01a0 || c === 0x01b0 || c === 0x01af || c === 0x0111 || c === 0x0110 ||
    c === 0x0103 || c === 0x0102;
}

export function guessLanguage(original: string, normalized: string): string {
  let latin = 0;
  let thai = 0;
  let burmese = 0;
  let cjk = 0;
  let vietnamese = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (c >= 0x0e00 && c <= 0x0e7f) thai++;
    else if (c >= 0x1000 && c <= 0x109f) burmese++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) cjk++;
    else if (isVietnameseLetter(c)) {
      vietnamese++;
      latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
  }
  // a CJK character carries about a word; Thai and Burmese letters are closer to Latin ones
  const scripts: [string, number][] = [['th', thai], ['my', burmese], ['zh', cjk * 3]];
  let best = '';
  let bestCount = 0;
  for (const [lang, count] of scripts) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  if (bestCount >= 4 && bestCount >= latin * 0.4) return best;
  if (vietnamese >= 3) return 'vi';

  const hits = [0, 0, 0, 0, 0];
  let malayOnly = 0;
  let indonesianOnly = 0;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let words = 0;
  while ((m = WORD.exec(normalized)) !== null && words < 400) {
    words++;
    const word = m[0];
    const mask = WORD_LANGS.get(word);
    if (mask) for (let bit = 0; bit < 5; bit++) if (mask & (1 << bit)) hits[bit]!++;
    if (MALAY_ONLY.has(word)) malayOnly++;
    else if (INDONESIAN_ONLY.has(word)) indonesianOnly++;
  }
  let lang = '';
  let top = 1;
  for (let bit = 0; bit < LATIN_LANGS.length; bit++) {
    if (hits[bit]! > top) {
      top = hits[bit]!;
      lang = LATIN_LANGS[bit]!;
    }
  }
  if (lang === 'id' || lang === 'ms') lang = malayOnly > indonesianOnly ? 'ms' : 'id';
  if (!lang) return bestCount > 0 ? best : 'und';
  return lang;
}
