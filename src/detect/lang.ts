/**
 * Language guess from script and stop-words: 'id', 'en', 'ms', 'vi', 'th', 'tl', 'zh', 'my', or 'und'.
 * Cheap on purpose: one pass over the original for scripts; stop-words are counted by word hash, so the detector
 * counts them in the same walk over the words that finds its cues.
 */
import { countScripts, type ScriptCounts } from './normalize';
import { wordHash } from './rules/prefix';

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
// words that tell Malay from Indonesian (bits 5 and 6 of the mask)
const MALAY_ONLY = 'boleh sahaja kerana syarikat percuma mahu tiada jawatan kosong sila wang nak awak ialah berjaya kerajaan diingatkan berwaspada';
const INDONESIAN_ONLY = 'gak nggak ga perusahaan gratis mau banget aja udah uang bisa saja karena kalau kalo tapi yg tdk utk dgn lowongan loker';
const MALAY_BIT = 1 << 5;
const INDONESIAN_BIT = 1 << 6;

/** Word hash (see rules/prefix wordHash) → bit mask of the languages it is a stop-word of. */
export const STOP_WORD_MASKS = new Map<number, number>();
const mark = (words: string, bit: number) => {
  for (const word of words.split(' ')) STOP_WORD_MASKS.set(wordHash(word), (STOP_WORD_MASKS.get(wordHash(word)) ?? 0) | bit);
};
LATIN_LANGS.forEach((lang, bit) => mark(STOP_WORDS[lang], 1 << bit));
mark(MALAY_ONLY, MALAY_BIT);
mark(INDONESIAN_ONLY, INDONESIAN_BIT);

/** Stop-word hits per language, filled while walking a post's words. */
export class StopWordCounts {
  readonly hits = [0, 0, 0, 0, 0];
  malayOnly = 0;
  indonesianOnly = 0;
  words = 0;
  add(mask: number): void {
    for (let bit = 0; bit < 5; bit++) if (mask & (1 << bit)) this.hits[bit]!++;
    if (mask & MALAY_BIT) this.malayOnly++;
    if (mask & INDONESIAN_BIT) this.indonesianOnly++;
  }
}

/** Decides the language from the original's scripts and the stop-words counted over the normalised words. */
export function decideLanguage(scripts: ScriptCounts, counts: StopWordCounts): string {
  const { latin, thai, burmese, cjk, vietnamese } = scripts;
  // a CJK character carries about a word; Thai and Burmese letters are closer to Latin ones
  const candidates: [string, number][] = [['th', thai], ['my', burmese], ['zh', cjk * 3]];
  let best = '';
  let bestCount = 0;
  for (const [lang, count] of candidates) {
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  if (bestCount >= 4 && bestCount >= latin * 0.4) return best;
  if (vietnamese >= 3) return 'vi';

  let lang = '';
  let top = 1;
  for (let bit = 0; bit < LATIN_LANGS.length; bit++) {
    if (counts.hits[bit]! > top) {
      top = counts.hits[bit]!;
      lang = LATIN_LANGS[bit]!;
    }
  }
  if (lang === 'id' || lang === 'ms') lang = counts.malayOnly > counts.indonesianOnly ? 'ms' : 'id';
  if (!lang) return bestCount > 0 ? best : 'und';
  return lang;
}

const WORD = /[a-z0-9]+/g;

/** The language of a post, from its original and normalised text. */
export function guessLanguage(original: string, normalized: string): string {
  const counts = new StopWordCounts();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(normalized)) !== null && counts.words < 400) {
    counts.words++;
    const mask = STOP_WORD_MASKS.get(wordHash(m[0]));
    if (mask) counts.add(mask);
  }
  return decideLanguage(countScripts(original), counts);
}
