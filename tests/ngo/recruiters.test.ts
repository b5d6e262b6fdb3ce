import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { assessPost, WEB_ADDRESS_SOURCE } from '../../src/detect';
import { sha256Hex } from '../../src/detect/sha256';
import { canonicalContactForms, guessContactKind, hashContactForm, knownRecruiterMatcher, type ContactKind } from '../../src/ngo/recruiters';
import { hashContactList } from '../../scripts/hash-contacts';

const SALT = '00112233445566778899aabbccddeeff';

describe('canonical contact forms', () => {
  it.each<[string, ContactKind, string[], string[]]>([
    ['+62 812-3456-7890', 'phone', [], ['+6281234567890']],
    ['0062 812 3456 7890', 'phone', [], ['+6281234567890']],
    ['+62 (0)812 3456 7890', 'phone', [], ['+6281234567890']],
    ['0812.3456.7890', 'phone', ['ID'], ['+6281234567890']],
    ['0812 3456 7890', 'phone', ['ID', 'PH'], ['+6281234567890', '+6381234567890']],
    ['0812 3456 7890', 'phone', [], []],
    ['６２８１２３４５６７８９０', 'phone', [], ['+6281234567890']],
    ['@Agen_KH88', 'handle', [], ['agen_kh88']],
    ['tg: @agen_kh88', 'handle', [], ['agen_kh88']],
    ['https://t.me/Agen_KH88/', 'link', [], ['agen_kh88']],
    ['telegram.me/agen_kh88', 'link', [], ['agen_kh88']],
    ['wa.me/6281234567890', 'link', [], ['+6281234567890']],
    ['https://api.whatsapp.com/send?phone=6281234567890&text=halo', 'link', [], ['+6281234567890']],
    ['https://www.Facebook.com/contoh.loker/?ref=share', 'link', [], ['facebook.com/contoh.loker']],
    ['kerja-kamboja.com', 'link', [], ['kerja-kamboja.com']],
    ['Rekrut.Asia@Gmail.com', 'email', [], ['rekrut.asia@gmail.com']],
    ['@agen\u200b_kh88', 'handle', [], ['agen_kh88']],
  ])('%s as %s in %j → %j', (raw, kind, countries, forms) => {
    expect(canonicalContactForms(raw, kind, countries)).toEqual(forms);
  });

  it.each<[string, ContactKind]>([
    ['+62 812-3456-7890', 'phone'],
    ['(021) 555 0101', 'phone'],
    ['@agen_kh88', 'handle'],
    ['agen_kh88', 'handle'],
    ['t.me/agen', 'link'],
    ['https://example.org/x', 'link'],
    ['a@b.co', 'email'],
  ])('reads %s as a %s', (raw, kind) => {
    expect(guessContactKind(raw)).toBe(kind);
  });

  it('hashes salt + canonical form with SHA-256 in lower-case hex', () => {
    expect(hashContactForm(SALT, '+6281234567890')).toBe(sha256Hex(`${SALT}+6281234567890`));
    expect(hashContactForm(SALT, '+6281234567890')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('known recruiters in posts', () => {
  const listed = (contacts: string[], countries = ['ID']) => {
    const { hashes, errors } = hashContactList(contacts, SALT, countries);
    expect(errors).toEqual([]);
    return { salt: SALT, hashes };
  };

  it.each([
    ['a phone number written another way', '+62 812-3456-7890', 'Info kerja, hubungi 0812 3456 7890 ya', '0812 3456 7890'],
    ['a WhatsApp link to a listed number', '+62 812-3456-7890', 'Info kerja, chat wa.me/6281234567890', 'wa.me/6281234567890'],
    ['a Telegram handle with a leet digit the normaliser would read as a letter', '@Rekrut0r_88', 'Info kerja, Telegram t.me/Rekrut0r_88', 't.me/Rekrut0r_88'],
    ['a handle listed as its t.me link', 't.me/agen_kh88', 'Info kerja, tg: @Agen_KH88', '@Agen_KH88'],
    ["a recruiter's web page", 'https://facebook.com/contoh.loker', 'Info kerja, daftar di https://www.facebook.com/contoh.loker/', 'https://www.facebook.com/contoh.loker/'],
    ['an e-mail address', 'contoh.rekrut@example.com', 'Info kerja, kirim CV ke Contoh.Rekrut@example.com', 'Contoh.Rekrut@example.com'],
  ])('flags %s high, quoting the post', (_name, listedContact, post, quoted) => {
    expect(assessPost(post).level).not.toBe('high');
    const assessment = assessPost(post, { isKnownRecruiter: knownRecruiterMatcher(listed([listedContact]), ['ID']) });
    expect(assessment.level).toBe('high');
    const signal = assessment.signals.find((s) => s.family === 'known_recruiter');
    expect(signal?.id).toBe('known_recruiter.listed_contact');
    expect(signal?.evidence.map((e) => e.text)).toContain(quoted);
    for (const e of signal!.evidence) expect(post.slice(e.start, e.end)).toBe(e.text);
  });

  it('leaves posts with other contacts alone', () => {
    const matcher = knownRecruiterMatcher(listed(['+62 812-3456-7890', '@agen_kh88']), ['ID']);
    for (const post of ['Info kerja, hubungi 0812 3456 7891', 'Info kerja, Telegram @agen_kh89', 'Lowongan admin, hubungi kantor.example.com']) {
      expect(assessPost(post, { isKnownRecruiter: matcher }).signals.some((s) => s.family === 'known_recruiter'), post).toBe(false);
    }
  });

  it('does not flag a warning that names the listed contact', () => {
    const matcher = knownRecruiterMatcher(listed(['+62 812-3456-7890']), ['ID']);
    const warning = 'HATI-HATI penipuan! Jangan percaya lowongan kerja ke Kamboja dari nomor 0812 3456 7890, ini modus perdagangan orang. Sudah banyak korban.';
    expect(assessPost(warning, { isKnownRecruiter: matcher }).level).not.toBe('high');
  });

  it('keeps the list hidden: the profile holds only hashes', () => {
    const list = listed(['+62 812-3456-7890', '@agen_kh88']);
    expect(JSON.stringify(list)).not.toMatch(/812|agen/);
  });

  it('the web-address pattern cannot backtrack catastrophically', { timeout: 120_000 }, async () => {
    const result = await check(WEB_ADDRESS_SOURCE, 'u', { timeout: 60_000, randomSeed: 7 });
    expect(result.status).toBe('safe');
  });
});

describe('hash-contacts', () => {
  it('says which line it cannot read', () => {
    const { errors } = hashContactList(['# comment', '', '+62 812-3456-7890', '0812 3456 7890'], SALT, []);
    expect(errors).toEqual(['line 4: cannot read "0812 3456 7890" as phone (a national number: give --country)']);
  });

  it('writes one hash per distinct contact, sorted', () => {
    const { hashes } = hashContactList(['+62 812-3456-7890', 'wa.me/6281234567890', '@A_b', 'a_b'], SALT, []);
    expect(hashes).toHaveLength(2);
    expect([...hashes].sort()).toEqual(hashes);
  });
});
