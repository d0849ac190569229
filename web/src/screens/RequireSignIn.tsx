import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { hasGroup } from '../auth/profile';
import { session } from '../auth/session';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { useStore } from '../lib/store';
import { Link, navigate, useLocation } from '../router';

/**
 * Screens of a signed-in person: without a session, to the sign-in page and back. With
 * `groups`, only for members of one of them (staff screens); the API checks again.
 */
export function RequireSignIn({ children, groups }: { children: ComponentChildren; groups?: readonly string[] }) {
  const { t } = useI18n();
  const signedIn = useStore(session);
  const { path, search } = useLocation();
  useEffect(() => {
    if (!signedIn) {
      const query = search.toString();
      navigate(`/sign-in?next=${encodeURIComponent(path + (query ? `?${query}` : ''))}`, { replace: true });
    }
  }, [signedIn]);
  if (!signedIn) return null;
  if (groups && !hasGroup(signedIn, groups)) {
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('forbidden.text')}</p>
        <p>
          <Link href="/">{t('forbidden.home')}</Link>
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}
