import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { Link } from '../router';

export default function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href="/new">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
