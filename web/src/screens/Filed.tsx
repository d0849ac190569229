import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { lastFiled } from './filed';

/** After a guest files: the number, and where the access link went. */
export default function Filed() {
  const { t } = useI18n();
  const filed = lastFiled();
  return (
    <Page title={t('filed.title')}>
      {filed ? (
        <div class="panel panel--success">
          <p>{t('filed.number')}</p>
          <p class="big-number">{filed.number}</p>
          <p>{t('filed.mail', { email: filed.email })}</p>
        </div>
      ) : null}
      <p>
        <Link href="/new">{t('filed.another')}</Link>
      </p>
    </Page>
  );
}
