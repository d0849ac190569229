import { UnsentNotice, useFilesMessages } from '../components/Attachments';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { lastFiled } from './filed';

/** After a guest files: the number, where the access link went, and how their files fared. */
export default function Filed() {
  const { t } = useI18n();
  const files = useFilesMessages().t;
  const filed = lastFiled();
  const sent = filed?.files?.sent ?? [];
  return (
    <Page title={t('filed.title')}>
      {filed ? (
        <div class="panel panel--success">
          <p>{t('filed.number')}</p>
          <p class="big-number">{filed.number}</p>
          <p>{t('filed.mail', { email: filed.email })}</p>
          {sent.length > 0 ? (
            <>
              <p>{files('files.filedSent')}</p>
              <ul>
                {sent.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
              <p>{files('files.filedCheck')}</p>
            </>
          ) : null}
        </div>
      ) : null}
      {filed?.files ? <UnsentNotice files={filed.files.failed} next={files('files.unsentGuest')} /> : null}
      <p>
        <Link href="/new">{t('filed.another')}</Link>
      </p>
    </Page>
  );
}
