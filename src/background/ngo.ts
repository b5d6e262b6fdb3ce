import { browser } from 'wxt/browser';
import { refreshProfile } from '../ngo/store';
import { getUpdateStatus, isCheckDue, reconcileWithProfile, runRuleUpdate, RULE_UPDATE_ALARM, type UpdateDeps } from '../ngo/rule-updates';
import type { RuleUpdates } from '../ngo/profile';

type ExtensionApi = typeof browser;

/** Storage keys (in storage.local) whose change means the profile must be resolved again. */
const PROFILE_INPUTS = ['ngoImportedProfile'];

/**
 * The background's part of NGO deployment: resolves the profile at every worker start and whenever the policy or the
 * import changes, and keeps the rule-pack schedule in line with it (an alarm only while an update address is set).
 * Returns a function that resolves when the work queued so far is done (for tests).
 */
export function startNgo(api: ExtensionApi = browser, deps: UpdateDeps = {}): () => Promise<void> {
  const now = deps.now ?? Date.now;
  // One thing at a time: a policy change during a download must not interleave two writers.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (task: () => Promise<unknown>) => {
    queue = queue.then(task).then(
      () => undefined,
      (error: unknown) => console.warn('Waspada: NGO profile or rule update failed', error),
    );
    return queue;
  };

  const sync = () =>
    enqueue(async () => {
      const state = await refreshProfile(api, now);
      await scheduleRuleUpdates(api, state.profile?.ruleUpdates, deps);
    });

  api.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && PROFILE_INPUTS.some((key) => key in changes))) void sync();
  });
  api.alarms?.onAlarm.addListener((alarm: { name: string }) => {
    if (alarm.name !== RULE_UPDATE_ALARM) return;
    void enqueue(async () => {
      const state = await refreshProfile(api, now);
      const updates = state.profile?.ruleUpdates;
      if (updates) await runRuleUpdate(updates, deps);
    });
  });
  void sync();
  return () => queue;
}

/** An alarm every `checkEveryHours` while the profile names an update address; a check at once when one is due. */
export async function scheduleRuleUpdates(api: ExtensionApi, updates: RuleUpdates | undefined, deps: UpdateDeps = {}): Promise<void> {
  await reconcileWithProfile(updates);
  if (!api.alarms) return;
  if (!updates) {
    await api.alarms.clear(RULE_UPDATE_ALARM);
    return;
  }
  const period = updates.checkEveryHours * 60;
  const alarm = await api.alarms.get(RULE_UPDATE_ALARM);
  if (!alarm || alarm.periodInMinutes !== period) await api.alarms.create(RULE_UPDATE_ALARM, { periodInMinutes: period, delayInMinutes: period });
  if (isCheckDue(updates, await getUpdateStatus(), (deps.now ?? Date.now)())) await runRuleUpdate(updates, deps);
}
