/**
 * Rule-pack updates configured by the NGO profile: fetched from its https:// address on a schedule, verified against
 * its public key, validated, and swapped in as one storage write (content scripts watch it and recompile once). With no
 * address configured nothing is fetched: nothing leaves the device. The user can go back to the shipped pack.
 */
import { storage } from '@wxt-dev/storage';
import { z } from '../zod';
import { RulePackSchema, type RulePack } from '../detect/rules/schema';
import shippedPack from '../detect/rules/default-pack.json';
import type { RuleUpdates } from './profile';
import { checkSignedPack, REJECTION_CODES, type RejectionCode } from './signed-pack';
import { fetchHttpsText } from './store';
import { comparePackVersions, isPackVersion } from './version';

/** Version of the pack this build ships. */
export const SHIPPED_PACK_VERSION: string = shippedPack.version;

/** Packs are text patterns and numbers; a few MB is already far more than any real one. */
export const MAX_PACK_BYTES = 5_000_000;

export const RULE_UPDATE_ALARM = 'waspada:rule-pack-update';

const ActivePackSchema = z.object({
  version: z.string(),
  pack: RulePackSchema,
  /** The key that verified it: the pack is used only while the profile names this key. */
  publicKey: z.string(),
  url: z.string(),
  installedAt: z.number(),
});
export type ActivePack = z.infer<typeof ActivePackSchema>;

const OUTCOMES = ['installed', 'up-to-date', 'rejected', 'rolled-back'] as const;

const UpdateStatusSchema = z.object({
  publicKey: z.string(),
  url: z.string(),
  /** Highest version accepted with this key; survives a roll-back, so an old signed pack cannot be replayed. */
  highestVersion: z.string().nullable(),
  lastCheckAt: z.number().nullable(),
  last: z
    .object({
      outcome: z.enum(OUTCOMES),
      code: z.enum(REJECTION_CODES).optional(),
      detail: z.string().optional(),
      version: z.string().optional(),
      at: z.number(),
    })
    .nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;

export const activePackItem = storage.defineItem<unknown>('local:ngoRulePack', { fallback: null, version: 1 });
export const updateStatusItem = storage.defineItem<unknown>('local:ngoRuleUpdateStatus', { fallback: null, version: 1 });

export async function getActivePack(): Promise<ActivePack | null> {
  const parsed = ActivePackSchema.safeParse(await activePackItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function getUpdateStatus(): Promise<UpdateStatus | null> {
  const parsed = UpdateStatusSchema.safeParse(await updateStatusItem.getValue());
  return parsed.success ? parsed.data : null;
}

/**
 * The downloaded pack to use instead of the shipped one, or null: only while the profile still names the key that
 * verified it, and only when it is newer than the pack this build ships (an extension update may ship newer rules).
 */
export function packInForce(active: ActivePack | null, updates: RuleUpdates | undefined, shippedVersion = SHIPPED_PACK_VERSION): RulePack | null {
  if (!active || !updates || active.publicKey !== updates.publicKey) return null;
  if (isPackVersion(shippedVersion) && comparePackVersions(active.version, shippedVersion) <= 0) return null;
  return active.pack;
}

export interface UpdateDeps {
  fetch?: typeof fetch;
  now?: () => number;
  subtle?: SubtleCrypto;
  shippedVersion?: string;
}

/** A fresh status for this address and key; the highest version is kept while the key stays the same. */
function statusFor(updates: RuleUpdates, previous: UpdateStatus | null): UpdateStatus {
  if (previous && previous.publicKey === updates.publicKey) return { ...previous, url: updates.url };
  return { publicKey: updates.publicKey, url: updates.url, highestVersion: null, lastCheckAt: null, last: null };
}

/**
 * Brings the stored pack and status in line with the profile: a pack verified by a key the profile no longer names
 * is dropped (back to the shipped rules), and so is the status of another key.
 */
export async function reconcileWithProfile(updates: RuleUpdates | undefined): Promise<void> {
  const [active, status] = await Promise.all([getActivePack(), getUpdateStatus()]);
  if (active && active.publicKey !== updates?.publicKey) await activePackItem.setValue(null);
  if (status && (!updates || status.publicKey !== updates.publicKey)) await updateStatusItem.setValue(updates ? statusFor(updates, null) : null);
}

/** Whether a check is due: never checked with this address and key, or the last check is older than the period. */
export function isCheckDue(updates: RuleUpdates, status: UpdateStatus | null, now: number): boolean {
  if (!status || status.publicKey !== updates.publicKey || status.url !== updates.url || status.lastCheckAt === null) return true;
  return now - status.lastCheckAt >= updates.checkEveryHours * 3_600_000;
}

export type UpdateResult =
  | { outcome: 'installed'; version: string }
  | { outcome: 'up-to-date'; version: string }
  | { outcome: 'rejected'; code: RejectionCode; detail: string };

/** Fetches, verifies and (when newer) installs the profile's rule pack; a rejected pack leaves everything as it was. */
export async function runRuleUpdate(updates: RuleUpdates, deps: UpdateDeps = {}): Promise<UpdateResult> {
  const now = deps.now ?? Date.now;
  const shippedVersion = deps.shippedVersion ?? SHIPPED_PACK_VERSION;
  const status = statusFor(updates, await getUpdateStatus());
  const active = await getActivePack();

  const finish = async (result: UpdateResult, patch: Partial<UpdateStatus> = {}): Promise<UpdateResult> => {
    const at = now();
    await updateStatusItem.setValue({
      ...status,
      ...patch,
      lastCheckAt: at,
      last: result.outcome === 'rejected'
        ? { outcome: 'rejected', code: result.code, detail: result.detail, at }
        : { outcome: result.outcome, version: result.version, at },
    } satisfies UpdateStatus);
    return result;
  };

  const downloaded = await fetchHttpsText(updates.url, MAX_PACK_BYTES, deps.fetch ?? fetch);
  if (!downloaded.ok) return finish({ outcome: 'rejected', code: 'download', detail: downloaded.error });

  // The version we already run (or rolled back from) is news to nobody: not an error, not an install.
  const check = await checkSignedPack(downloaded.text, { publicKey: updates.publicKey, newerThan: [], subtle: deps.subtle });
  if (!check.ok) return finish({ outcome: 'rejected', code: check.code, detail: check.detail });
  if (status.highestVersion && comparePackVersions(check.version, status.highestVersion) === 0) {
    return finish({ outcome: 'up-to-date', version: check.version });
  }
  for (const floor of [shippedVersion, status.highestVersion, active?.publicKey === updates.publicKey ? active.version : null]) {
    if (floor && isPackVersion(floor) && comparePackVersions(check.version, floor) <= 0) {
      return finish({ outcome: 'rejected', code: 'not-newer', detail: `version ${check.version} is not newer than ${floor}` });
    }
  }

  // One write swaps the pack: a reader sees the old pack or the new one, never a mix.
  await activePackItem.setValue({
    version: check.version,
    pack: check.pack,
    publicKey: updates.publicKey,
    url: updates.url,
    installedAt: now(),
  } satisfies ActivePack);
  return finish({ outcome: 'installed', version: check.version }, { highestVersion: check.version });
}

/** Back to the rules this build ships. A later, newer pack is installed again; the same one is not. */
export async function rollBackToShippedPack(now: () => number = Date.now): Promise<void> {
  const [active, status] = await Promise.all([getActivePack(), getUpdateStatus()]);
  await activePackItem.setValue(null);
  if (status) {
    await updateStatusItem.setValue({ ...status, last: { outcome: 'rolled-back', version: active?.version, at: now() } } satisfies UpdateStatus);
  }
}

export function watchActivePack(callback: () => void): () => void {
  return activePackItem.watch(() => callback());
}
