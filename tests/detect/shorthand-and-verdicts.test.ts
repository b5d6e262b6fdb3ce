import { describe, it } from 'vitest';
import { expectFlagged, expectNone } from '../helpers/levels';

// Weaknesses a red-team probe of fresh posts showed (described, not quoted): destinations written as a nickname or a
// bare initial, perks paid "by the company", and warnings that judge a kind of offer or say they reported it.

describe('Vietnamese "Cam" for Campuchia after a direction word', () => {
  it.each([
    ['qua Cam to work', 'Tuyển bạn nữ qua Cam làm việc văn phòng, lương 1200 đô, bao ăn ở, không cần kinh nghiệm, inbox'],
    ['sang Cam to earn', 'Cần 3 bạn sang Cam kiếm tiền, việc nhẹ lương 18 triệu, bao vé máy bay, liên hệ zalo'],
    ['bên Cam at a comma', 'Bên Cam, đang cần người trực page, lương 20tr, bao ăn ở, không cần bằng cấp. Ai đi nhắn em'],
  ])('%s', (_name, post) => expectFlagged(post));

  it.each([
    ['camping with the office', 'Cuối tuần đi cắm trại với team công ty, công ty bao ăn uống, vui lắm'],
    ['oranges for juice', 'Mua quả cam làm nước ép cho con, 30 nghìn một ký, rẻ quá'],
    ['back from a holiday', 'Mình vừa đi Cam du lịch về, Angkor Wat đẹp lắm, visa 30 đô'],
  ])('does not flag %s', (_name, post) => expectNone(post));
});

describe('a country hidden behind its initial', () => {
  it.each([
    ['id wink', 'Lowongan operator di negara M (paham kan 😉), gaji 11 juta, tiket dan mess ditanggung, japri'],
    ['ms', 'Kerja CS online di negeri T, gaji RM 5,000, penginapan percuma, tak perlu pengalaman, PM'],
    ['en', 'Hiring chat agents for country C, salary $1,100, flight and dorm provided, no experience needed, DM'],
  ])('%s', (_name, post) => expectFlagged(post));

  it.each([
    ['id exam question', 'Soal ujian: jika negara A punya gaji rata-rata 5 juta dan negara B 8 juta, berapa selisihnya?'],
    ['id football', 'Malam ini timnas lawan negara K di grup B, ayo nonton bareng di warung!'],
  ])('does not flag %s', (_name, post) => expectNone(post));
});

describe('perks paid "by the company"', () => {
  it('flags an offer whose ticket and visa are "by the company"', () =>
    expectFlagged('Staff for Laos SEZ, 1000 USD, visa and tickets by company. Apply WhatsApp'));
  it('does not flag a licensed placement whose employer pays the flight', () =>
    expectNone('Nurses for Riyadh via DMW-licensed agency, flights and housing by employer per POEA contract, verify the job order at dmw.gov.ph'));
});

describe('warnings that call an offer fake, judge a kind of offer, or report it', () => {
  it.each([
    ['id a talk on fake offers', 'Diskusi publik minggu ini soal tawaran kerja luar negeri palsu: gaji 15 juta, tiket gratis, tanpa pengalaman, visa wisata. Daftar di link.'],
    ['id reported it to the group admin', 'Barusan ada yang share loker Myanmar gaji 14jt di grup alumni, sudah saya report ke admin grup.'],
    ['en a kind of offer judged', 'Heads up: overseas typing jobs in Laos with free flights are usually traps.'],
    ['en PSA', 'PSA for job hunters: typing jobs in Myanmar, $1,200, free flight and dorm, no experience.'],
  ])('does not flag %s', (_name, post) => expectNone(post));

  it.each([
    ['id denies being fake', 'Ini bukan loker palsu ya, kerja admin di Kamboja gaji 13jt, tiket gratis, japri'],
    ['id says it is not fake', 'Lowongan kerja Kamboja ini asli, tidak palsu! Gaji 12jt, tiket gratis, mess, japri 0812 1111 2222'],
    ['en puts a PSA heading on itself', 'PSA!!! Hiring typists for Myanmar, $1,100, free ticket, no experience, DM me now'],
    ['en denies being a trap', 'Our jobs in Cambodia are real, not scams or traps! CS $1000, free flight and dorm, no experience. DM'],
  ])('still flags an offer that %s', (_name, post) => expectFlagged(post));
});
