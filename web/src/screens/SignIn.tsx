import { useState } from 'preact/hooks';
import { type FieldErrors, summaryItems } from '../api/problem';
import { adoptProfile, FORM_REQUEST_GROUPS, hasGroup, STAFF_GROUPS } from '../auth/profile';
import { SignInError, session, signIn } from '../auth/session';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { Page } from '../components/Page';
import { type MessageKey, useI18n } from '../i18n';
import { isEmail } from '../lib/validation';
import { Link, navigate, useLocation } from '../router';

const PATHS = ['email', 'password'];
const FAILURES: Record<SignInError['reason'], MessageKey> = {
  wrong: 'signIn.wrong',
  tooMany: 'signIn.tooMany',
  unsupported: 'signIn.unsupported',
  unconfirmed: 'signIn.unconfirmed',
  network: 'error.network',
};

/**
 * Only a path inside the portal, so a crafted `?next=` cannot send anyone elsewhere; otherwise
 * where the person's work is.
 */
const safeNext = (next: string | null, home: string) => (next?.startsWith('/') && !next.startsWith('//') ? next : home);

const homeOf = (user: ReturnType<typeof session.get>) =>
  hasGroup(user, STAFF_GROUPS) ? '/desk' : hasGroup(user, FORM_REQUEST_GROUPS) ? '/form-requests' : '/tickets';

export default function SignIn() {
  const { t } = useI18n();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!email.trim()) found.email = t('v.required', { label: t('signIn.email') });
    else if (!isEmail(email)) found.email = t('v.email');
    if (!password) found.password = t('v.required', { label: t('signIn.password') });
    setErrors(found);
    setFailure(undefined);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await signIn(email, password);
      navigate(safeNext(search.get('next'), homeOf(session.get())));
      adoptProfile();
    } catch (error) {
      setFailure(t(error instanceof SignInError ? FAILURES[error.reason] : 'error.generic'));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = [...summaryItems(errors, PATHS), ...(failure ? [{ message: failure }] : [])];
  const unconfirmed = failure === t('signIn.unconfirmed');
  return (
    <div class="two-columns">
      <section>
        <Page title={t('signIn.title')}>
          {search.get('confirmed') ? (
            <p class="panel panel--success" role="status">
              {t('signIn.confirmed')}
            </p>
          ) : null}
          <ErrorSummary items={items} attempt={attempt} />
          {unconfirmed ? (
            <p>
              <Link href={`/register/confirm?email=${encodeURIComponent(email.trim())}`}>{t('signIn.confirm')}</Link>
            </p>
          ) : null}
          <form onSubmit={submit} noValidate>
            <TextField
              path="email"
              label={t('signIn.email')}
              type="email"
              autocomplete="username"
              spellcheck={false}
              value={email}
              onInput={setEmail}
              error={errors.email}
            />
            <TextField
              path="password"
              label={t('signIn.password')}
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={setPassword}
              error={errors.password}
            />
            <p>
              <Link href="/forgot-password">{t('signIn.forgot')}</Link>
            </p>
            <p class="hint">{t('signIn.reload')}</p>
            <button type="submit" class="button" disabled={busy}>
              {busy ? t('form.sending') : t('signIn.submit')}
            </button>
          </form>
        </Page>
      </section>
      <div>
        <aside class="panel panel--guest" aria-labelledby="guest-title">
          <h2 id="guest-title">{t('signIn.guestTitle')}</h2>
          <p>{t('signIn.guestText')}</p>
          <p>
            <Link href="/new" class="button button--secondary">
              {t('signIn.guestLink')}
            </Link>
          </p>
        </aside>
        <aside class="panel" aria-labelledby="register-title">
          <h2 id="register-title">{t('signIn.registerTitle')}</h2>
          <p>{t('signIn.registerText')}</p>
          <p>
            <Link href="/register" class="button button--secondary">
              {t('signIn.register')}
            </Link>
          </p>
        </aside>
      </div>
    </div>
  );
}
