import { describe, expect, it } from 'vitest';
import { findContacts } from '../../src/report/contacts';

const values = (text: string, hints?: string[]) => findContacts(text, { countryHints: hints }).map((c) => `${c.kind} ${c.value}`);

describe('findContacts', () => {
  it.each([
    ['Indonesian mobile with dashes', 'Minat hubungi 0812-3456-7890 ya', ['phone +6281234567890']],
    ['Indonesian mobile with dots and WA cue', 'WA: 0812.3456.789', ['whatsapp +628123456789']],
    ['Indonesian 628 without plus', 'wa 6281234567890', ['whatsapp +6281234567890']],
    ['+62 with spaces', 'Call +62 812 3456 7890 now', ['phone +6281234567890']],
    ['+62 (0) trunk slip', 'hub +62 (0)812-3456-7890', ['phone +6281234567890']],
    ['00 international prefix', 'tel 0062 812 3456 7890', ['phone +6281234567890']],
    ['Cambodian +855', 'KBRI hotline +855 12 813 282', ['phone +85512813282']],
    ['Cambodian 855 without plus', 'contact 855 97 123 4567', ['phone +855971234567']],
    ['Philippine 09xx with PH hint', 'Text 0917 123 4567 for details', ['phone +639171234567'], ['PH']],
    ['Philippine 09xx read without a hint', 'Text 0917-123-4567', ['phone +639171234567']],
    ['Vietnamese +84', 'Zalo +84 912 345 678', ['phone +84912345678']],
    ['Vietnamese 09x with VN hint', 'LH 0912 345 678', ['phone +84912345678'], ['VN']],
    ['Thai 08x with TH hint', 'โทร 081-234-5678', ['phone +66812345678'], ['TH']],
    ['Malaysian 01x', 'hubungi 012-345 6789', ['phone +60123456789'], ['MY']],
    ['keycap digits', 'WA 0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣0️⃣', ['whatsapp +6281234567890']],
    ['fullwidth digits', 'WA ０８１２３４５６７８９０', ['whatsapp +6281234567890']],
    ['zero-width characters between digits', 'WA 0812\u200B3456\u200B7890', ['whatsapp +6281234567890']],
    ['two numbers side by side', '0812 3456 7890 0813 1111 2222', ['phone +6281234567890', 'phone +6281311112222']],
    ['two numbers with a slash', '0812-3456-7890/0857-1111-2222', ['phone +6281234567890', 'phone +6285711112222']],
    ['wa.me link', 'klik https://wa.me/6281234567890?text=minat', ['whatsapp +6281234567890']],
    ['api.whatsapp.com link', 'https://api.whatsapp.com/send?phone=855123456789&text=hi', ['whatsapp +855123456789']],
    ['WhatsApp group invite', 'gabung chat.whatsapp.com/AbCdEfGhIjKlMn', ['whatsapp https://chat.whatsapp.com/AbCdEfGhIjKlMn']],
    ['t.me link', 'join t.me/LokerKamboja_2024', ['telegram @lokerkamboja_2024']],
    ['t.me invite link', 'https://t.me/+AbCdEf123', ['telegram https://t.me/+AbCdEf123']],
    ['@handle', 'DM @hrd_cambodia sekarang', ['handle @hrd_cambodia']],
    ['email', 'CV ke Rekrut.PP@Gmail.com', ['email rekrut.pp@gmail.com']],
    ['email is not a handle too', 'mail hr@company.co.id', ['email hr@company.co.id']],
    ['same number twice, once as WhatsApp', '0812-3456-7890 (wa.me/6281234567890)', ['whatsapp +6281234567890']],
  ])('%s', (_name, text, expected, hints?: string[]) => {
    expect(values(text, hints)).toEqual(expected);
  });

  it.each([
    ['rupiah amounts', 'Gaji Rp 12.000.000 per bulan, bonus 6.000.000'],
    ['rupiah without Rp', 'gaji 0812 juta'],
    ['US dollars', 'Salary USD 1,200 - 1,500'],
    ['dates', 'Berangkat 08-12-2024 jam 10.30'],
    ['a short number', 'kuota 0812 orang'],
    ['an @ inside a word', 'harga 10rb@pcs'],
  ])('finds nothing in %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('keeps the words as written, including obfuscation', () => {
    const [contact] = findContacts('WA 0️⃣8️⃣1️⃣2️⃣-3456-7890 ok');
    expect(contact?.raw).toBe('0️⃣8️⃣1️⃣2️⃣-3456-7890');
    expect(contact?.e164).toBe(true);
  });

  it('keeps a number it cannot place as digits, not E.164', () => {
    const [contact] = findContacts('call 0401 234 567 8');
    expect(contact).toMatchObject({ kind: 'phone', e164: false });
  });
});
