import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { hasNavigated } from '../router';

/**
 * Every screen's frame: sets `document.title` and, after an in-app navigation, moves focus to
 * the `<h1>` so screen reader and keyboard users start on the new page (a full page load leaves
 * focus where the browser puts it).
 */
export function Page({
  title,
  children,
  lead,
}: {
  title: string;
  lead?: ComponentChildren;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead}
      {children}
    </>
  );
}

/** Shown while a screen's data loads; polite, so it is announced without interrupting. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
