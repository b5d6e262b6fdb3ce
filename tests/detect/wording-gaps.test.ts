import { describe, expect, it } from 'vitest';
import { assessPost } from '../../src/detect';
import { expectFlagged, expectNone } from '../helpers/levels';

// Wording a red-team probe of fresh posts found missing (described, not quoted): perks and places in Burmese, pay in
// dollars written in Thai, "all it takes is your ID card", and people asking a group or telling what happened to them.

describe('Burmese: Bangkok by its Burmese name, food and lodging "fully provided"', () => {
  it.each([
    ['customer service paid in dollars', 'ဘန်ကောက်မြို့မှာ Customer service အလုပ် လစာ ဒေါ်လာ ၁၂၀၀ နေစားရိတ်ငြိမ်း ဆက်သွယ်ရန် Telegram'],
    ['online job paid in lakhs', 'ဘန်ကောက်မှာ အွန်လိုင်းအလုပ် လစာ သိန်း ၂၅ စားနေရိတ်ငြိမ်း ဆက်သွယ်ရန် Telegram'],
  ])('%s', (_name, post) => expectFlagged(post));

  it('does not flag a trip to Bangkok', () => expectNone('ဘန်ကောက်ကို အလည်သွားမယ်၊ ဟိုတယ်ဈေးဘယ်လောက်လဲ'));
});

describe('Thai: dollars as a currency word, board and ticket "free" after the noun', () => {
  it.each([
    ['Laos chat job', 'รับสมัครพนักงานตอบแชท ทำงานที่ลาว รายได้ 900 ดอลลาร์ต่อเดือน ตั๋วฟรี กินอยู่ฟรี ไม่ต้องมีประสบการณ์ ทักไลน์'],
    ['data keying abroad, few words', 'งานต่างประเทศ ลาว งานคีย์ข้อมูล เดือนละ 1,100 ดอลลาร์ ตั๋วฟรี ทักแชท'],
  ])('%s', (_name, post) => expectFlagged(post));

  it.each([
    ['กินอยู่ฟรี', 'ทำงานที่ลาว เงินเดือนดี กินอยู่ฟรี สนใจทักไลน์'],
    ['ตั๋วฟรี', 'รับคนทำงานเมียวดี ตั๋วฟรี สนใจทักไลน์'],
  ])('reads %s as costs covered, quoting the post', (quote, post) => {
    const costs = assessPost(post).signals.find((s) => s.family === 'costs');
    expect(costs?.evidence.map((e) => e.text)).toContain(quote);
  });

  it('does not flag a cheap trip to Laos', () =>
    expectNone('ทริปลาว 5 วัน ตั๋วฟรีจากโปรโมชั่นสายการบิน กินอยู่ฟรีบ้านเพื่อน ใช้เงินแค่ 200 ดอลลาร์'));
});

describe('Indonesian: "cuma modal KTP / paspor" as the only requirement', () => {
  it.each([
    ['cuma modal KTP', 'Kerja di Laos gaji gede, cuma modal KTP, japri'],
    ['modal KTP doang', 'Kerja enak di Kamboja, modal KTP doang, berangkat gratis'],
  ])('flags an offer that needs only an ID card: %s', (_name, post) => expectFlagged(post));
  it('does not flag a small business loan', () => expectNone('Bikin usaha kecil-kecilan cuma modal KTP buat pinjaman KUR, alhamdulillah lancar'));
});

describe('asking the group about an offer, and survivors telling what happened', () => {
  it.each([
    ['id "yg" and asking the group', 'Ada yg nawarin aku kerja admin di Myanmar, gaji 14 juta, mess gratis. Menurut kakak gimana?'],
    ['id asking first', 'Temen2 menurut kalian gimana, ada yg ngajak aku ke Kamboja jadi CS gaji 12jt tiket gratis'],
    ['en held in a compound', 'I was held 5 months inside a compound in Myawaddy. The recruiter promised a $1,200 customer service job and a free flight.'],
  ])('does not flag %s', (_name, post) => expectNone(post));

  it.each([
    ['id asks rhetorically and recruits', 'Menurut kalian gimana kalau kerja santai gaji 12jt di Kamboja? Tiket gratis, japri!'],
    ['en invites questions about its jobs', 'Ask me anything about our customer service jobs in Cambodia! $1,100, free flight, no experience, DM'],
    ['en recruiter who lived there', 'I spent 2 years in Phnom Penh, now our company needs CS staff, $1,000, free flight and dorm, no experience, DM me'],
  ])('still flags a pitch that %s', (_name, post) => expectFlagged(post));
});
