import { describe, it } from 'vitest';
import { expectFlagged, expectNone } from '../helpers/levels';

// Posts written for the weaknesses a held-out set showed (described, not quoted): each table mixes languages and
// phrasings, and each has hard negatives that share its words.

describe('vague "work abroad" offers with several lures', () => {
  it.each([
    ['id chatty', 'Siapa yang mau kerja ke luar negeri bareng aku? Gaji dolar, tinggal di hotel, gak perlu pengalaman, cuma butuh HP. Chat aku ya'],
    ['id easy job', 'Ada info kerja luar negeri nih, gaji 2 digit, kerjaan cuma main HP, tiket dibayarin. Minat komen'],
    ['id looking for friends', 'Lagi cari teman buat kerja ke luar negeri, kerjanya santai cuma chat, digaji dolar, mess kayak hotel, modal HP aja. DM'],
    ['id abbreviated', 'Kerja LN gaji gede, ga ada pengalaman gapapa, berangkat gratis, tinggal di apartemen. Inbox aku'],
    ['en', 'Who wants to work abroad with me? Paid in dollars, hotel accommodation, no experience, you only need a phone. Message me'],
    ['tl', 'Sino gusto mag-abroad kasama ko? Dollar ang sahod, hotel ang tirahan, walang experience, cellphone lang kailangan. PM'],
    ['vi', 'Ai muốn đi làm nước ngoài với mình không? Lương đô, ở khách sạn, không cần kinh nghiệm, chỉ cần điện thoại. Ib mình'],
    ['ms', 'Sapa nak kerja luar negara dengan saya? Gaji dolar, duduk hotel, tak perlu pengalaman, cukup ada telefon. PM'],
  ])('%s', (_name, post) => expectFlagged(post));

  it.each([
    ['id advice', 'Kerja di luar negeri memang gaji besar, tapi pastikan lewat jalur resmi P3MI dan cek SISKOP2MI ya.'],
    ['id homesick worker', 'Alhamdulillah sudah 3 tahun kerja di luar negeri, kangen keluarga di rumah. Semoga cepat pulang.'],
    ['id proud parent', 'Anak saya kerja di luar negeri, gajinya lumayan, tiap bulan kirim uang. Bangga sekali.'],
    ['en travel buddy', 'Who wants to travel abroad with me next month? Hotel booked, flights cheap. DM me!'],
    ['id remote job', 'Lowongan kerja remote dari rumah untuk klien luar negeri, gaji dolar, cukup laptop dan internet. Kirim CV ke email HR.'],
    ['id licensed Japan programme with an apartment', 'Program magang ke Jepang lewat LPK resmi, tinggal di apartemen, gaji 20 juta, tanpa pengalaman. Daftar di Disnaker setempat, visa kerja dan kontrak.'],
    ['id hotel job at home', 'Lowongan resepsionis hotel di Bali, gaji 4 juta, mess disediakan, tanpa pengalaman. Kirim lamaran ke HRD.'],
    ['en holiday with a hotel', 'Going abroad for the first time! Staying in a hotel in Singapore, only need my phone for maps. Any food tips?'],
  ])('does not flag %s', (_name, post) => expectNone(post));
});
