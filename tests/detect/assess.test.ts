import { describe, expect, it } from 'vitest';
import { assessPost, type Assessment, type SignalFamily } from '../../src/detect';

const flagged = (a: Assessment) => a.level !== 'none';
const families = (a: Assessment) => new Set(a.signals.map((s) => s.family));

describe('assessPost: scam recruitment posts are flagged', () => {
  it.each([
    // Indonesian
    ['id', 'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri 0812-3456-7890'],
    ['id', 'DIBUTUHKAN ADMIN ONLINE penempatan Phnom Penh. Gaji Rp 12.000.000/bulan, mess & makan gratis, usia 18-35, bisa mengetik. Berangkat minggu ini! WA 081234567890'],
    ['id', 'Info loker luar negeri 🇰🇭 posisi operator game, gaji 1000 USD, tiket pesawat ditanggung perusahaan, cukup paspor, bilang saja liburan ke imigrasi. Minat? komen "siap"'],
    ['id', 'Butuh cepat 10 orang marketing online di Sihanoukville, gaji belasan juta, semua biaya ditanggung, tidak perlu pengalaman, proses cepat. Cek bio ya'],
    ['id', 'Kerja di negara K, gaji 15 juta, visa turis dulu nanti diurus disana, kuota terbatas, japri aja'],
    ['id', 'Peluang kerja di Myawaddy sebagai customer service, gaji 18jt, tiket gratis, dijemput di bandara Bangkok. Hubungi admin'],
    ['id', 'Dicari typing staff untuk perusahaan investasi di Kamboja, gaji 8-15 juta, tanpa ijazah, asal bisa komputer. Kirim foto KTP dan paspor via WA 0857-1111-2222'],
    ['id', 'Loker Thailand! Admin chat, gaji 20jt, tiket + mess ditanggung, tanpa pengalaman, berangkat secepatnya. Inbox'],
    // English
    ['en', 'Hiring CSR in Cambodia! $1,200/month, free flight and accommodation, no experience needed. DM me on Telegram @jobcambo'],
    ['en', 'URGENT HIRING: Customer Support agents for an online gaming company in Myanmar. Salary USD 1500 + commission, free food and housing, basic English, age 18-35. Fly next week. Contact t.me/hr_asia_jobs'],
    ['en', 'Looking for typists to work in Laos (Golden Triangle). Pay $1,000 monthly, air ticket provided, tourist visa is fine, no degree required. WhatsApp +62 812 3456 7890'],
    ['en', 'Data entry job in Phnom Penh, 800 USD/month, accommodation provided, just basic computer skills. Just say you are a tourist at immigration. PM for details'],
    // Malay
    ['ms', 'Jawatan kosong di Kemboja, khidmat pelanggan, gaji RM 5,000 sebulan, tiket dan penginapan percuma, tiada pengalaman diperlukan. Berminat whatsapp 012-3456789'],
    // Vietnamese
    ['vi', 'Tuyển nhân viên chăm sóc khách hàng làm việc tại Campuchia, lương 20 triệu/tháng, bao ăn ở, không cần kinh nghiệm, ib ngay'],
    ['vi', 'Tuyển gấp 20 bạn đánh máy đi Campuchia, lương 1000 đô, bao vé máy bay, đi visa du lịch, việc nhẹ lương cao. Liên hệ zalo 0912345678'],
    // Thai
    ['th', 'รับสมัครแอดมินออนไลน์ ทำงานที่กัมพูชา เงินเดือน 30,000 บาท ฟรีที่พัก อาหาร ไม่ต้องมีประสบการณ์'],
    ['th', 'รับด่วน พนักงานคีย์ข้อมูล ทำงานเมียวดี รายได้ 35,000 บาท/เดือน ออกค่าตั๋วให้ ไม่จำกัดวุฒิ ทักไลน์'],
    // Tagalog
    ['tl', 'Hiring CSR sa Cambodia! Sahod ₱60,000 kada buwan, libreng pamasahe at tirahan, kahit walang experience. PM lang po'],
    ['tl', 'Naghahanap kami ng encoder sa Myanmar, $1,000 a month, libre ang tirahan, tourist visa lang, sabihin na bakasyon. Message lang'],
    // Chinese
    ['zh', '柬埔寨西港招聘客服，月薪过万，包吃包住，无需经验，会打字即可，联系飞机@abc123'],
    ['zh', '缅甸妙瓦底急招打字员，底薪1500U，包机票，旅游签出境，有意私聊'],
    // Burmese
    ['my', 'ကမ္ဘောဒီးယားမှာ ဖောက်သည်ဝန်ဆောင်မှု အလုပ်ခေါ်နေပါသည်။ လစာ သိန်း 30၊ စားဝတ်နေရေး အခမဲ့၊ အတွေ့အကြုံမလို။ ဆက်သွယ်ရန် Telegram @myjobs_kh'],
  ])('%s: %s', (_lang, post) => {
    const a = assessPost(post);
    expect(a.level, JSON.stringify(a.signals.map((s) => s.id))).toBe('high');
  });

  it.each([
    ['leetspeak', 'L0wongan CS di K4mb0ja, g4ji 15jt, t1ket + v1sa d1tanggung, tanpa peng4laman. J4pri'],
    ['spaced letters', 'Lowongan CS di K A M B O J A, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['dotted letters', 'Lowongan CS di K.A.M.B.O.J.A, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['math bold', '𝐋𝐨𝐰𝐨𝐧𝐠𝐚𝐧 𝐂𝐒 𝐝𝐢 𝐊𝐚𝐦𝐛𝐨𝐣𝐚, 𝐠𝐚𝐣𝐢 𝟏𝟓𝐣𝐭, 𝐭𝐢𝐤𝐞𝐭 + 𝐯𝐢𝐬𝐚 𝐝𝐢𝐭𝐚𝐧𝐠𝐠𝐮𝐧𝐠, 𝐭𝐚𝐧𝐩𝐚 𝐩𝐞𝐧𝐠𝐚𝐥𝐚𝐦𝐚𝐧. 𝐉𝐚𝐩𝐫𝐢'],
    ['math italic', '𝘓𝘰𝘸𝘰𝘯𝘨𝘢𝘯 𝘊𝘚 𝘥𝘪 𝘒𝘢𝘮𝘣𝘰𝘫𝘢, 𝘨𝘢𝘫𝘪 15𝘫𝘵, 𝘵𝘪𝘬𝘦𝘵 + 𝘷𝘪𝘴𝘢 𝘥𝘪𝘵𝘢𝘯𝘨𝘨𝘶𝘯𝘨, 𝘵𝘢𝘯𝘱𝘢 𝘱𝘦𝘯𝘨𝘢𝘭𝘢𝘮𝘢𝘯. 𝘑𝘢𝘱𝘳𝘪'],
    ['fullwidth', 'Ｌｏｗｏｎｇａｎ ＣＳ ｄｉ Ｋａｍｂｏｊａ，ｇａｊｉ １５ｊｔ，ｔｉｋｅｔ ＋ ｖｉｓａ ｄｉｔａｎｇｇｕｎｇ，ｔａｎｐａ ｐｅｎｇａｌａｍａｎ．Ｊａｐｒｉ'],
    ['cyrillic look-alikes', 'Lоwоngаn СS di Kаmbоjа, gаji 15jt, tikеt + visа ditаnggung, tаnpа pеngаlаmаn. Jаpri'],
    ['zero-width characters', 'Lowongan CS di Ka\u200bmbo\u200bja, gaji 15jt, ti\u200bket + vi\u200bsa ditang\u200bgung, tanpa penga\u200blaman. Japri'],
    ['keycap digits and a flag', 'Lowongan CS di 🇰🇭, gaji 1️⃣5️⃣jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['zalgo marks', 'Lowongan CS di K̷a̷m̷b̷o̷j̷a̷, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['abbreviations', 'Loker CS penempatan PP, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['a split name', 'Lowongan CS di Kam-boja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['a starred letter', 'Lowongan CS di Kamb*ja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['upper-case leetspeak', 'LOWONGAN CS DI K@MB0J@, GAJI 15JT, TIKET + VISA DITANGGUNG, TANPA PENGALAMAN. JAPRI'],
    ['a hashtag', '#lokerkamboja CS gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
    ['double-spaced words of spaced letters', 'B U T U H  C S  K A M B O J A, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Japri'],
  ])('sees through %s', (_name, post) => {
    expect(assessPost(post).level).toBe('high');
  });

  it.each([
    ['"bukan penipuan"', 'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Ini bukan penipuan! Japri 0812-3456-7890'],
    ['"100% aman dan legal"', 'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. 100% aman dan legal. Japri 0812-3456-7890'],
    ['"hati-hati penipuan mengatasnamakan kami"', 'Lowongan CS di Kamboja, gaji 15jt, tiket + visa ditanggung, tanpa pengalaman. Hati-hati penipuan mengatasnamakan kami. Japri 0812-3456-7890'],
    ['"legit, not a scam"', 'Hiring CSR in Cambodia, $1,200/month, free flight and accommodation, no experience. 100% legit, not a scam! DM @jobcambo'],
    ['"P3MI resmi" without a licence', 'Lowongan CS di Kamboja lewat P3MI resmi, gaji 15jt, tiket + visa ditanggung, visa turis, tanpa pengalaman. Japri 0812-3456-7890'],
  ])('a scam cannot whitelist itself with %s', (_name, post) => {
    expect(flagged(assessPost(post))).toBe(true);
  });
});

describe('assessPost: what must not be flagged', () => {
  it.each([
    // warnings, news, official statements, victims, questions
    ['id news', 'Polisi menangkap 3 tersangka TPPO yang merekrut korban untuk bekerja sebagai CS di Kamboja dengan gaji 15 juta dan tiket gratis.'],
    ['id embassy', 'KBRI Phnom Penh mengimbau WNI agar tidak tergiur lowongan kerja di Kamboja dengan gaji besar, tiket ditanggung dan tanpa pengalaman. Kamboja bukan negara penempatan PMI.'],
    ['id victim', 'Saya dulu tergiur gaji 15jt jadi admin di Kamboja, tiket gratis katanya. Ternyata disekap, paspor ditahan, dipaksa menipu. Alhamdulillah akhirnya dipulangkan KBRI.'],
    ['id question', 'Ada yang tau lowongan ini aman gak? CS di Kamboja gaji 1000 USD, tiket gratis, WA 0812345678'],
    ['id caution', 'Hati-hati modus lowongan kerja ke Kamboja: gaji belasan juta, tiket dan visa ditanggung, tanpa pengalaman, berangkat pakai visa turis. Jangan mudah percaya, cek dulu di SISKOP2MI.'],
    ['en news', 'Police rescued 40 Indonesians who were lured with customer service jobs in Cambodia promising $1,000 a month and free flights. The victims were repatriated last week.'],
    ['en advisory', 'Beware of fake job offers: "customer service in Myanmar, $1500/month, free housing, no experience". Victims are trafficked into scam compounds. Report to the embassy.'],
    ['en question', 'Is this legit? Someone offered my sister a typing job in Cambodia, $900 a month, free ticket and accommodation. Anyone know this company?'],
    ['vi warning', 'Cảnh báo: nhiều nạn nhân bị lừa sang Campuchia làm việc nhẹ lương cao, bao ăn ở, sau đó bị bán vào các công ty lừa đảo. Công an đã giải cứu 20 người.'],
    ['th warning', 'เตือนภัย! แก๊งคอลเซ็นเตอร์หลอกคนไปทำงานกัมพูชา เงินเดือนสูง ฟรีที่พัก ไม่ต้องมีประสบการณ์ ตำรวจช่วยเหลือเหยื่อได้แล้ว 30 คน'],
    ['tl warning', 'BABALA: Mag-ingat sa mga alok na trabaho sa Cambodia bilang CSR, ₱60,000 sahod, libreng tirahan. Maraming biktima ang na-rescue ng IACAT.'],
    ['zh warning', '警惕！所谓柬埔寨高薪招聘客服、包吃包住都是骗局，很多受害者被骗到园区，警方已解救多人。'],
    ['ms warning', 'Awas! Tawaran kerja di Kemboja dengan gaji RM 5,000 dan tiket percuma adalah sindiket. Ramai mangsa telah diselamatkan oleh polis.'],
    ['my warning', 'သတိပေးချက်: ကမ္ဘောဒီးယားမှာ လစာကောင်း အလုပ်ခေါ်တာတွေဟာ လူကုန်ကူးမှုဖြစ်နိုင်ပါတယ်။ သားကောင်များစွာကို ကယ်ဆယ်ခဲ့ပါတယ်။'],
    // legitimate jobs
    ['G to G Korea', 'Program G to G Korea EPS-TOPIK dibuka! Gaji setara Rp 25 juta, tiket disediakan, asrama dari perusahaan. Daftar resmi melalui SISKOP2MI, tanpa biaya calo.'],
    ['Japan agency', 'PT Maju Bersama (P3MI, SIP3MI No. 123/2021) membuka lowongan caregiver ke Jepang. Gaji 20 juta, visa kerja dan kontrak kerja sebelum berangkat. Alamat: Jl. Sudirman No. 10 Jakarta.'],
    ['Taiwan factory via licensed agency', 'Lowongan pabrik di Taiwan melalui P3MI berizin, izin SIP3MI No. 456/2022, gaji NT$ 27.000, tiket ditanggung, asrama. Visa kerja, kontrak kerja. Info di kantor kami Jl. Pemuda No. 5.'],
    ['Cambodian local job', 'ABC Bank Plc is hiring a Customer Service Officer in Phnom Penh. Requirements: Bachelor degree, 1 year experience. Salary $400-600. Send CV to hr@abcbank.com.kh'],
    ['Cambodian NGO job', 'Program Officer needed in Siem Reap. Minimum 3 years experience in community development, university degree. Salary USD 1,200. Apply at www.ngo-cambodia.org before 30 June.'],
    ['domestic job with mess and WhatsApp', 'Dibutuhkan karyawan toko di Bekasi, gaji 5jt, mess + makan, tanpa pengalaman, usia 18-30, WA 0812345678'],
    ['domestic admin job', 'Lowongan admin gudang di Surabaya, gaji UMR + lembur, pengalaman minimal 1 tahun, kirim lamaran ke WA 0812-2222-3333'],
    ['remote job paid in USD', 'Hiring remote customer support (work from home), $1,000/month, flexible hours, no experience needed. Apply via our website.'],
    ['senior engineer abroad', 'We are hiring a Senior Software Engineer in Singapore, 5+ years experience, salary SGD 9,000/month, relocation provided. Apply on our careers page.'],
    // other posts
    ['travel post', 'Liburan ke Siem Reap dan Phnom Penh 5 hari, tiket pesawat murah, hotel gratis sarapan. Info booking WA 0812-9999-0000'],
    ['travel question', 'Mau jalan-jalan ke Kamboja bulan depan, bebas visa kan buat WNI? Ada rekomendasi hotel di Phnom Penh?'],
    ['news without recruitment', 'Harga beras naik 15 persen bulan ini, pemerintah siapkan operasi pasar di Jakarta.'],
    ['a single keyword', 'Kamboja'],
    ['a place and a salary alone', 'Gaji di Kamboja katanya tinggi ya'],
  ])('%s', (_name, post) => {
    const a = assessPost(post);
    expect(a.level, JSON.stringify(a.signals.map((s) => `${s.id}:${s.weight}`))).toBe('none');
  });
});

describe('assessPost: more phrasings per language', () => {
  it.each([
    ['Dibuka lowongan staf admin untuk perusahaan di Sihanoukville. Gaji $1000, tempat tinggal disediakan, cukup bisa main HP. Hubungi 0857-1234-5678'],
    ['Ada kerjaan di Kamboja nih, jadi CS, 12 juta sebulan, tiket pesawat dibayarin bos. Minat DM'],
    ['Kerja kantoran di Myanmar, gaji 20jt/bulan, makan & mess free, umur 20-30, berangkat via Bangkok. WA admin'],
    ['Open rekrutmen marketing online penempatan Kamboja. Fasilitas: tiket PP, mess, makan 3x. Gaji pokok 9jt + komisi. Proses cepat tanpa tes.'],
    ['We are hiring chat support in Myawaddy. USD 1200 per month, no experience, visa will be arranged, accommodation free. Apply via Telegram.'],
    ['Job offer: Data encoder in Cambodia, $1,000 monthly, free board and lodging, tourist visa only, apply now via WhatsApp +855 12 345 678'],
    ['Urgent! Need 5 Malaysians for customer service job in Thailand, RM 7,000 per month, ticket and hotel provided. Interested PM me.'],
    ['Perlukan pekerja untuk jawatan admin di Kemboja. Gaji RM4500 sebulan, tiket kapal terbang dan makan minum ditanggung syarikat. Tiada kelayakan diperlukan. WhatsApp 011-2345 6789'],
    ['Cần tuyển 10 bạn nữ làm trực page tại Campuchia, lương 18-25 triệu, bao ăn ở, hỗ trợ vé máy bay. Không cần kinh nghiệm. Liên hệ Zalo 0987654321'],
    ['Việc nhẹ lương cao ở nước ngoài! Lương 1500 USD, đi du lịch rồi làm việc, công ty lo hết chi phí. Inbox ngay'],
    ['รับสมัครพนักงานตอบแชทภาษาไทย ทำงานที่ปอยเปต รายได้ 35,000 บาท มีที่พัก อาหาร 3 มื้อ ไม่ต้องใช้ประสบการณ์ สนใจแอดไลน์'],
    ['งานต่างประเทศ กัมพูชา เงินเดือน 40,000 บาท เดินทางฟรี ใช้วีซ่าท่องเที่ยว ทักแชทด่วน'],
    ['Hiring po ng CSR sa Cambodia! 50k monthly, libre tirahan at pagkain, kahit walang experience basta marunong mag-English. PM for details'],
    ['Trabaho sa Laos para sa chat agent, sahod ₱70,000, sagot ng company ang ticket. Tourist visa lang po gagamitin. Message me'],
    ['高薪诚聘 柬埔寨金边 客服/推广 底薪8000+提成 包吃住 报销机票 无需经验 有意者加微信'],
    ['緬甸高薪工作 月薪2萬起 打字員 包吃包住 免費機票 只要會打字就可以 私訊我'],
    ['ကမ္ဘောဒီးယား အလုပ်ခေါ်နေပါတယ် လစာ ဒေါ်လာ ၁၀၀၀ စားစရာ နေစရာ အခမဲ့ အတွေ့အကြုံ မလိုပါ ဆက်သွယ်ရန် 09123456789'],
  ])('flags the offer: %s', (post) => {
    expect(assessPost(post).level).not.toBe('none');
  });

  it.each([
    ['Waspada! Banyak lowongan palsu ke Kamboja dengan gaji 15 juta dan tiket gratis. Jangan sampai jadi korban perdagangan orang.'],
    ['Adik saya ditawari kerja di Kamboja gaji 12 juta, katanya tiket gratis. Apakah ini aman? Mohon sarannya.'],
    ['BP2MI: Kamboja bukan negara tujuan penempatan PMI. Lowongan CS dengan gaji tinggi di sana patut dicurigai.'],
    ['Three Filipinos rescued from a scam hub in Myawaddy said they were recruited on Facebook for $1,200 CSR jobs with free accommodation.'],
    ['PSA: If someone offers you a typing job in Cambodia for $1000 with free flights, it is human trafficking. Report to IACAT 1343.'],
    ['Polis berjaya menyelamatkan 12 mangsa yang dijanjikan kerja di Kemboja dengan gaji RM 5,000. Orang ramai diingatkan supaya berwaspada.'],
    ['Công an tỉnh cảnh báo: nhiều người bị dụ sang Campuchia làm việc nhẹ lương cao 20 triệu/tháng, sau đó bị bán cho các công ty cờ bạc online.'],
    ['ตำรวจเตือน อย่าหลงเชื่อโฆษณางานตอบแชทที่กัมพูชา เงินเดือนสูง ฟรีที่พัก เพราะอาจถูกหลอกไปทำงานผิดกฎหมาย'],
    ['Ingat po kayo! Yung mga alok na trabaho sa Cambodia na 50k ang sahod at libre lahat, scam po yan. Marami nang nabiktima.'],
    ['提醒大家：网上所谓柬埔寨高薪客服，包吃包住，月薪过万，大多是诈骗团伙的陷阱，千万不要上当。'],
    ['သတိပြုကြပါ။ ထိုင်းမှာ လစာကောင်းတဲ့ အလုပ်ဆိုပြီး မြဝတီကို ခေါ်သွားပြီး လိမ်လည်ရေးအလုပ် လုပ်ခိုင်းတာတွေ ရှိပါတယ်။'],
    ['Lowongan resmi ke Korea melalui program G to G, gaji Rp 25 juta, tiket dan asrama disediakan, daftar di SISKOP2MI.'],
    ['PT Sinar Jaya (SIP3MI No. 22/2020) membuka lowongan perawat lansia ke Jepang, gaji 18 juta, visa kerja dan kontrak kerja resmi.'],
    ['Hiring call center agents in Makati, ₱25,000 monthly, HMO from day 1, no experience needed. Walk-in interviews Mon-Fri.'],
    ['Tuyển nhân viên chăm sóc khách hàng tại Hà Nội, lương 9-12 triệu, làm giờ hành chính, có BHXH. Gửi CV qua email.'],
    ['รับสมัครแอดมินเพจ ทำงานที่กรุงเทพ เงินเดือน 18,000 บาท มีประกันสังคม สมัครได้ที่ HR'],
    ['招聘客服 深圳南山 月薪6000-8000 五险一金 双休 欢迎投递简历'],
    ['Jawatan kosong kerani di Shah Alam, gaji RM2,000, EPF SOCSO, hantar resume ke emel HR.'],
    ['Travel ke Phnom Penh dan Siem Reap 4D3N, harga Rp 7jt sudah termasuk tiket pesawat PP dan hotel, free makan. Info WA 0812-1111-2222'],
  ])('does not flag: %s', (post) => {
    const a = assessPost(post);
    expect(a.level, JSON.stringify(a.signals.map((s) => `${s.id}:${s.weight}`))).toBe('none');
  });
});

describe('assessPost: pasted offers, verdicts and near misses', () => {
  it.each([
    ['Lowongan CS di Kamboja gaji 15jt, tiket ditanggung, tanpa pengalaman. Hati-hati penipuan, waspada yang mengatasnamakan kami. Japri 0812-3456-7890'],
    ['DICARI 5 ORANG UNTUK KERJA ADMIN DI LUAR NEGERI. GAJI 10-15 JUTA. TIKET, VISA, MESS DITANGGUNG. BERANGKAT MINGGU DEPAN. WA 0812-7777-8888'],
    ['Peluang kerja di 🇰🇭 sebagai admin sosmed. Gaji 💵 1000$. Mess ✅ Makan ✅ Tiket ✅. Syarat: bisa ngetik, usia 18-30. Minat komen "MAU"'],
    ['Loker 🇲🇲 CS chat gaji 1️⃣2️⃣ juta, tiket free, visa turis, langsung berangkat. Inbox'],
    ['Kerja ke Thailand, dibayar 1200 USD, tugas cuma chat dengan customer, tiket & penginapan ditanggung. Nanti transit di Bangkok lalu ke lokasi kerja dekat perbatasan. DM'],
    ['Cari kerja? Perusahaan e-commerce di Kamboja butuh 20 staff, gaji 13jt, gratis tiket, mess, makan. Tidak perlu ijazah. Chat admin 0878-1234-5678'],
    ['Hello po! We need CSR for an online casino in Cambodia, 45k monthly salary, free accommodation and flight, no experience, apply now! Message me on Telegram.'],
  ])('flags the offer: %s', (post) => {
    expect(assessPost(post).level).not.toBe('none');
  });

  it.each([
    ['Ini penipuan ya guys, jangan percaya: "Lowongan CS di Kamboja gaji 15jt, tiket ditanggung, tanpa pengalaman, japri 0812-3456-7890"'],
    ['This is a scam!! "Hiring CSR in Cambodia $1200/month free flight and accommodation, DM @jobcambo" Do not apply.'],
    ['Lowongan guru bahasa Inggris di sekolah internasional Phnom Penh, gaji $2000, syarat S1 dan pengalaman mengajar 2 tahun, kirim CV ke hr@school.edu.kh'],
    ['Kami membuka lowongan chef untuk restoran Indonesia di Phnom Penh. Gaji $900, pengalaman minimal 3 tahun, visa kerja dan kontrak disiapkan.'],
    ['Selamat kepada timnas Indonesia yang menang 3-1 melawan Kamboja tadi malam! Gaji pemain harus naik nih.'],
    ['Sharing: aku kerja di Phnom Penh sebagai guru sudah 3 tahun, pakai visa kerja resmi lewat sekolah. Jangan asal terima tawaran CS gaji besar ya.'],
    ['Mau tanya dong, kalau mau liburan ke Kamboja perlu visa gak? Tiket pesawat dari Jakarta berapa ya?'],
    ['Dijual tiket pesawat Jakarta - Phnom Penh tanggal 12 Mei, harga 2jt nego. WA 0812-3333-4444'],
    ['Official: DMW warns the public against job offers for "customer service representatives" in Cambodia paying $1,000 with free housing. These are illegal recruiters.'],
  ])('does not flag: %s', (post) => {
    const a = assessPost(post);
    expect(a.level, JSON.stringify(a.signals.map((s) => `${s.id}:${s.weight}`))).toBe('none');
  });
});

describe('assessPost: licensed programmes abroad, everyday posts about Cambodia, reports', () => {
  it.each([
    ['Lowongan TKW Hong Kong lewat PT resmi, gaji HKD 4.990, tiket pesawat dan visa kerja ditanggung majikan, kontrak 2 tahun. Info kantor cabang Jl. Merdeka No. 12 Malang.'],
    ['Dibuka pendaftaran magang ke Jepang (IM Japan) 2025. Gaji ±20 juta/bulan, asrama disediakan, usia 19-30 tahun, lulusan SMA. Daftar di Disnaker setempat.'],
    ['Kerja di Taiwan sektor pabrik, gaji NT$ 28.000, tanpa pengalaman, usia 18-35, potongan agency sesuai aturan BP2MI. PT Mitra Karya (SIP3MI No. 78/2022). WA kantor 0812-5555-6666.'],
    ['Hiring: Factory workers for Malaysia (Penang). RM 1,700 + OT, free hostel, transport provided. Apply through our licensed agency, DMW license no. 123-LB-2020.'],
    ['Tuyển lao động đi Nhật Bản theo chương trình thực tập sinh, lương 30 triệu, công ty có giấy phép xuất khẩu lao động số 123/LĐTBXH, hợp đồng lao động rõ ràng.'],
    ['รับสมัครคนงานไปเกาหลี ผ่านกรมการจัดหางาน (EPS) ไม่มีค่าใช้จ่ายแฝง สมัครที่สำนักงานจัดหางานจังหวัด'],
    ['Pertandingan Timnas U-23 Indonesia vs Kamboja di Phnom Penh, tiket nonton gratis buat suporter! Jangan lupa dukung ya.'],
    ['Resep amok ikan khas Kamboja, gampang banget dibuat di rumah. Bahan: ikan, santan, kari merah.'],
    ['My holiday in Cambodia: Angkor Wat, Phnom Penh night market, cheap flights from KL and free hotel breakfast. Highly recommend!'],
    ['Berita: KBRI Phnom Penh menerima 50 WNI yang melapor menjadi korban online scam. Mereka dijanjikan gaji USD 1000 sebagai CS.'],
    ['Pemuda asal Sukabumi berhasil kabur dari perusahaan judi online di Kamboja. Ia mengaku dijanjikan gaji 15 juta dan tiket gratis oleh seorang teman.'],
    ['Ada yang pernah kerja di Kamboja beneran? Soalnya ada yang nawarin gaji 12 juta jadi admin. Takut ditipu.'],
    ['[WASPADA] Modus baru: lowongan kerja di Thailand ternyata dibawa ke Myanmar. Jangan mau berangkat pakai visa turis!'],
    ['Vietnamese police rescued 15 workers from a casino in Bavet who had been lured by ads offering 20 million dong a month and free accommodation.'],
    ['Tawaran kerja ke Kamboja gaji tinggi itu jebakan. Adik teman saya sampai sekarang belum bisa pulang.'],
  ])('does not flag: %s', (post) => {
    const a = assessPost(post);
    expect(a.level, JSON.stringify(a.signals.map((s) => `${s.id}:${s.weight}`))).toBe('none');
  });

  it.each([
    ['Info kerja!!! Negara: Kamboja. Posisi: CS/telemarketing. Gaji: 10-18jt. Fasilitas: mess, makan, tiket PP. Syarat: usia 18-35, bisa komputer. Minat langsung DM.'],
    ['Lowongan kerja di Myanmar (perusahaan game online). Gaji $1500, cukup bisa ketik cepat, tiket dan visa dibantu, berangkat lewat Bangkok. Hubungi WA 0822-1111-3333'],
    ['Dicari admin chat untuk perusahaan di Laos, gaji 20 juta, tanpa ijazah, tiket gratis. Chat aku yaa'],
    ['Work in Cambodia as a typist! $1000/month + bonus, free accommodation, free flights, no experience, age 18-40. DM for details, limited slots!'],
    ['Tuyển nhân viên văn phòng làm việc tại Campuchia, lương 1000 đô, miễn phí ăn ở, vé máy bay công ty lo, không cần bằng cấp. Liên hệ zalo.'],
    ['ด่วน! รับสมัครพนักงานคีย์ข้อมูล ทำงานที่ลาว เงินเดือน 30,000 บาท บินฟรี ที่พักฟรี ไม่ต้องมีประสบการณ์ ทักไลน์'],
    ['Kailangan ng 10 typist sa Myanmar, ₱55,000 sahod, libre lahat, walang experience, tourist visa lang. PM agad!'],
    ['高薪招聘 老挝金三角 客服 月薪1.5万 包吃住 报销机票 无经验可 加飞机'],
    ['Kerja di Kemboja, jawatan khidmat pelanggan, gaji RM6,000, penginapan dan makan percuma, tiket flight ditanggung, tak perlu pengalaman. PM segera'],
  ])('flags the offer: %s', (post) => {
    expect(assessPost(post).level).not.toBe('none');
  });
});

describe('assessPost: families', () => {
  it.each<[SignalFamily, string]>([
    ['recruitment', 'Lowongan kerja admin'],
    ['destination', 'kerja di Sihanoukville'],
    ['destination', 'kerja di 🇲🇲'],
    ['destination', '在西港工作'],
    ['destination', 'kerja di KK Park'],
    ['role', 'lowongan customer service'],
    ['role', 'tuyển nhân viên đánh máy'],
    ['pay', 'lowongan kerja gaji 15jt'],
    ['pay', 'hiring, salary $1.2k'],
    ['pay', 'tuyển dụng, lương 20 triệu'],
    ['pay', '招聘 月薪过万'],
    ['ease', 'lowongan tanpa pengalaman'],
    ['ease', 'hiring, age 18-35'],
    ['ease', 'รับสมัคร ไม่ต้องมีประสบการณ์'],
    ['costs', 'lowongan, tiket pesawat ditanggung'],
    ['costs', 'hiring, free accommodation'],
    ['costs', '招聘 包吃包住'],
    ['visa', 'lowongan, berangkat pakai visa turis'],
    ['visa', 'hiring, just say you are a tourist'],
    ['visa', 'lowongan, bilang aja mau liburan'],
    ['urgency', 'lowongan, berangkat minggu ini'],
    ['urgency', 'hiring, limited slots'],
    ['contact', 'lowongan, japri'],
    ['contact', 'hiring, t.me/jobs_asia'],
    ['upfront', 'lowongan, biaya admin 2jt'],
    ['upfront', 'lowongan, kirim foto KTP dan paspor'],
    ['upfront', 'hiring, registration fee required'],
    ['anonymity', 'lowongan di perusahaan investasi, japri'],
    ['anonymity', 'lowongan, email rekrut.asia@gmail.com'],
    ['warning', 'hati-hati lowongan palsu'],
    ['warning', 'is this legit? hiring in Cambodia'],
    ['legitimacy', 'lowongan resmi, cek di SISKOP2MI'],
    ['legitimacy', 'lowongan program G to G'],
  ])('%s: %s', (family, post) => {
    expect(families(assessPost(post)).has(family)).toBe(true);
  });

  it('does not read "biaya ditanggung" or "tanpa biaya" as a fee asked up front', () => {
    expect(families(assessPost('Lowongan di Kamboja, tanpa biaya admin, semua biaya ditanggung')).has('upfront')).toBe(false);
  });

  it('judges pay against the role: a senior engineer salary is not bait', () => {
    const a = assessPost('Hiring a Senior Software Engineer in Phnom Penh, salary USD 2,500/month');
    expect(a.signals.some((s) => s.id === 'pay.amount')).toBe(false);
    const b = assessPost('Hiring customer service in Phnom Penh, salary USD 2,500/month');
    expect(b.signals.some((s) => s.id === 'pay.amount')).toBe(true);
  });

  it('never flags on one family', () => {
    expect(assessPost('Kamboja Kamboja Kamboja Cambodia Phnom Penh Sihanoukville lowongan').level).toBe('none');
  });
});

describe('assessPost: results', () => {
  const post = 'DIBUTUHKAN ADMIN ONLINE penempatan 𝐊𝐚𝐦𝐛𝐨𝐣𝐚. Gaji Rp 12.000.000/bulan, tiket + mess gratis, tanpa pengalaman. WA 0812-3456-7890';

  it('quotes short evidence from the post for every signal, strongest first', () => {
    const a = assessPost(post);
    expect(a.signals.length).toBeGreaterThan(3);
    for (const signal of a.signals) {
      expect(signal.evidence.length).toBeGreaterThan(0);
      for (const e of signal.evidence) {
        expect(e.text).toBe(post.slice(e.start, e.end));
        expect(e.text.length).toBeLessThanOrEqual(60);
      }
    }
    const weights = a.signals.map((s) => Math.abs(s.weight));
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    expect(a.signals[0]!.family).toBe('destination');
    expect(a.signals[0]!.evidence[0]!.text).toBe('𝐊𝐚𝐦𝐛𝐨𝐣𝐚');
    expect(a.signals.find((s) => s.family === 'pay')!.evidence[0]!.text).toBe('Gaji Rp 12.000.000/bulan');
  });

  it('gives a score between 0 and 1 that orders levels', () => {
    const high = assessPost(post);
    const caution = assessPost('Kerja di Kamboja gaji 15jt');
    const none = assessPost('Lowongan admin di Bandung');
    expect(high.level).toBe('high');
    expect(caution.level).toBe('caution');
    expect(none.level).toBe('none');
    expect(high.score).toBeLessThanOrEqual(1);
    expect(high.score).toBeGreaterThan(caution.score);
    expect(caution.score).toBeGreaterThan(none.score);
    expect(none.score).toBeGreaterThanOrEqual(0);
  });

  it('handles empty and odd input', () => {
    expect(assessPost('')).toEqual({ level: 'none', score: 0, lang: 'und', signals: [] });
    expect(assessPost('🙂🙂🙂').level).toBe('none');
    expect(assessPost(undefined as unknown as string).level).toBe('none');
  });

  it('flags a contact on an NGO list as high, with that reason', () => {
    const text = 'Info kerja, hubungi 0812-3456-7890';
    expect(assessPost(text).level).toBe('none');
    const a = assessPost(text, { isKnownRecruiter: (c) => c.kind === 'phone' && c.value === '081234567890' });
    expect(a.level).toBe('high');
    expect(a.signals[0]).toMatchObject({ id: 'known_recruiter.listed_contact', evidence: [{ text: '0812-3456-7890' }] });
  });

  it.each([
    ['an e-mail address', 'Info kerja, kirim CV ke Rekrut.Asia@gmail.com', { kind: 'email', value: 'rekrut.asia@gmail.com' }],
    ['a handle', 'Info kerja, Telegram @Kerja_Cepat88', { kind: 'handle', value: 'kerja_cepat88' }],
    ['a wa.me link', 'Info kerja, wa.me/6281234567890', { kind: 'link', value: 'wa.me/6281234567890' }],
  ])('hands %s to the known-recruiter hook in canonical form', (_name, text, expected) => {
    const seen: unknown[] = [];
    assessPost(text, { isKnownRecruiter: (c) => (seen.push(c), false) });
    expect(seen).toContainEqual(expected);
  });
});
