/**
 * The NGO profile and rule pack as a page's content script uses them: read once at start, recompiled once on each
 * change (the background writes both to storage.local), never per post.
 */
import type { AssessOptions } from '../detect';
import { buildNgoDetector } from './detector-options';
import type { NgoProfile } from './profile';
import { activePackItem, getActivePack, packInForce } from './rule-updates';
import { DEFAULT_PROFILE_STATE, getProfileState, profileStateItem } from './store';

export interface NgoForPage {
  profile(): NgoProfile | null;
  assessOptions(): AssessOptions;
  /** Calls back after the profile or the rules changed and were recompiled. Returns a function that stops calling back. */
  onChange(callback: () => void): () => void;
}

/**
 * `countries`: the user's country, to read national phone numbers in posts (with the profile's default country).
 * `signal`: stops watching storage (the page's lifetime); without it the loader watches for as long as its context lives.
 */
export async function loadNgoForPage(countries: () => readonly string[], signal?: AbortSignal): Promise<NgoForPage> {
  const callbacks = new Set<() => void>();
  let loaded = false;
  let changedWhileReading = false;
  // Rebuilds run one after another, so an older read never lands after a newer one.
  let rebuilding = Promise.resolve();
  const onStored = () => {
    if (!loaded) changedWhileReading = true;
    else rebuilding = rebuilding.then(rebuild).catch((error) => console.warn('Waspada: could not apply the new organisation profile or rules:', error));
  };
  // Watch before the first read: a profile or pack stored while this page loads must not be missed.
  const stops = [profileStateItem.watch(onStored), activePackItem.watch(onStored)];
  signal?.addEventListener('abort', () => stops.forEach((stop) => stop()), { once: true });

  // Storage trouble must not cost the user their warnings: fall back to Waspada as shipped.
  const read = () => Promise.all([getProfileState().catch(() => DEFAULT_PROFILE_STATE), getActivePack().catch(() => null)]);
  let state = DEFAULT_PROFILE_STATE;
  let active: Awaited<ReturnType<typeof getActivePack>> = null;
  do {
    changedWhileReading = false;
    [state, active] = await read();
  } while (changedWhileReading);
  let detector = build();
  loaded = true;

  function build() {
    const profile = state.profile;
    const result = buildNgoDetector(profile, packInForce(active, profile?.ruleUpdates), countries());
    if (result.problems.length) console.warn('Waspada: parts of the organisation profile were not used:', result.problems.join('; '));
    return result;
  }

  async function rebuild() {
    if (signal?.aborted) return;
    [state, active] = await Promise.all([getProfileState().catch(() => state), getActivePack().catch(() => active)]);
    detector = build();
    for (const callback of callbacks) callback();
  }

  return {
    profile: () => state.profile,
    assessOptions: () => detector.options,
    onChange(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
  };
}
