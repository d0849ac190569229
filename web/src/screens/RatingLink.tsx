import { useEffect, useState } from 'preact/hooks';
import { api, call, type RatingInvitation } from '../api/client';
import { ApiError } from '../api/problem';
import { Loading, Page } from '../components/Page';
import { useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import type { Params } from '../router';
import { failureText, RatingForm } from './TicketView';

/**
 * `/satisfaction/:token`, the resolution mail's rating link. Opening it records nothing (mail
 * scanners follow links); only the person's Submit (POST) does.
 */
export default function RatingLink({ params }: { params: Params }) {
  const { t, lang } = useI18n();
  const token = params.token ?? '';
  const [invitation, setInvitation] = useState<RatingInvitation>();
  const [failure, setFailure] = useState<{ status: number; text: string }>();
  const [thanked, setThanked] = useState<number>();

  useEffect(() => {
    let current = true;
    call(api().GET('/public/satisfaction/{token}', { params: { path: { token } } }))
      .then((loaded) => current && setInvitation(loaded))
      .catch((error: unknown) => {
        if (!current) return;
        const status = error instanceof ApiError ? error.status : 0;
        setFailure({ status, text: failureText(error, t) });
      });
    return () => {
      current = false;
    };
  }, [token, lang]);

  if (failure) {
    const invalid = failure.status === 404 || failure.status === 400;
    return (
      <Page title={invalid ? t('rating.invalid') : t('rating.title')}>
        <p class="notice notice--error">{invalid ? t('rating.invalidText') : failure.text}</p>
      </Page>
    );
  }
  if (!invitation) return <Loading />;
  const { ticket, rated } = invitation;
  const about = <p class="lead">{t('rating.ticket', { number: ticket.number, subject: ticket.subject })}</p>;
  if (thanked !== undefined) {
    return (
      <Page title={t('rating.thanks')} lead={about}>
        <p class="panel panel--success">{t('ticket.rated', { score: thanked })}</p>
      </Page>
    );
  }
  if (rated) {
    return (
      <Page title={t('rating.already')} lead={about}>
        <p class="panel panel--success">{t('ticket.rated', { score: rated.score })}</p>
        {rated.comment ? <blockquote class="quote">{rated.comment}</blockquote> : null}
      </Page>
    );
  }
  return (
    <Page title={t('rating.title')} lead={about}>
      <p class="hint">{t('rating.until', { date: formatDateTime(invitation.ratableUntil, lang) })}</p>
      <RatingForm
        rate={(score, comment) =>
          call(
            api().POST('/public/satisfaction/{token}', {
              params: { path: { token } },
              body: comment ? { score, comment } : { score },
            }),
          )
        }
        after={setThanked}
      />
    </Page>
  );
}
