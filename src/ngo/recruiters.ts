/**
 * Known recruiter contacts, hashed. An NGO lists phone numbers, handles and web addresses of recruiters it knows; the
 * profile carries only SHA-256(salt + canonical contact) so that the list does not hand the contacts to whoever reads
 * the profile. (A determined attacker can still test guesses against the hashes: the list hides, it does not encrypt.)
 * Pure: the content script matches the few contacts each post holds, synchronously, while the post is assessed.
 *
 * Canonical forms (both sides use `canonicalContactForms`, so a list written one way matches a post written another):
 * - phone: E.164, "+6281234567890"; a national number ("0812…") is read in the given countries;
 * - handle: lower case, without "@" ("agen_kh88"); t.me/<name> and telegram.me/<name> are the handle <name>;
 * - web address: lower-case host without "www." plus path without a trailing slash ("facebook.com/agen.kerja99");
 *   wa.me/<number> and api.whatsapp.com/send?phone=<number> are the phone number;
 * - e-mail: lower case.
 */
import { sha256Hex } from '../detect/sha256';
import type { PostContact } from '../detect';

/** Calling codes of the countries of origin and the risky destinations. */
const CALLING_CODES: Record<string, string> = {
  ID: '62', PH: '63', VN: '84', TH: '66', MM: '95', MY: '60', KE: '254', IN: '91', KH: '855', LA: '856', CN: '86', SG: '65',
};
const KNOWN_CODES = [...new Set(Object.values(CALLING_CODES))];

export type ContactKind = 'phone' | 'handle' | 'link' | 'email';

// Zero-width and other invisible characters recruiters slip into contacts to dodge filters.
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\uFE0E\uFE0F\u20E3]/g;

function clean(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim().toLowerCase();
}

/** E.164 forms of a written phone number; a national number gets one form per hinted country. */
export function phoneForms(raw: string, countries: readonly string[] = []): string[] {
  const text = clean(raw);
  let digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 17) return [];
  const international = /^\s*(?:\+|00)/.test(text) || digits.startsWith('00');
  if (international) {
    digits = digits.replace(/^00/, '');
    // "+62 (0)812…": a trunk 0 after the calling code is a common slip
    const code = KNOWN_CODES.find((c) => digits.startsWith(`${c}0`));
    if (code) digits = code + digits.slice(code.length + 1);
    return [`+${digits}`];
  }
  if (digits.startsWith('0')) {
    const national = digits.slice(1);
    return [...new Set(countries.map((c) => CALLING_CODES[c]).filter((c): c is string => !!c))].map((code) => `+${code}${national}`);
  }
  // Written without "+" or trunk 0: a calling code already ("6281…"), as wa.me links write it.
  return [`+${digits}`];
}

function handleForm(raw: string): string | undefined {
  // "tg: @agen_kh88", "@Agen_KH88", "agen_kh88"
  const match = /@?([\p{L}\p{N}_.]{2,64})$/u.exec(clean(raw));
  return match ? match[1]!.replace(/\.+$/, '') : undefined;
}

function emailForm(raw: string): string | undefined {
  const text = clean(raw);
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : undefined;
}

/** Canonical forms of a web address (host + path), plus the handle or phone a chat link stands for. */
function linkForms(raw: string, countries: readonly string[]): string[] {
  const text = clean(raw).replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = text.indexOf('/');
  const host = (slash < 0 ? text : text.slice(0, slash)).replace(/^www\./, '').replace(/\.$/, '');
  const rest = slash < 0 ? '' : text.slice(slash);
  const query = rest.includes('?') ? rest.slice(rest.indexOf('?') + 1) : '';
  const path = rest.replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host)) return [];
  if (host === 't.me' || host === 'telegram.me') {
    const name = /^\/(?:s\/)?@?([\p{L}\p{N}_]{3,64})$/u.exec(path)?.[1];
    if (name) return [name];
  }
  if (host === 'wa.me') {
    const number = /^\/\+?(\d{7,15})$/.exec(path)?.[1];
    if (number) return phoneForms(`+${number}`, countries);
  }
  if (host.endsWith('whatsapp.com') && path.startsWith('/send')) {
    const number = /(?:^|&)phone=\+?(\d{7,15})/.exec(query)?.[1];
    if (number) return phoneForms(`+${number}`, countries);
  }
  return [`${host}${path}`];
}

/** What a listed contact looks like, when the list does not say. */
export function guessContactKind(raw: string): ContactKind {
  const text = clean(raw);
  if (/^[^\s@/]+@[^\s@/]+\.[a-z]{2,}$/.test(text)) return 'email';
  if (text.startsWith('@')) return 'handle';
  if (/^[+(]?[\d\s().\-/]{7,}$/.test(text)) return 'phone';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text) || /^[^\s/@]+\.[a-z]{2,}(?:\/|$)/.test(text)) return 'link';
  return 'handle';
}

/**
 * Every canonical form a contact can take. `countries` read national phone numbers ("0812…"): the profile's default
 * country and the user's. An empty list means the contact cannot be read.
 */
export function canonicalContactForms(raw: string, kind: ContactKind = guessContactKind(raw), countries: readonly string[] = []): string[] {
  switch (kind) {
    case 'phone':
      return phoneForms(raw, countries);
    case 'email': {
      const email = emailForm(raw);
      return email ? [email] : [];
    }
    case 'link':
      return linkForms(raw, countries);
    case 'handle': {
      const handle = handleForm(raw);
      return handle ? [handle] : [];
    }
  }
}

/** The hash a profile lists for one canonical form: SHA-256 over the UTF-8 of salt + form, lower-case hex. */
export function hashContactForm(salt: string, form: string): string {
  return sha256Hex(`${salt}${form}`);
}

export interface KnownRecruiterList {
  salt: string;
  hashes: readonly string[];
}

/**
 * The detector's known-recruiter hook for a hashed list. Forms are read from the contact as the post wrote it and as
 * the detector normalised it; each distinct form is hashed once per page (posts repeat the same contacts).
 */
export function knownRecruiterMatcher(
  list: KnownRecruiterList,
  countries: readonly string[],
): (contact: PostContact, original: string) => boolean {
  const listed = new Set(list.hashes.map((hash) => hash.toLowerCase()));
  const seen = new Map<string, boolean>();
  const isListed = (form: string): boolean => {
    let hit = seen.get(form);
    if (hit === undefined) {
      hit = listed.has(hashContactForm(list.salt, form));
      if (seen.size > 5000) seen.clear();
      seen.set(form, hit);
    }
    return hit;
  };
  return (contact, original) => {
    const forms = new Set([
      ...canonicalContactForms(original, contact.kind, countries),
      ...canonicalContactForms(contact.kind === 'phone' && !contact.value.startsWith('0') ? `+${contact.value}` : contact.value, contact.kind, countries),
    ]);
    for (const form of forms) if (isListed(form)) return true;
    return false;
  };
}
