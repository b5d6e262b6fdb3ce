import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../src/detect/lang';
import { normalizeText } from '../../src/detect/normalize';

describe('guessLanguage', () => {
  it.each([
    ['id', 'Dibutuhkan admin untuk perusahaan di luar negeri, gaji besar dan tiket ditanggung, yang minat japri ya'],
    ['ms', 'Jawatan kosong untuk pekerja kilang, gaji lumayan, tiada pengalaman pun boleh, sila hubungi kami sahaja'],
    ['en', 'We are hiring customer service agents for our office, the salary is good and you can apply now'],
    ['tl', 'Naghahanap po kami ng mga CSR para sa trabaho sa Cebu, walang experience ay pwede na'],
    ['vi', 'Tuyển nhân viên chăm sóc khách hàng, lương cao, không cần kinh nghiệm'],
    ['vi', 'tuyen nhan vien lam viec cong ty, luong thang cao, khong can kinh nghiem'],
    ['th', 'รับสมัครพนักงานแอดมินออนไลน์ เงินเดือนดี'],
    ['zh', '招聘客服，月薪过万，包吃包住'],
    ['my', 'ဖောက်သည်ဝန်ဆောင်မှု အလုပ်ခေါ်နေပါသည်'],
    ['th', 'รับสมัคร Admin Online ทำงานที่กัมพูชา เงินเดือน 30,000'],
    ['und', '12345 !!!'],
  ])('%s: %s', (expected, text) => {
    expect(guessLanguage(text, normalizeText(text).text)).toBe(expected);
  });
});
