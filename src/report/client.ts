import { browser } from 'wxt/browser';
import { channelsFor, type Country, type OfficialChannel } from '../channels';
import { getSettings, watchSettings } from '../settings';
import { getReportDestination, reportDestinationItem, type ReportDestination } from './destination';
import type { ReportActionMessage, ReportActionReply } from './messages';
import type { StoredReport } from './schema';
import { readReports, reportsItem, reportsSetAsideItem, type SetAsideRecord } from './store';
import { uiLanguage } from './ui-language';
import { watchProfileState } from '../ngo/store';
import type { UiLanguage } from '../i18n';

/** What the report form and the options page read (storage, validated) and how they ask the background for changes. */

export async function sendReportAction(message: ReportActionMessage): Promise<void> {
  const reply = (await browser.runtime.sendMessage(message)) as ReportActionReply | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'The background did not answer.');
}

export interface ReportView {
  reports: StoredReport[];
  setAside: SetAsideRecord[];
  lang: UiLanguage;
  channels: OfficialChannel[];
  destination: ReportDestination | null;
  /** The organisation whose profile sets the destination, or null when it is the user's own setting. */
  destinationFromProfile: string | null;
}

export async function loadReportView(): Promise<ReportView> {
  const [{ reports, setAside }, settings, { destination, fromProfile }] = await Promise.all([readReports(), getSettings(), getReportDestination()]);
  const lang = uiLanguage(settings.uiLanguage);
  return { reports, setAside, lang, channels: channelsFor(settings.country as Country, lang), destination, destinationFromProfile: fromProfile ?? null };
}

/** Calls back with a fresh view whenever reports, settings or the destination change. Returns the unwatch function. */
export function watchReportView(callback: (view: ReportView) => void): () => void {
  const refresh = () => void loadReportView().then(callback);
  const unwatch = [
    reportsItem.watch(refresh),
    reportsSetAsideItem.watch(refresh),
    reportDestinationItem.watch(refresh),
    watchSettings(refresh),
    watchProfileState(refresh),
  ];
  refresh();
  return () => unwatch.forEach((stop) => stop());
}
