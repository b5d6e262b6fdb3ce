import { compileRulePack, defaultRulePack, extendRulePack, type AssessOptions, type CompiledRulePack } from '../detect';
import type { RulePack } from '../detect/rules/schema';
import type { NgoProfile } from './profile';
import { knownRecruiterMatcher } from './recruiters';

export interface NgoDetector {
  options: AssessOptions;
  /** Parts of the profile or pack that could not be used, by field; the rest still applies. */
  problems: string[];
}

/**
 * The detector as the organisation configured it: the downloaded pack in force (or the shipped one), plus the
 * profile's extra phrases, plus its hashed recruiter list. Compiled once per change, not per post. Pure.
 * `countries` read national phone numbers in posts (the profile's default country, the user's).
 */
export function buildNgoDetector(profile: NgoProfile | null, downloaded: RulePack | null, countries: readonly string[]): NgoDetector {
  const problems: string[] = [];
  let rules: CompiledRulePack = defaultRulePack();
  if (downloaded) {
    const compiled = compileRulePack(downloaded);
    if (compiled.ok) rules = compiled.pack;
    else problems.push(`rule pack: ${compiled.error}`);
  }
  if (profile && profile.extraRules.length > 0) {
    const extended = extendRulePack(rules, profile.extraRules);
    if (extended.ok) rules = extended.pack;
    else problems.push(...extended.error.split('\n').map((line) => `extraRules.${line}`));
  }
  const options: AssessOptions = rules === defaultRulePack() ? {} : { rules };
  const recruiters = profile?.knownRecruiters;
  if (recruiters && recruiters.hashes.length > 0) {
    const hints = [...new Set([profile.defaults.country, ...countries].filter((c): c is string => !!c))];
    options.isKnownRecruiter = knownRecruiterMatcher(recruiters, hints);
  }
  return { options, problems };
}
