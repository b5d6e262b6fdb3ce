/**
 * Where the active NGO profile comes from, in precedence: enterprise policy (managed storage), then a profile the
 * user imported in the options page, then none (Waspada as shipped). A bad policy or import never replaces a good
 * profile: the last good one stays active and the problem is kept for the options page to show.
 *
 * The background resolves the sources (`refreshProfile`) and stores the result as one snapshot in storage.local;
 * everything else reads that snapshot (`getEffectiveProfile`), so content scripts never touch managed storage.
 */
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { z } from '../zod';
import { getSettings, updateSettings } from '../settings';
import { canonicalJson } from './canonical-json';
import { HttpsUrlSchema, NgoProfileSchema, parseProfile, parseProfileText, type NgoProfile } from './profile';

export const PROFILE_SOURCES = ['policy', 'imported', 'default'] as const;
export type ProfileSource = (typeof PROFILE_SOURCES)[number];

export interface EffectiveProfile {
  source: ProfileSource;
  /** null: no organisation's profile applies (the default). */
  profile: NgoProfile | null;
}

const ImportedProfileSchema = z.object({
  profile: NgoProfileSchema,
  from: z.enum(['file', 'url']),
  /** The file name or the address it came from. */
  origin: z.string().max(2000),
  at: z.number(),
});
export type ImportedProfile = z.infer<typeof ImportedProfileSchema>;

const PolicyProfileSchema = z.object({ profile: NgoProfileSchema, at: z.number() });

export const ProfileStateSchema = z.object({
  source: z.enum(PROFILE_SOURCES),
  profile: NgoProfileSchema.nullable(),
  /** The policy is present but invalid: why (field by field). */
  policyProblem: z.string().nullable(),
  /** The policy in force is the last good one, kept because the current one is invalid. */
  policyIsLastGood: z.boolean(),
  imported: ImportedProfileSchema.omit({ profile: true }).nullable(),
  updatedAt: z.number(),
});
export type ProfileState = z.infer<typeof ProfileStateSchema>;

export const importedProfileItem = storage.defineItem<unknown>('local:ngoImportedProfile', { fallback: null, version: 1 });
export const policyLastGoodItem = storage.defineItem<unknown>('local:ngoPolicyLastGood', { fallback: null, version: 1 });
export const profileStateItem = storage.defineItem<unknown>('local:ngoProfileState', { fallback: null, version: 1 });

export const DEFAULT_PROFILE_STATE: ProfileState = {
  source: 'default',
  profile: null,
  policyProblem: null,
  policyIsLastGood: false,
  imported: null,
  updatedAt: 0,
};

/** What the enterprise policy holds: undefined when there is none (Firefox throws when no policy exists). */
export type ManagedRead = { present: false } | { present: true; raw: Record<string, unknown> };

export async function readManagedProfile(api: typeof browser = browser): Promise<ManagedRead> {
  try {
    const raw = (await api.storage.managed.get(null)) as Record<string, unknown> | undefined;
    return raw && Object.keys(raw).length > 0 ? { present: true, raw } : { present: false };
  } catch {
    return { present: false };
  }
}

export interface ProfileSources {
  managed: ManagedRead;
  lastGoodPolicy: NgoProfile | null;
  imported: ImportedProfile | null;
}

export interface Resolution {
  state: Omit<ProfileState, 'updatedAt'>;
  /** What to keep as the last good policy profile (null: the policy was withdrawn). */
  lastGoodPolicy: NgoProfile | null;
}

/** Precedence and last-good rules, pure. */
export function resolveProfile({ managed, lastGoodPolicy, imported }: ProfileSources): Resolution {
  const importedInfo = imported ? { from: imported.from, origin: imported.origin, at: imported.at } : null;
  const below = (policyProblem: string | null): Resolution['state'] =>
    imported
      ? { source: 'imported', profile: imported.profile, policyProblem, policyIsLastGood: false, imported: importedInfo }
      : { source: 'default', profile: null, policyProblem, policyIsLastGood: false, imported: importedInfo };

  // An administrator who removes the policy means it: its last good profile goes too.
  if (!managed.present) return { state: below(null), lastGoodPolicy: null };

  const parsed = parseProfile(managed.raw);
  if (parsed.ok) {
    return {
      state: { source: 'policy', profile: parsed.profile, policyProblem: null, policyIsLastGood: false, imported: importedInfo },
      lastGoodPolicy: parsed.profile,
    };
  }
  if (lastGoodPolicy) {
    return {
      state: { source: 'policy', profile: lastGoodPolicy, policyProblem: parsed.error, policyIsLastGood: true, imported: importedInfo },
      lastGoodPolicy,
    };
  }
  return { state: below(parsed.error), lastGoodPolicy: null };
}

function readStored<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function getImportedProfile(): Promise<ImportedProfile | null> {
  return readStored(ImportedProfileSchema, await importedProfileItem.getValue());
}

/** The stored snapshot; the default when nothing valid is stored yet. */
export async function getProfileState(): Promise<ProfileState> {
  return readStored(ProfileStateSchema, await profileStateItem.getValue()) ?? DEFAULT_PROFILE_STATE;
}

/** The profile in force and where it comes from. The report queue asks this for the organisation's endpoint. */
export async function getEffectiveProfile(): Promise<EffectiveProfile> {
  const { source, profile } = await getProfileState();
  return { source, profile };
}

/** false when the organisation turned reporting off: no Report on banners, no "Report as job scam" menu. */
export async function isReportingEnabled(): Promise<boolean> {
  return (await getEffectiveProfile()).profile?.features.reporting ?? true;
}

export function watchProfileState(callback: (state: ProfileState) => void): () => void {
  return profileStateItem.watch((value) => callback(readStored(ProfileStateSchema, value) ?? DEFAULT_PROFILE_STATE));
}

/**
 * Reads every source, resolves, and stores the snapshot (and the last good policy). Applies the profile's default
 * country and language while the user has not chosen their own. Returns the new state.
 */
export async function refreshProfile(api: typeof browser = browser, now: () => number = Date.now): Promise<ProfileState> {
  const [managed, lastGoodRaw, imported, previous] = await Promise.all([
    readManagedProfile(api),
    policyLastGoodItem.getValue(),
    getImportedProfile(),
    getProfileState(),
  ]);
  const lastGoodPolicy = readStored(PolicyProfileSchema, lastGoodRaw)?.profile ?? null;
  const resolution = resolveProfile({ managed, lastGoodPolicy, imported });

  if (canonicalJson(resolution.lastGoodPolicy) !== canonicalJson(lastGoodPolicy)) {
    await policyLastGoodItem.setValue(resolution.lastGoodPolicy ? { profile: resolution.lastGoodPolicy, at: now() } : null);
  }
  const { updatedAt: _previousAt, ...previousState } = previous;
  let state: ProfileState = previous;
  if (canonicalJson(previousState) !== canonicalJson(resolution.state)) {
    state = { ...resolution.state, updatedAt: now() };
    await profileStateItem.setValue(state);
  }
  await applyProfileDefaults(state.profile);
  return state;
}

/** The organisation's country and language stand in for the browser's guess until the user confirms their own. */
export async function applyProfileDefaults(profile: NgoProfile | null): Promise<void> {
  const defaults = profile?.defaults;
  if (!defaults?.country && !defaults?.language) return;
  const settings = await getSettings();
  if (settings.countryConfirmed) return;
  const patch = {
    ...(defaults.country && defaults.country !== settings.country ? { country: defaults.country } : {}),
    ...(defaults.language && defaults.language !== settings.uiLanguage ? { uiLanguage: defaults.language } : {}),
  };
  if (Object.keys(patch).length > 0) await updateSettings(patch);
}

export type ImportResult = { ok: true; state: ProfileState } | { ok: false; error: string };

/**
 * Imports a profile the user chose. An invalid one is not stored: the error names each field, and whatever profile
 * was active stays active.
 */
export async function importProfileText(
  text: string,
  from: ImportedProfile['from'],
  origin: string,
  api: typeof browser = browser,
  now: () => number = Date.now,
): Promise<ImportResult> {
  const parsed = parseProfileText(text);
  if (!parsed.ok) return parsed;
  await importedProfileItem.setValue({ profile: parsed.profile, from, origin, at: now() } satisfies ImportedProfile);
  return { ok: true, state: await refreshProfile(api, now) };
}

export async function removeImportedProfile(api: typeof browser = browser, now: () => number = Date.now): Promise<ProfileState> {
  await importedProfileItem.setValue(null);
  return refreshProfile(api, now);
}

/** Profiles are small: anything larger is not one. */
export const MAX_PROFILE_BYTES = 2_000_000;

export type FetchText = { ok: true; text: string } | { ok: false; error: string };

/**
 * Downloads text from an https:// address, on the user's click or the background's schedule only. No cookies, no
 * cache, https all the way (a redirect to http:// is refused), and a size limit.
 */
export async function fetchHttpsText(url: string, maxBytes: number, fetchImpl: typeof fetch = fetch, timeoutMs = 30_000): Promise<FetchText> {
  const checked = HttpsUrlSchema.safeParse(url);
  if (!checked.success) return { ok: false, error: `address: ${checked.error.issues[0]?.message ?? 'invalid'}` };
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, error: `could not download (${(error as Error).message || 'network error'})` };
  }
  if (response.url && !response.url.startsWith('https:')) return { ok: false, error: 'the address redirected to a page that is not https://' };
  if (!response.ok) return { ok: false, error: `the server answered ${response.status}` };
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, error: `larger than ${maxBytes} bytes` };
  const text = await response.text();
  if (text.length > maxBytes) return { ok: false, error: `larger than ${maxBytes} bytes` };
  return { ok: true, text };
}

export async function importProfileFromUrl(url: string, api: typeof browser = browser, fetchImpl: typeof fetch = fetch): Promise<ImportResult> {
  const downloaded = await fetchHttpsText(url, MAX_PROFILE_BYTES, fetchImpl);
  if (!downloaded.ok) return downloaded;
  return importProfileText(downloaded.text, 'url', url, api);
}
