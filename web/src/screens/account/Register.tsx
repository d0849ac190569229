/**
 * Registration with the user pool: name, address and password (`/register`), then the code the
 * pool mails to confirm the address (`/register/confirm?email=`). Once confirmed, the person is
 * signed in with the password typed a moment ago (kept in memory only, never stored).
 */
import { useState } from 'preact/hooks';
import { type FieldErrors, type SummaryItem, summaryItems } from '../../api/problem';
import { adoptProfile } from '../../auth/profile';
import { CognitoError, confirmSignUp, resendCode, signIn, signUp } from '../../auth/session';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { isEmail, meetsPasswordPolicy } from '../../lib/validation';
import { Link, navigate, useLocation } from '../../router';
import { messages } from './messages';

/** The password of the registration in progress, to sign in once the address is confirmed. */
let pending: { email: string; password: string } | undefined;

const REGISTER_PATHS = ['name', 'email', 'password'];
const CONFIRM_PATHS = ['email', 'code'];

function RegisterForm() {
  const { t } = useMessages(messages);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SummaryItem>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('v.required', { label: t('register.name') });
    if (!email.trim()) found.email = t('v.required', { label: t('signIn.email') });
    else if (!isEmail(email)) found.email = t('v.email');
    if (!meetsPasswordPolicy(password)) found.password = t('v.password');
    setErrors(found);
    setFailure(undefined);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await signUp({ email, password, name });
      pending = { email: email.trim(), password };
      navigate(`/register/confirm?email=${encodeURIComponent(email.trim())}`);
    } catch (error) {
      const type = error instanceof CognitoError ? error.type : '';
      if (type === 'InvalidPasswordException') setErrors({ password: t('v.password') });
      else if (type === 'UsernameExistsException') setErrors({ email: t('register.exists') });
      else setFailure({ message: t(type === 'network' ? 'error.network' : 'error.generic') });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items = [...summaryItems(errors, REGISTER_PATHS), ...(failure ? [failure] : [])];
  return (
    <Page title={t('register.title')} lead={<p class="lead">{t('register.intro')}</p>}>
      <ErrorSummary items={items} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField
          path="name"
          label={t('register.name')}
          autocomplete="name"
          value={name}
          onInput={setName}
          error={errors.name}
        />
        <TextField
          path="email"
          label={t('signIn.email')}
          hint={t('register.emailHint')}
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={email}
          onInput={setEmail}
          error={errors.email}
        />
        <TextField
          path="password"
          label={t('signIn.password')}
          hint={t('register.passwordHint')}
          type="password"
          autocomplete="new-password"
          value={password}
          onInput={setPassword}
          error={errors.password}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.haveAccount')} <Link href="/sign-in">{t('nav.signIn')}</Link>
      </p>
    </Page>
  );
}

function ConfirmForm() {
  const { t } = useMessages(messages);
  const { search } = useLocation();
  const [email, setEmail] = useState(search.get('email') ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<SummaryItem>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const problem = (error: unknown) => {
    const type = error instanceof CognitoError ? error.type : '';
    if (type === 'CodeMismatchException') setErrors({ code: t('confirm.wrongCode') });
    else if (type === 'ExpiredCodeException') setErrors({ code: t('confirm.expired') });
    else if (type === 'LimitExceededException' || type === 'TooManyRequestsException')
      setFailure({ message: t('signIn.tooMany') });
    else setFailure({ message: t(type === 'network' ? 'error.network' : 'error.generic') });
    setAttempt((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!isEmail(email)) found.email = t('v.email');
    if (!/^\s*\d{6}\s*$/.test(code)) found.code = t('v.code');
    setErrors(found);
    setFailure(undefined);
    setStatus('');
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await confirmSignUp(email, code);
      if (pending?.email === email.trim()) {
        await signIn(pending.email, pending.password);
        pending = undefined;
        navigate('/tickets');
        adoptProfile();
      } else {
        navigate('/sign-in?confirmed=1');
      }
    } catch (error) {
      problem(error);
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    setStatus('');
    if (!isEmail(email)) {
      setErrors({ email: t('v.email') });
      setAttempt((n) => n + 1);
      return;
    }
    try {
      await resendCode(email);
      setStatus(t('confirm.resent'));
    } catch (error) {
      problem(error);
    }
  };

  const items = [...summaryItems(errors, CONFIRM_PATHS), ...(failure ? [failure] : [])];
  return (
    <Page title={t('confirm.title')} lead={<p class="lead">{t('confirm.intro')}</p>}>
      <ErrorSummary items={items} attempt={attempt} />
      <form onSubmit={submit} noValidate>
        <TextField
          path="email"
          label={t('signIn.email')}
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={email}
          onInput={setEmail}
          error={errors.email}
        />
        <TextField
          path="code"
          label={t('confirm.code')}
          inputMode="numeric"
          autocomplete="one-time-code"
          width="short"
          value={code}
          onInput={setCode}
          error={errors.code}
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('confirm.submit')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => void resend()}>
          {t('confirm.resend')}
        </button>
        <p role="status" class="confirmation">
          {status}
        </p>
      </form>
    </Page>
  );
}

export default function Register() {
  const { path } = useLocation();
  return path.startsWith('/register/confirm') ? <ConfirmForm /> : <RegisterForm />;
}
