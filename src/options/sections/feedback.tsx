import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, t, type UiLanguage } from '../../i18n';
import { getFeedback, removeFeedback, watchFeedback, type FeedbackKind, type PostFeedback } from '../../settings';
import { siteById } from '../../sites/site-list';
import type { OptionsSection, OptionsSectionProps } from './types';

/** Post URLs come from pages: only plain web links are ever made clickable. */
export function safeWebUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function useFeedback(kind: FeedbackKind): PostFeedback[] | null {
  const [entries, setEntries] = useState<PostFeedback[] | null>(null);
  useEffect(() => {
    let alive = true;
    void getFeedback(kind).then((loaded) => alive && setEntries(loaded));
    const unwatch = watchFeedback(kind, (changed) => alive && setEntries(changed));
    return () => {
      alive = false;
      unwatch();
    };
  }, [kind]);
  return entries;
}

const LISTS: ReadonlyArray<{ kind: FeedbackKind; titleKey: string; icon: string }> = [
  { kind: 'dismissed', titleKey: 'options.feedback.dismissed', icon: '🙈' },
  { kind: 'realJob', titleKey: 'options.feedback.real-job', icon: '👍' },
];

function FeedbackList({ lang, kind, titleKey, icon, announce }: (typeof LISTS)[number] & {
  lang: UiLanguage;
  announce(message: string): void;
}) {
  const entries = useFeedback(kind);
  const heading = useRef<HTMLHeadingElement>(null);
  const undo = async (entry: PostFeedback) => {
    await removeFeedback(kind, entry.key);
    // The button is gone with its row: keep keyboard focus in the list instead of losing it to the page top.
    heading.current?.focus();
    announce(t(lang, 'options.feedback.undone'));
  };
  const headingId = `feedback-${kind}-title`;
  return (
    <div>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        <span class="icon" aria-hidden="true">
          {icon}
        </span>
        {t(lang, titleKey)}
      </h3>
      {entries && entries.length === 0 && <p class="muted">{t(lang, 'options.feedback.empty')}</p>}
      {entries && entries.length > 0 && (
        <ul class="plain-list" aria-labelledby={headingId}>
          {[...entries].reverse().map((entry) => {
            const link = safeWebUrl(entry.url);
            const excerptId = `feedback-${kind}-${entry.key.replace(/[^\w-]/g, '_')}`;
            return (
              <li key={entry.key} class="feedback-entry" data-key={entry.key}>
                <div>
                  <div class="excerpt" id={excerptId}>
                    “{entry.excerpt}”
                  </div>
                  <div class="muted">
                    {siteById(entry.site)?.name ?? entry.site} · {formatDate(lang, entry.at)}
                    {link && (
                      <>
                        {' · '}
                        <a href={link} target="_blank" rel="noopener noreferrer">
                          {t(lang, 'options.feedback.open-post')}
                        </a>
                      </>
                    )}
                  </div>
                </div>
                <button type="button" aria-describedby={excerptId} onClick={() => void undo(entry)}>
                  <span aria-hidden="true">↩️ </span>
                  {t(lang, 'options.feedback.undo')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Feedback({ lang, announce }: OptionsSectionProps) {
  return (
    <div>
      <p>{t(lang, 'options.feedback.intro')}</p>
      {LISTS.map((list) => (
        <FeedbackList key={list.kind} lang={lang} announce={announce} {...list} />
      ))}
    </div>
  );
}

export const feedbackSection: OptionsSection = {
  id: 'feedback',
  titleKey: 'options.section.feedback',
  icon: '🗂️',
  Component: Feedback,
};
