import { useEffect, useRef } from 'preact/hooks';
import type { SummaryItem } from '../api/problem';
import { useI18n } from '../i18n';

/**
 * The GOV.UK Design System error summary: at the top of the form, focused when it appears (and
 * each time the form is sent again with errors), one link per problem to its field.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length > 0) box.current?.focus();
  }, [attempt, items.length > 0]);
  if (items.length === 0) return null;
  const follow = (event: MouseEvent, href: string) => {
    // Focus the control itself and bring its label into view, not just scroll to the anchor.
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    (target.closest('.field') ?? target).scrollIntoView({ block: 'start' });
  };
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errorSummary.title')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.message + (item.href ?? '')}>
            {item.href ? (
              <a href={item.href} onClick={(event) => follow(event, item.href as string)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
