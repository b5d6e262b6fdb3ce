import { useEffect, useState } from 'preact/hooks';
import { t, type UiLanguage } from '../../i18n';
import { sendReportAction, watchReportView, type ReportView } from '../../report/client';
import { DeliveryStatusText } from '../../report/delivery-status';
import { reportsToCsv, reportsToJson } from '../../report/export';
import type { ReportActionMessage } from '../../report/messages';
import type { StoredReport } from '../../report/schema';
import type { OptionsSection, OptionsSectionProps } from './types';

/**
 * Options section "Your reports": every report on this device with its delivery status, retry and delete, exports,
 * and where reports are sent. Changes go to the background (the only writer) as messages.
 */

export interface ReportsSectionProps {
  lang: UiLanguage;
  announce?(message: string): void;
  /** Injected in tests. */
  act?: (message: ReportActionMessage) => Promise<void>;
  watch?: (callback: (view: ReportView) => void) => () => void;
  download?: (filename: string, type: string, content: string) => void;
  confirm?: (question: string) => boolean;
  reportPageUrl?: (id: string) => string;
}

function downloadFile(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ReportsSection({
  lang,
  announce = () => {},
  act = sendReportAction,
  watch = watchReportView,
  download = downloadFile,
  confirm = (q) => window.confirm(q),
  reportPageUrl = (id) => `/report.html?id=${encodeURIComponent(id)}`,
}: ReportsSectionProps) {
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => watch(setView), [watch]);
  if (!view) return <p aria-busy="true">{t(lang, 'report.form.loading')}</p>;

  const run = (message: ReportActionMessage) =>
    act(message).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  const stamp = new Date().toISOString().slice(0, 10);
  const reports = [...view.reports].sort((a, b) => b.updatedAt - a.updatedAt);

  return (
    <div class="reports-section">
      {view.setAside.length ? <p class="notice">{t(lang, 'report.list.setAside', { count: view.setAside.length })}</p> : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {reports.length === 0 ? <p class="muted">{t(lang, 'report.list.empty')}</p> : null}
      <ul class="plain-list">
        {reports.map((report) => (
          <ReportRow
            key={report.id}
            report={report}
            lang={lang}
            href={reportPageUrl(report.id)}
            onRetry={() => void run({ type: 'waspada:report-send', id: report.id })}
            onDelete={() => {
              if (confirm(t(lang, 'report.list.confirmDelete'))) void run({ type: 'waspada:report-delete', id: report.id });
            }}
          />
        ))}
      </ul>
      <p class="actions-row">
        <button type="button" data-action="export-json" onClick={() => download(`waspada-reports-${stamp}.json`, 'application/json', reportsToJson(view.reports, view.setAside, Date.now()))}>
          {t(lang, 'report.list.exportJson')}
        </button>{' '}
        <button type="button" data-action="export-csv" onClick={() => download(`waspada-reports-${stamp}.csv`, 'text/csv', reportsToCsv(reports))}>
          {t(lang, 'report.list.exportCsv')}
        </button>
      </p>
      {view.destinationFromProfile && view.destination ? (
        <div class="destination">
          <h3>{t(lang, 'report.destination.title')}</h3>
          <p data-destination-from-profile>
            {t(lang, 'report.destination.fromProfile', { name: view.destinationFromProfile, url: view.destination.url })}
          </p>
        </div>
      ) : (
        <DestinationEditor view={view} lang={lang} run={run} announce={announce} />
      )}
    </div>
  );
}

function ReportRow({ report, lang, href, onRetry, onDelete }: { report: StoredReport; lang: UiLanguage; href: string; onRetry(): void; onDelete(): void }) {
  const excerpt = report.post.text.length > 140 ? `${report.post.text.slice(0, 140)}…` : report.post.text;
  const canRetry = report.delivery.state === 'failed';
  const shares = [...new Set(report.shares.map((s) => t(lang, `report.share.${s.channel}`)))];
  return (
    <li class="report-entry" data-report-id={report.id} data-status={report.delivery.state}>
      <div class="excerpt">“{excerpt}”</div>
      <div class="muted">
        {report.post.site} · {new Date(report.createdAt).toLocaleString(lang)}
      </div>
      <div>
        <DeliveryStatusText delivery={report.delivery} lang={lang} />
      </div>
      {shares.length ? <div class="muted">{t(lang, 'report.list.sharedVia', { channels: shares.join(', ') })}</div> : null}
      <div class="actions-row">
        <a href={href} target="_blank" rel="noopener">
          {t(lang, 'report.list.open')}
        </a>{' '}
        {canRetry ? (
          <button type="button" data-action="retry" onClick={onRetry}>
            {t(lang, 'report.list.retry')}
          </button>
        ) : null}{' '}
        <button type="button" data-action="delete" onClick={onDelete}>
          {t(lang, 'report.list.delete')}
        </button>
      </div>
    </li>
  );
}

function DestinationEditor({ view, lang, run, announce }: { view: ReportView; lang: UiLanguage; run(m: ReportActionMessage): Promise<void>; announce(m: string): void }) {
  const current = view.destination;
  const [name, setName] = useState(current?.name ?? '');
  const [url, setUrl] = useState(current?.url ?? '');
  const [email, setEmail] = useState(current?.email ?? '');
  useEffect(() => {
    setName(current?.name ?? '');
    setUrl(current?.url ?? '');
    setEmail(current?.email ?? '');
  }, [current?.name, current?.url, current?.email]);

  const save = async (event: Event) => {
    event.preventDefault();
    await run({ type: 'waspada:report-destination', destination: { name, url, ...(email.trim() ? { email: email.trim() } : {}) } });
    announce(t(lang, 'report.destination.saved'));
  };
  return (
    <form class="destination" onSubmit={(e) => void save(e)}>
      <h3>{t(lang, 'report.destination.title')}</h3>
      {!current ? <p class="muted">{t(lang, 'report.destination.none')}</p> : null}
      <label>
        {t(lang, 'report.destination.name')}
        <input name="name" value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t(lang, 'report.destination.url')}
        <input name="url" type="url" value={url} placeholder="https://" onInput={(e) => setUrl(e.currentTarget.value)} />
      </label>
      <label>
        {t(lang, 'report.destination.email')}
        <input name="email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <p class="actions-row">
        <button type="submit">{t(lang, 'report.destination.save')}</button>{' '}
        {current ? (
          <button type="button" onClick={() => void run({ type: 'waspada:report-destination', destination: null })}>
            {t(lang, 'report.destination.clear')}
          </button>
        ) : null}
      </p>
    </form>
  );
}

export const reportsSection: OptionsSection = {
  id: 'reports',
  titleKey: 'report.list.title',
  icon: '📣',
  Component: ({ lang, announce }: OptionsSectionProps) => <ReportsSection lang={lang} announce={announce} />,
};
