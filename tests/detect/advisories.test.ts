import { describe, expect, it } from 'vitest';
import { assessPost } from '../../src/detect';
import { expectFlagged, expectNone } from '../helpers/levels';

// Posts written for weaknesses seen outside the corpus (classes described, not quoted): an agency's advisory phrased as
// a condition ("if a job offer asks you to...") in every language, and scams that borrow an advisory's words.

describe('an advisory that imagines the offer it warns of', () => {
  it.each([
    ['tl', 'Nagpaalala ang DMW sa publiko: kapag ang isang job offer ay nag-uutos na magpanggap kang turista sa immigration, ito ay red flag ng human trafficking.'],
    ['tl', 'Nagbabala ang Bureau of Immigration: kung sasabihan kang magpanggap na turista para makapagtrabaho sa Cambodia bilang CSR na may sahod na $1,000, huwag pumayag.'],
    ['tl', 'Paalala: kung may nag-aalok ng trabaho sa Cambodia na may sahod na 60k, libre lahat, at sasabihing tourist visa lang, huwag maniwala.'],
    ['vi', 'Bộ Ngoại giao khuyến cáo: công dân cần cảnh giác với các lời mời làm việc tại Campuchia với mức lương cao, bao vé máy bay, không cần kinh nghiệm.'],
    ['vi', 'Cục Quản lý lao động ngoài nước khuyến cáo người lao động: nếu được mời đi làm việc nhẹ lương cao ở Campuchia và bảo nói là đi du lịch thì đó là lừa đảo.'],
    ['en', 'The Department of Migrant Workers reminds the public: if a job offer requires you to pose as a tourist or pay placement fees, it is illegal recruitment.'],
    ['en', 'The embassy urges jobseekers: if you are told to tell immigration you are on holiday, or offered $1,200 a month for typing in Cambodia with free flights, do not go.'],
    ['en', 'Reminder from the Bureau of Immigration: if a recruiter on Telegram offers you a CSR job in Cambodia at $1,000 and asks you to act like a tourist, that is a red flag.'],
    ['id', 'Kemnaker mengimbau masyarakat: jika ada tawaran kerja ke Kamboja dengan gaji tinggi, tiket gratis dan disuruh bilang mau liburan ke petugas imigrasi, itu tanda penipuan.'],
    ['ms', 'Jabatan Imigresen mengingatkan orang ramai: jika tawaran kerja meminta anda menyamar sebagai pelancong ke Kemboja dengan gaji RM6,000, ia adalah penipuan.'],
    ['th', 'กระทรวงแรงงานเตือน: ถ้ามีคนชวนไปทำงานที่กัมพูชา เงินเดือนสูง ให้บอกเจ้าหน้าที่ว่าไปเที่ยว นั่นคือการหลอกลวง'],
    ['zh', '驻柬使馆提醒：如有人以高薪客服工作为由，让你对边检说去旅游，月薪1500美金，包吃包住，请立即报警。'],
    ['zh', '外交部提醒民众：如果有人介绍去柬埔寨做客服，月薪过万，包吃包住，让你说去旅游，那就是诈骗。'],
    ['my', 'ကမ္ဘောဒီးယားမှာ လစာ ဒေါ်လာ 1000 အလုပ်ခေါ်ရင် ခရီးသွားလို့ ပြောခိုင်းရင် လိမ်လည်မှုဖြစ်တယ်လို့ သံရုံးက သတိပေးပါတယ်။'],
  ])('does not flag %s: %s', (_lang, post) => expectNone(post));

  it('does not read the advisory\'s imagined instruction as a lie the post tells', () => {
    const a = assessPost('The Department of Migrant Workers reminds the public: if a job offer requires you to pose as a tourist, it is a red flag.');
    expect(a.signals.filter((s) => s.family === 'visa')).toEqual([]);
    expect(a.signals.some((s) => s.id === 'warning.advisory')).toBe(true);
  });

  // the same words, in a post that gives the instruction itself and borrows an advisory's phrase to look safe
  it.each([
    ['en', 'Hiring CSR in Cambodia $1,200, free flight. If immigration asks, say you are a tourist. The embassy reminds the public to be careful, but we are legal. DM @kh_hr'],
    ['id', 'Lowongan CS Kamboja gaji 15jt, tiket gratis. Kalau ditanya imigrasi bilang mau liburan. KBRI mengimbau hati-hati, tapi kami resmi. WA 0812-3333-4444'],
    ['vi', 'Tuyển CSKH Campuchia lương 25 triệu, bao vé. Nếu hải quan hỏi thì nói là đi du lịch. Bộ Ngoại giao khuyến cáo cảnh giác nhưng công ty mình uy tín. Inbox zalo 0912 333 444'],
    ['tl', 'Hiring po CSR sa Cambodia, 55k, libre lahat. Kapag tinanong ng immigration, sabihin mo magbabakasyon ka. Nagpaalala ang DMW pero legal kami. PM'],
    ['zh', '柬埔寨招客服，月薪1200美金，包吃包住，海关问就说去旅游。大使馆提醒大家小心，但我们公司正规。私聊'],
    ['th', 'รับสมัครแอดมินทำงานปอยเปต เงินเดือน 40,000 บาท ฟรีที่พัก ถ้าเจ้าหน้าที่ถามให้บอกว่าไปเที่ยว มีข่าวเตือนเยอะแต่บริษัทเราถูกกฎหมาย ทักไลน์'],
    ['tl a reminder header', 'PAALALA sa mga aplikante: tourist visa lang ang gagamitin. CSR job sa Cambodia 55k, libre lahat. Message po'],
    ['vi an advisory word as a header', 'Khuyến cáo: chỉ nhận người nghiêm túc. Tuyển CSKH đi Campuchia lương 25 triệu, bao ăn ở, bao vé. Inbox'],
    ['th an announcement header', 'ประชาสัมพันธ์ รับสมัครแอดมินตอบแชท ทำงานกัมพูชา เงินเดือน 40,000 บาท ฟรีที่พัก ไม่ต้องมีประสบการณ์ ทักไลน์'],
    ['en if asked', 'Hiring typists in Cambodia, $1,100, free flight. If asked at the airport, say you are a tourist. Beware of fake agents, we are the real one. DM'],
    ['vi if asked', 'Tuyển đánh máy ở Campuchia lương 25 triệu, bao vé. Nếu được hỏi thì nói là đi du lịch. Báo chí cảnh báo nhiều nhưng bên mình uy tín. Inbox zalo'],
    ['zh if anyone asks (formal)', '柬埔寨招客服，月薪1200美金，包吃包住，如有人问就说去旅游。小心骗子，我们公司正规。私聊'],
    ['zh if someone asks', '柬埔寨招打字员，月薪1100美金，包机票。如果有人问就说去旅游。小心骗子，我们才是真的。私聊'],
  ])('still flags %s: %s', (_lang, post) => expectFlagged(post));
});
