import { useEffect, useState } from 'preact/hooks';
import { formatDate, t, type UiLanguage } from '../../i18n';
import { SITES } from '../../sites/site-list';
import { ChannelList } from '../../ui/ChannelList';
import { organisationChannels } from '../../ngo/organisation';
import {
  getProfileState,
  importProfileFromUrl,
  importProfileText,
  removeImportedProfile,
  watchProfileState,
  type ImportResult,
  type ProfileState,
} from '../../ngo/store';
import {
  getActivePack,
  getUpdateStatus,
  packInForce,
  rollBackToShippedPack,
  runRuleUpdate,
  SHIPPED_PACK_VERSION,
  activePackItem,
  updateStatusItem,
  type ActivePack,
  type UpdateStatus,
} from '../../ngo/rule-updates';
import type { OptionsSection, OptionsSectionProps } from './types';

function useProfileState(): ProfileState | null {
  const [state, setState] = useState<ProfileState | null>(null);
  useEffect(() => {
    let alive = true;
    void getProfileState().then((loaded) => alive && setState(loaded));
    const unwatch = watchProfileState((changed) => alive && setState(changed));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return state;
}

function useRulePack(): { active: ActivePack | null; status: UpdateStatus | null } {
  const [value, setValue] = useState<{ active: ActivePack | null; status: UpdateStatus | null }>({ active: null, status: null });
  useEffect(() => {
    let alive = true;
    const load = () => void Promise.all([getActivePack(), getUpdateStatus()]).then(([active, status]) => alive && setValue({ active, status }));
    load();
    const stops = [activePackItem.watch(load), updateStatusItem.watch(load)];
    return () => {
      alive = false;
      stops.forEach((stop) => stop());
    };
  }, []);
  return value;
}

/** Errors name fields ("organisation.name: …"): shown as they are, one per line, never as markup. */
function Problems({ title, text }: { title: string; text: string }) {
  return (
    <div class="notice danger" role="alert">
      <p>{title}</p>
      <ul class="problems">
        {text.split('\n').map((line, index) => (
          <li key={index}>
            <code>{line}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function sourceLine(lang: UiLanguage, state: ProfileState): string {
  if (state.source === 'policy') return t(lang, 'options.org.source.policy');
  if (state.source === 'imported' && state.imported) {
    return t(lang, 'options.org.source.imported', { origin: state.imported.origin, date: formatDate(lang, state.imported.at) });
  }
  return t(lang, 'options.org.source.default');
}

function ProfileSummary({ lang, state }: { lang: UiLanguage; state: ProfileState }) {
  const profile = state.profile;
  if (!profile) return null;
  const sitesOff = profile.features.disabledSites.map((id) => SITES.find((site) => site.id === id)?.name ?? id);
  return (
    <div class="stack">
      <p class="row org-name">
        {profile.organisation.logo && <img src={profile.organisation.logo} alt="" width={32} height={32} />}
        <strong>{profile.organisation.name}</strong>
      </p>
      {profile.channels.length > 0 && (
        <div>
          <h3>{t(lang, 'options.org.helplines')}</h3>
          <ChannelList lang={lang} channels={organisationChannels(profile, lang)} />
        </div>
      )}
      <dl class="counts org-facts">
        <dt>{t(lang, 'options.org.reportsTo')}</dt>
        <dd>{profile.reportEndpoint ?? t(lang, 'options.org.notSet')}</dd>
        <dt>{t(lang, 'options.org.reporting')}</dt>
        <dd>{t(lang, profile.features.reporting ? 'options.org.on' : 'options.org.off')}</dd>
        <dt>{t(lang, 'options.org.updatesFrom')}</dt>
        <dd>{profile.ruleUpdates?.url ?? t(lang, 'options.org.noUpdates')}</dd>
        <dt>{t(lang, 'options.org.recruiters')}</dt>
        <dd>{profile.knownRecruiters?.hashes.length ?? 0}</dd>
        <dt>{t(lang, 'options.org.extraPhrases')}</dt>
        <dd>{profile.extraRules.reduce((sum, rule) => sum + rule.phrases.length, 0)}</dd>
        {sitesOff.length > 0 && (
          <>
            <dt>{t(lang, 'options.org.sitesOff')}</dt>
            <dd>{sitesOff.join(', ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function ImportForm({ lang, state, announce }: { lang: UiLanguage; state: ProfileState; announce(message: string): void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.source === 'policy') return <p class="muted">{t(lang, 'options.org.managedByPolicy')}</p>;

  const finish = (result: ImportResult) => {
    setBusy(false);
    if (result.ok) {
      setError(null);
      announce(t(lang, 'options.org.imported'));
    } else {
      setError(result.error);
    }
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    finish(await importProfileText(await file.text(), 'file', file.name));
  };
  const importUrl = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    finish(await importProfileFromUrl(url.trim()));
  };
  const remove = async () => {
    await removeImportedProfile();
    announce(t(lang, 'options.org.removed'));
  };

  return (
    <div class="stack">
      <p class="muted">{t(lang, 'options.org.importHelp')}</p>
      <div>
        <label class="field" for="org-import-file">
          {t(lang, 'options.org.importFile')}
        </label>
        <input
          id="org-import-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(event) => void importFile(event.currentTarget.files?.[0])}
        />
      </div>
      <form onSubmit={(event) => void importUrl(event)}>
        <label class="field" for="org-import-url">
          {t(lang, 'options.org.importUrl')}
        </label>
        <div class="row">
          <input id="org-import-url" type="url" inputMode="url" placeholder="https://" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />
          <button type="submit" disabled={busy || !url.trim()}>
            {t(lang, 'options.org.importUrlButton')}
          </button>
        </div>
      </form>
      {error && <Problems title={t(lang, 'options.org.importFailed')} text={error} />}
      {state.imported && (
        <button type="button" onClick={() => void remove()}>
          {t(lang, 'options.org.remove')}
        </button>
      )}
    </div>
  );
}

function lastCheckLine(lang: UiLanguage, status: UpdateStatus): string | null {
  const last = status.last;
  if (!last) return null;
  const date = formatDate(lang, last.at);
  if (last.outcome === 'rejected') {
    return t(lang, 'options.rules.last.rejected', { date, reason: t(lang, `options.rules.reason.${last.code ?? 'download'}`) });
  }
  return t(lang, `options.rules.last.${last.outcome}`, { date, version: last.version ?? '' });
}

function RulePackStatus({ lang, state, announce }: { lang: UiLanguage; state: ProfileState; announce(message: string): void }) {
  const { active, status } = useRulePack();
  const [checking, setChecking] = useState(false);
  const updates = state.profile?.ruleUpdates;
  const inForce = packInForce(active, updates) ? active : null;
  const statusForKey = status && updates && status.publicKey === updates.publicKey ? status : null;
  const line = statusForKey ? lastCheckLine(lang, statusForKey) : null;
  const checkNow = async () => {
    if (!updates) return;
    setChecking(true);
    try {
      await runRuleUpdate(updates);
    } finally {
      setChecking(false);
    }
  };
  const rollBack = async () => {
    await rollBackToShippedPack();
    announce(t(lang, 'options.rules.rolledBack'));
  };
  return (
    <div class="stack rule-pack">
      <h3>{t(lang, 'options.rules.heading')}</h3>
      <p data-rule-pack={inForce ? inForce.version : 'shipped'}>
        {inForce
          ? t(lang, 'options.rules.updated', { version: inForce.version, url: inForce.url, date: formatDate(lang, inForce.installedAt) })
          : t(lang, 'options.rules.shipped', { version: SHIPPED_PACK_VERSION })}
      </p>
      {line && (
        <div class={statusForKey?.last?.outcome === 'rejected' ? 'notice warning' : 'muted'} data-rule-outcome={statusForKey?.last?.outcome}>
          <p>{line}</p>
          {statusForKey?.last?.detail && (
            <p>
              <code>{statusForKey.last.detail}</code>
            </p>
          )}
        </div>
      )}
      <div class="row">
        {updates && (
          <button type="button" disabled={checking} onClick={() => void checkNow()}>
            {t(lang, 'options.rules.checkNow')}
          </button>
        )}
        {inForce && (
          <button type="button" onClick={() => void rollBack()}>
            {t(lang, 'options.rules.rollBack')}
          </button>
        )}
      </div>
    </div>
  );
}

function Organisation({ lang, announce }: OptionsSectionProps) {
  const state = useProfileState();
  if (!state) return <p aria-busy="true" />;
  return (
    <div class="stack">
      <p data-profile-source={state.source}>{sourceLine(lang, state)}</p>
      {state.policyProblem && (
        <Problems
          title={t(lang, state.policyIsLastGood ? 'options.org.policyProblem.kept' : 'options.org.policyProblem.ignored')}
          text={state.policyProblem}
        />
      )}
      <ProfileSummary lang={lang} state={state} />
      <ImportForm lang={lang} state={state} announce={announce} />
      <RulePackStatus lang={lang} state={state} announce={announce} />
    </div>
  );
}

export const organisationSection: OptionsSection = {
  id: 'organisation',
  titleKey: 'options.section.organisation',
  icon: '🏢',
  Component: Organisation,
};

