/**
 * A forgotten password: the address (`/forgot-password`), then the mailed code with a new
 * password (`/forgot-password/confirm?email=`), which signs the person in. The pool never says
 * whether an address has an account, and neither does this page.
 */
import { useState } from 'preact/hooks';
import { type FieldErrors, type SummaryItem, summaryItems } from '../../api/problem';
import { adoptProfile, hasGroup, STAFF_GROUPS } from '../../auth/profile';
import { CognitoError, confirmForgotPassword, forgotPassword, session, signIn } from '../../auth/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { isEmail, meetsPasswordPolicy } from '../../lib/validation';
import { navigate, useLocation } from '../../router';
import { messages } from './messages';

/** The form's errors, the summary's extra line and the attempt count that refocuses the summary. */
function useProblems() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SummaryItem>();
  const [attempt, setAttempt] = useState(0);
  const show = (found: FieldErrors, line?: string) => {
    setErrors(found);
    setFailure(line ? { message: line } : undefined);
    setAttempt((n) => n + 1);
    return Object.keys(found).length === 0 && !line;
  };
  return { errors, failure, attempt, show };
}

function AddressForm() {
  const { t } = useMessages(messages);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = useProblems();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!problems.show(isEmail(email) ? {} : { email: t('v.email') })) return;
    setBusy(true);
    try {
      await forgotPassword(email);
    } catch (error) {
      const type = error instanceof CognitoError ? error.type : '';
      // An unknown address goes on like a known one: the page must not tell them apart.
      if (type !== 'UserNotFoundException') {
        setBusy(false);
        problems.show(
          {},
          t(type === 'network' ? 'error.network' : /Limit|TooMany/.test(type) ? 'signIn.tooMany' : 'error.generic'),
        );
        return;
      }
    }
    navigate(`/forgot-password/confirm?email=${encodeURIComponent(email.trim())}`);
  };

  return (
    <Page title={t('reset.title')} lead={<p class="lead">{t('reset.intro')}</p>}>
      <ErrorSummary
        items={[...summaryItems(problems.errors, ['email']), ...(problems.failure ? [problems.failure] : [])]}
        attempt={problems.attempt}
      />
      <form onSubmit={submit} noValidate>
        <TextField
          path="email"
          label={t('signIn.email')}
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={email}
          onInput={setEmail}
          error={problems.errors.email}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('reset.submit')}
        </button>
      </form>
    </Page>
  );
}

function NewPasswordForm() {
  const { t } = useMessages(messages);
  const { search } = useLocation();
  const email = search.get('email') ?? '';
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = useProblems();

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!/^\s*\d{6}\s*$/.test(code)) found.code = t('v.code');
    if (!meetsPasswordPolicy(password)) found.password = t('v.password');
    if (!problems.show(found)) return;
    setBusy(true);
    try {
      await confirmForgotPassword(email, code, password);
      await signIn(email, password);
      navigate(hasGroup(session.get(), STAFF_GROUPS) ? '/desk' : '/tickets');
      adoptProfile();
    } catch (error) {
      const type = error instanceof CognitoError ? error.type : '';
      if (type === 'CodeMismatchException') problems.show({ code: t('confirm.wrongCode') });
      else if (type === 'ExpiredCodeException') problems.show({ code: t('confirm.expired') });
      else if (type === 'InvalidPasswordException') problems.show({ password: t('v.password') });
      else problems.show({}, t(type === 'network' ? 'error.network' : 'error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('reset.confirmTitle')} lead={<p class="lead">{t('reset.confirmIntro')}</p>}>
      <ErrorSummary
        items={[
          ...summaryItems(problems.errors, ['code', 'password']),
          ...(problems.failure ? [problems.failure] : []),
        ]}
        attempt={problems.attempt}
      />
      <p>
        {t('signIn.email')}: <strong>{email}</strong>
      </p>
      <form onSubmit={submit} noValidate>
        <TextField
          path="code"
          label={t('confirm.code')}
          inputMode="numeric"
          autocomplete="one-time-code"
          width="short"
          value={code}
          onInput={setCode}
          error={problems.errors.code}
        />
        <TextField
          path="password"
          label={t('reset.newPassword')}
          hint={t('register.passwordHint')}
          type="password"
          autocomplete="new-password"
          value={password}
          onInput={setPassword}
          error={problems.errors.password}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('reset.confirmSubmit')}
        </button>
      </form>
    </Page>
  );
}

export default function ResetPassword() {
  const { path } = useLocation();
  return path.startsWith('/forgot-password/confirm') ? <NewPasswordForm /> : <AddressForm />;
}
