import { useEffect, useState } from 'preact/hooks';
import type { OfficialChannel } from '../channels/schema';
import { t, type UiLanguage } from '../i18n';
import type { ReportActionMessage } from './messages';
import { DeliveryStatusText } from './delivery-status';
import type { ReportDestination } from './destination';
import type { ReportField, StoredReport } from './schema';
import { shareLinks } from './share';

/**
 * The report form: exactly what would be sent, each field with a checkbox, and the send buttons. Nothing leaves the
 * device until the user presses one. Page text is shown as text only (Preact escapes it).
 */

export interface ReportFormProps {
  report: StoredReport;
  lang: UiLanguage;
  channels: OfficialChannel[];
  destination: ReportDestination | null;
  act: (message: ReportActionMessage) => Promise<void>;
}

export function ReportForm({ report, lang, channels, destination, act }: ReportFormProps) {
  const [note, setNote] = useState(report.note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setNote(report.note), [report.id]);

  const run = (message: ReportActionMessage) =>
    act(message).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  const toggle = (field: ReportField, value: boolean) => void run({ type: 'waspada:report-edit', id: report.id, included: { [field]: value } });
  const saveNote = async () => {
    if (note !== report.note) await run({ type: 'waspada:report-edit', id: report.id, note });
  };

  // Links are built from what is saved plus the note being typed, so the message matches the screen.
  const current: StoredReport = { ...report, note };
  const links = shareLinks(current, lang, channels, destination?.email);
  const { post, included } = report;
  const delivered = report.delivery.state === 'delivered';

  const field = (name: ReportField, content: preact.ComponentChildren) => (
    <div class="field" data-field={name}>
      <label class="field-label">
        <input type="checkbox" checked={included[name]} onChange={(e) => toggle(name, e.currentTarget.checked)} />
        <span>{t(lang, `report.field.${name}`)}</span>
      </label>
      <div class={included[name] ? 'field-value' : 'field-value excluded'}>{content}</div>
    </div>
  );
  const empty = <span class="muted">{t(lang, 'report.form.empty')}</span>;

  return (
    <main class="report-form" lang={lang}>
      <h1>⚠️ {t(lang, 'report.form.title')}</h1>
      <p>{t(lang, 'report.form.intro')}</p>
      <p class="status" role="status">
        <DeliveryStatusText delivery={report.delivery} lang={lang} />
      </p>

      {field('postText', <blockquote class="post-text">{post.text || empty}</blockquote>)}
      {field('permalink', post.permalink ? <span class="url">{post.permalink}</span> : empty)}
      {field('pageUrl', <span class="url">{post.pageUrl}</span>)}
      {field(
        'author',
        post.author ? (
          <span>
            {post.author.name}
            {post.author.url ? <span class="url"> ({post.author.url})</span> : null}
          </span>
        ) : (
          empty
        ),
      )}
      {field('seenAt', <time dateTime={post.seenAt}>{new Date(post.seenAt).toLocaleString(lang)}</time>)}
      {field(
        'contacts',
        post.contacts.length ? (
          <ul>
            {post.contacts.map((c) => (
              <li key={c.value}>
                {t(lang, `report.contact.${c.kind}`)}: <strong>{c.value}</strong>
                {c.raw !== c.value ? <span class="muted"> ({c.raw})</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <span class="muted">{t(lang, 'report.form.noContacts')}</span>
        ),
      )}
      {field(
        'reasons',
        post.reasons.length ? (
          <ul>
            {post.reasons.map((r) => (
              <li key={r.signalId}>
                {t(lang, `report.family.${r.family}`)}: {r.evidence.map((e) => `“${e}”`).join(', ')}
              </li>
            ))}
          </ul>
        ) : (
          <span class="muted">{t(lang, 'report.form.noReasons')}</span>
        ),
      )}
      {field(
        'note',
        <textarea
          rows={3}
          maxLength={2000}
          aria-label={t(lang, 'report.field.note')}
          placeholder={t(lang, 'report.form.notePlaceholder')}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          onBlur={() => void saveNote()}
        />,
      )}

      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}

      <div class="actions">
        {destination ? (
          <button
            type="button"
            class="primary"
            data-action="send-ngo"
            disabled={busy || delivered}
            onClick={async () => {
              setBusy(true);
              await saveNote();
              await run({ type: 'waspada:report-send', id: report.id });
              setBusy(false);
            }}
          >
            {t(lang, 'report.form.sendTo', { name: destination.name })}
          </button>
        ) : null}
        <p>{t(lang, destination ? 'report.form.sendYourself' : 'report.form.noDestination')}</p>
        {links.whatsapp.map((w) => (
          <a
            key={w.url}
            class="button"
            data-action="send-whatsapp"
            href={w.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => void saveNote().then(() => run({ type: 'waspada:report-shared', id: report.id, channel: 'whatsapp' }))}
          >
            💬 {t(lang, 'report.form.sendWhatsapp', { name: w.name })}
          </a>
        ))}
        <a
          class="button"
          data-action="send-email"
          href={links.email}
          onClick={() => void saveNote().then(() => run({ type: 'waspada:report-shared', id: report.id, channel: 'email' }))}
        >
          ✉️ {t(lang, 'report.form.sendEmail')}
        </a>
        {links.platform ? (
          <a
            class="button"
            data-action="report-platform"
            href={links.platform.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => void run({ type: 'waspada:report-shared', id: report.id, channel: 'platform' })}
          >
            🚩 {t(lang, 'report.form.reportOnPlatform', { platform: links.platform.platform })}
          </a>
        ) : null}
      </div>
    </main>
  );
}
