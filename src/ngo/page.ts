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
  /** Calls back after the profile or the rules changed and were recompiled. Returns a function that stops watching. */
  onChange(callback: () => void): () => void;
}

/** `countries`: the user's country, to read national phone numbers in posts (with the profile's default country). */
export async function loadNgoForPage(countries: () => readonly string[]): Promise<NgoForPage> {
  // Storage trouble must not cost the user their warnings: fall back to Waspada as shipped.
  let [state, active] = await Promise.all([getProfileState().catch(() => DEFAULT_PROFILE_STATE), getActivePack().catch(() => null)]);
  let detector = build();

  function build() {
    const profile = state.profile;
    const result = buildNgoDetector(profile, packInForce(active, profile?.ruleUpdates), countries());
    if (result.problems.length) console.warn('Waspada: parts of the organisation profile were not used:', result.problems.join('; '));
    return result;
  }

  return {
    profile: () => state.profile,
    assessOptions: () => detector.options,
    onChange(callback) {
      const rebuild = async () => {
        [state, active] = await Promise.all([getProfileState().catch(() => state), getActivePack().catch(() => active)]);
        detector = build();
        callback();
      };
      const stops = [profileStateItem.watch(() => void rebuild()), activePackItem.watch(() => void rebuild())];
      return () => stops.forEach((stop) => stop());
    },
  };
}
