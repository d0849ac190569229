/**
 * `/form-requests/:id`: one request for whichever party reads it: its facts, the seven steps,
 * what to do now (the action of the reader's party at its step, or who it waits for), the
 * petition, what has come in since, and the history.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { Loading, Page } from '../../components/Page';
import { formatDateTime } from '../../i18n/dates';
import { Link, type Params, useLocation } from '../../router';
import { LinksPanel, ReviewComment, ReviewPanel, RevisePanel, SetupPanel, Urls } from './actions';
import {
  Done,
  Due,
  History,
  PetitionFacts,
  partyWords,
  RequireParty,
  Timeline,
  useFr,
  useParty,
  useTopics,
} from './common';
import { failureOf } from './failure';
import { type FormRequest, type Party, referenceOf, STEP_ACTOR } from './model';
import { ParametersPanel, ParametersView } from './Parameters';
import { StoredTemplates, TemplatesPanel } from './Templates';

type OnDone = (next: FormRequest, message: string) => void;

function Facts({ request, party }: { request: FormRequest; party: Party | undefined }) {
  const { t, lang } = useFr();
  return (
    <dl class="fr-facts">
      <div>
        <dt>{t('fact.step')}</dt>
        <dd>
          <span class={`status fr-status--${request.status}`}>{t(`step.${request.step}`)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('col.waitingFor')}</dt>
        <dd>{partyWords(request.waitingFor, party, t)}</dd>
      </div>
      <div>
        <dt>{t('col.due')}</dt>
        <dd>
          <Due request={request} />
        </dd>
      </div>
      <div>
        <dt>{t('col.department')}</dt>
        <dd>{request.department.name}</dd>
      </div>
      <div>
        <dt>{t('col.website')}</dt>
        <dd class="fr-break">{request.website}</dd>
      </div>
      <div>
        <dt>{t('col.created')}</dt>
        <dd>
          <time dateTime={request.createdAt}>{formatDateTime(request.createdAt, lang)}</time>
        </dd>
      </div>
    </dl>
  );
}

/** The reader's action at this step, or in words who it waits for. */
function Now({ request, party, onDone }: { request: FormRequest; party: Party | undefined; onDone: OnDone }) {
  const { t } = useFr();
  const actor = STEP_ACTOR[request.step];
  const mine = actor !== undefined && actor === party;
  let body: ComponentChildren;
  let title = t('request.now');
  if (mine && request.step === 'review') {
    title = t('review.title');
    body = <ReviewPanel request={request} onDone={onDone} />;
  } else if (mine && request.step === 'changes') {
    title = t('changes.title');
    body = <RevisePanel request={request} onDone={onDone} />;
  } else if (mine && request.step === 'templates') {
    title = t('templates.title');
    body = <TemplatesPanel request={request} onDone={onDone} />;
  } else if (mine && request.step === 'parameters') {
    title = t('parameters.title');
    body = <ParametersPanel request={request} onDone={onDone} />;
  } else if (mine && request.step === 'setup') {
    title = t('setup.title');
    body = <SetupPanel request={request} onDone={onDone} />;
  } else if (mine && request.step === 'links') {
    title = t('links.title');
    body = <LinksPanel request={request} onDone={onDone} />;
  } else if (request.step === 'completed') {
    body = <p>{t('request.completed')}</p>;
  } else if (request.step === 'rejected') {
    body = (
      <>
        <p>{t('request.rejected')}</p>
        <ReviewComment request={request} />
      </>
    );
  } else {
    body = (
      <>
        <p>{actor ? t(`wait.${actor}`) : null}</p>
        {request.step === 'changes' ? <ReviewComment request={request} /> : null}
      </>
    );
  }
  return (
    <section class={mine ? 'fr-section fr-now fr-now--mine' : 'fr-section fr-now'} aria-labelledby="fr-now-title">
      <h2 id="fr-now-title">{title}</h2>
      {body}
    </section>
  );
}

function RequestView({ id }: { id: string }) {
  const { t } = useFr();
  const party = useParty();
  const topics = useTopics();
  const { search } = useLocation();
  const [request, setRequest] = useState<FormRequest>();
  const [failure, setFailure] = useState<ReturnType<typeof failureOf>>();
  const [notFound, setNotFound] = useState(false);
  const [done, setDone] = useState<string | undefined>(search.get('sent') === 'petition' ? t('new.sent') : undefined);

  useEffect(() => {
    let current = true;
    call(api().GET('/form-requests/{requestId}', { params: { path: { requestId: id } } }))
      .then((result) => current && setRequest(result))
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setNotFound(true);
        else setFailure(failureOf(error, [], t));
      });
    return () => {
      current = false;
    };
  }, [id]);

  const onDone: OnDone = (next, message) => {
    setRequest(next);
    setDone(message);
  };
  const reference = referenceOf(id);
  const back = (
    <p>
      <Link href="/form-requests">{t('request.back')}</Link>
    </p>
  );
  if (notFound) {
    return (
      <Page title={t('request.notFoundTitle')}>
        <p>{t('request.notFound')}</p>
        {back}
      </Page>
    );
  }
  return (
    <Page title={t('request.title', { reference })}>
      {back}
      <Done message={done} />
      {failure ? (
        <div class="notice notice--error" role="alert">
          {failure.lines.map((line) => (
            <p key={line.key}>{line.content}</p>
          ))}
        </div>
      ) : !request ? (
        <Loading />
      ) : (
        <div>
          <Facts request={request} party={party} />
          <Timeline request={request} />
          <Now key={request.step} request={request} party={party} onDone={onDone} />
          <section class="fr-section" aria-labelledby="fr-petition-title">
            <h2 id="fr-petition-title">{t('petition.title')}</h2>
            <PetitionFacts petition={request.petition} topics={topics} />
          </section>
          {request.step !== 'templates' || party !== 'department' ? <StoredTemplates request={request} /> : null}
          {request.parameters ? <ParametersView parameters={request.parameters} topics={topics} /> : null}
          {request.urls && request.step !== 'links' ? (
            <section class="fr-section" aria-labelledby="fr-urls-title">
              <h2 id="fr-urls-title">{t('urls.title')}</h2>
              <Urls urls={request.urls} />
            </section>
          ) : null}
          <History history={request.history} />
        </div>
      )}
    </Page>
  );
}

export default function RequestPage({ params }: { params: Params }) {
  return (
    <RequireParty>
      <RequestView id={params.id ?? ''} />
    </RequireParty>
  );
}
