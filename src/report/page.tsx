import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { sendReportAction, watchReportView, type ReportView } from './client';
import { ReportForm } from './form';

/** The report page: loads the draft named in the URL (only its id travels; the draft itself stays in storage). */
export function ReportPage({ id }: { id: string }) {
  const [view, setView] = useState<ReportView | null>(null);
  useEffect(() => watchReportView(setView), []);
  if (!view) return <p>{t('id', 'report.form.loading')}</p>;
  document.documentElement.lang = view.lang;
  const report = view.reports.find((r) => r.id === id);
  if (!report) return <p role="alert">{t(view.lang, 'report.form.notFound')}</p>;
  return <ReportForm report={report} lang={view.lang} channels={view.channels} destination={view.destination} act={sendReportAction} />;
}
