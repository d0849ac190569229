import type { ComponentChildren } from 'preact';
import { api } from '../api/client';
import { ADMIN_GROUPS, FORM_REQUEST_GROUPS, hasGroup, STAFF_GROUPS } from '../auth/profile';
import { session, signOut } from '../auth/session';
import { LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage, useI18n } from '../i18n';
import { useStore } from '../lib/store';
import { Link, navigate, useLocation } from '../router';

/** A real `<select>` with a visible label: the language names are written in themselves. */
function LanguageChooser() {
  const { lang, t } = useI18n();
  const signedIn = useStore(session);
  const change = (next: Language) => {
    setLanguage(next);
    // Mails follow the profile's language; a failure here changes nothing on the page.
    if (signedIn)
      void api()
        .PATCH('/me', { body: { language: next } })
        .catch(() => undefined);
  };
  return (
    <div class="language">
      <label for="language">{t('lang.label')}</label>
      <select id="language" onChange={(event) => change(event.currentTarget.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code} selected={code === lang}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  const current = path === href || (href !== '/' && path.startsWith(`${href}/`));
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const signedIn = useStore(session);
  const leave = () => {
    signOut();
    navigate('/sign-in');
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('skip.main')}
      </a>
      <header class="site-header">
        <div class="container header-row">
          <Link href="/" class="brand">
            <span class="brand-name">{t('app.name')}</span>
            <span class="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageChooser />
        </div>
        <nav class="site-nav" aria-label={t('nav.label')}>
          <div class="container nav-row">
            <ul>
              <li>
                <NavLink href="/new">{t('nav.new')}</NavLink>
              </li>
              {signedIn ? (
                <li>
                  <NavLink href="/tickets">{t('nav.tickets')}</NavLink>
                </li>
              ) : null}
              {hasGroup(signedIn, STAFF_GROUPS) ? (
                <li>
                  <NavLink href="/desk">{t('nav.desk')}</NavLink>
                </li>
              ) : null}
              {hasGroup(signedIn, FORM_REQUEST_GROUPS) ? (
                <li>
                  <NavLink href="/form-requests">{t('nav.formRequests')}</NavLink>
                </li>
              ) : null}
              {hasGroup(signedIn, ADMIN_GROUPS) ? (
                <>
                  <li>
                    <NavLink href="/reports">{t('nav.reports')}</NavLink>
                  </li>
                  <li>
                    <NavLink href="/admin">{t('nav.admin')}</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
            <div class="account">
              {signedIn ? (
                <>
                  <span class="who">{t('nav.signedInAs', { name: signedIn.name })}</span>
                  <button type="button" class="button-link" onClick={leave}>
                    {t('nav.signOut')}
                  </button>
                </>
              ) : (
                <NavLink href="/sign-in">{t('nav.signIn')}</NavLink>
              )}
            </div>
          </div>
        </nav>
      </header>
      <main id="main" class="container" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container">
          <p>{t('footer.text')}</p>
          <p>{t('footer.privacy')}</p>
        </div>
      </footer>
    </>
  );
}
