import { describe, it } from 'vitest';
import { expectFlagged, expectNone } from '../helpers/levels';

// Found by a red-team probe of fresh posts (described, not quoted): families asking for help after someone left, words
// that read as perks once Vietnamese loses its diacritics, parodies of the ads, and remote jobs that turn on-site.

describe('a family asking for help after someone went for the job', () => {
  it.each([
    ['th cannot reach, where to report', 'ช่วยด้วยครับ ลูกชายไปทำงานตอบแชทที่บาเวต ติดต่อไม่ได้มาสามวันแล้ว แจ้งความได้ที่ไหน'],
    ['vi lost contact, where to report', 'Em trai tôi đi làm admin ở Bavet, giờ không liên lạc được. Phải báo ở đâu ạ?'],
    ['vi a journalist on a held passport', 'Nhà báo ở Phnom Penh kể chuyện nhân viên admin lương 1000 đô bị giữ hộ chiếu.'],
    ['vi warning word before a place', 'Cảnh báo ở Campuchia: nhiều bạn trẻ bị lừa làm việc nhẹ lương cao rồi bị giữ lại.'],
  ])('does not flag %s', (_name, post) => expectNone(post));

  it.each([
    ['vi perks still read as perks', 'Tuyển người làm chat ở Bavet, lương 1000 đô, bao ở, bao vé, không cần kinh nghiệm, inbox'],
    ['th a contact still reads as a contact', 'รับสมัครแอดมินที่บาเวต เงินเดือน 35,000 บาท ที่พักฟรี ไม่ต้องมีประสบการณ์ ติดต่อไลน์'],
  ])('still flags an offer: %s', (_name, post) => expectFlagged(post));
});

describe('a parody of the ads', () => {
  it('does not flag a skit that quotes an ad', () =>
    expectNone('Nonton sketsa stand-up soal loker Myanmar "gaji 14 juta, tinggal ngetik" — lucu tapi bikin sedih.'));
});

describe('a remote job that turns on-site somewhere', () => {
  it.each([
    ['en arrows', 'Remote job -> onsite training in Bangkok, $1,000/month, flight covered, no experience needed. DM us'],
    ['en then', 'Start with online work then on-site in Bangkok office, salary $1,200, free flight, no experience. DM'],
  ])('%s', (_name, post) => expectFlagged(post));

  it('does not flag a hybrid job at home', () =>
    expectNone('Hybrid admin role in Jakarta: remote 3 days, onsite 2 days at our Sudirman office. Salary 8 juta. Apply via our careers page.'));
});
