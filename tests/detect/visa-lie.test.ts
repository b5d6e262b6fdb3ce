import { describe, expect, it } from 'vitest';
import { assessPost } from '../../src/detect';
import { expectFlagged, expectNone } from '../helpers/levels';

// Posts written for the weaknesses a held-out set showed (described, not quoted): each table mixes languages and
// phrasings, and each has hard negatives that share its words.

describe('told to travel as a tourist and lie about the purpose', () => {
  it.each([
    ['id', 'Dibutuhkan staf, berangkat pakai visa kunjungan. Kalau ditanya petugas bandara, bilang mau liburan. Info lengkap japri.'],
    ['id', 'Lowongan kerja! Berangkat dengan visa wisata, jangan bilang mau kerja ke petugas imigrasi, bilang saja mau liburan. Hubungi kami.'],
    ['en', 'Looking for staff. Travel on a tourist visa, and if the airport officer asks, tell them you are going on holiday. PM me for details.'],
    ['en', 'We need workers. Come with a visit visa; at immigration just say you\'re visiting a friend. WhatsApp +62 812 0000 1212'],
    ['tl', 'Hiring po! Tourist visa lang, kapag tinanong ng immigration officer sabihin mo magbabakasyon ka. PM lang'],
    ['vi', 'Cần người đi làm, đi visa du lịch, hải quan hỏi thì nói là đi chơi. Inbox mình'],
    ['th', 'รับสมัครคนไปทำงาน ใช้วีซ่าท่องเที่ยว ถ้าเจ้าหน้าที่ถามให้บอกว่าไปเที่ยว ทักแชท'],
    ['zh', '招人，走旅游签，海关问就说去旅游。私聊'],
    ['ms', 'Jawatan kosong, guna visa pelancong, kalau imigresen tanya cakap nak bercuti. PM saya'],
    ['id', 'Open rekrutmen admin. Nanti kalau ditanya imigrasi, jawab aja mau jenguk saudara. Semua diurus, WA 0812-9191-2828'],
    ['my', 'အလုပ်ခေါ်နေပါတယ်။ ခရီးသွားဗီဇာနဲ့ သွားရမယ်၊ လေဆိပ်မှာ မေးရင် ခရီးသွားတာလို့ ပြောပါ။ ဆက်သွယ်ရန် Telegram @mm_jobs_go'],
  ])('%s: %s', (_lang, post) => expectFlagged(post));

  it.each([
    ['id news', 'Imigrasi Soekarno-Hatta menunda keberangkatan 12 WNI yang mengaku mau liburan padahal akan bekerja di Kamboja dengan visa turis.'],
    ['en advisory', 'BI warns: if a recruiter tells you to say you are a tourist at immigration, it is a red flag for trafficking.'],
    ['id advice', 'Kalau ditanya petugas imigrasi mau ke mana, jawab jujur ya. Jangan mau disuruh bilang liburan kalau sebenarnya kerja.'],
    ['en victim story', 'My cousin was offered a typing job and told to say she was on holiday if immigration asked. She was stopped at NAIA and offloaded, thank God.'],
    ['id a real holiday', 'Mau liburan ke Bangkok bulan depan pakai visa turis. Kalau ditanya imigrasi, bilang aja mau liburan kan? Emang liburan hehe'],
  ])('does not flag %s', (_name, post) => expectNone(post));

  it('names the lie as its own reason', () => {
    const a = assessPost('Dicari staf, pakai visa kunjungan, kalau ditanya bilang mau liburan. Japri');
    expect(a.signals.find((s) => s.family === 'visa' && s.evidence.some((e) => e.text.includes('liburan')))).toBeDefined();
    expect(a.signals.filter((s) => s.family === 'warning')).toEqual([]);
  });
});
