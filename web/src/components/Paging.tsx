import { useI18n } from '../i18n';

/**
 * Previous and Next over cursor pages: `cursors` holds the cursor of each page shown so far
 * (the first is undefined), so Previous needs nothing from the API.
 */
export function Paging({
  cursors,
  nextCursor,
  onChange,
}: {
  cursors: readonly (string | undefined)[];
  nextCursor: string | null;
  onChange: (cursors: (string | undefined)[]) => void;
}) {
  const { t } = useI18n();
  return (
    <nav class="paging" aria-label={t('tickets.paging')}>
      {cursors.length > 1 ? (
        <button type="button" class="button button--secondary" onClick={() => onChange(cursors.slice(0, -1))}>
          {t('tickets.previous')}
        </button>
      ) : null}
      {nextCursor ? (
        <button type="button" class="button button--secondary" onClick={() => onChange([...cursors, nextCursor])}>
          {t('tickets.next')}
        </button>
      ) : null}
    </nav>
  );
}
