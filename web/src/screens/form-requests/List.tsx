/**
 * `/form-requests`: each party's inbox. What waits for the reader comes first (the directorate:
 * requests at review; the technical office: at setup; a department: its own at its steps),
 * nearest deadline first; then the rest, newest first. A department also asks for a new form here.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { Loading, Page } from '../../components/Page';
import { Link } from '../../router';
import { Due, type FrTranslate, partyWords, RequireParty, shortDate, useFr, useParty } from './common';
import { failureOf } from './failure';
import { type FormRequestSummary, inbox, type Party, referenceOf } from './model';

function RequestsTable({
  id,
  items,
  caption,
  hint,
  party,
}: {
  id: string;
  items: FormRequestSummary[];
  caption: string;
  hint: string;
  party: Party;
}) {
  const { t } = useFr();
  const staff = party !== 'department';
  return (
    <div class="table-wrap">
      <table class="tickets fr-table" id={id}>
        <caption>
          {caption}
          <span class="hint caption-hint">{hint}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('col.reference')}</th>
            <th scope="col">{t('col.website')}</th>
            {staff ? <th scope="col">{t('col.department')}</th> : null}
            <th scope="col">{t('col.step')}</th>
            <th scope="col">{t('col.waitingFor')}</th>
            <th scope="col">{t('col.due')}</th>
            <th scope="col">{t('col.created')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td data-label={t('col.reference')} class="fr-nowrap">
                <Link href={`/form-requests/${encodeURIComponent(item.id)}`}>{referenceOf(item.id)}</Link>
              </td>
              <td data-label={t('col.website')} class="fr-break">
                {item.website}
              </td>
              {staff ? <td data-label={t('col.department')}>{item.department.name}</td> : null}
              <td data-label={t('col.step')}>
                <span class={`status fr-status--${item.status}`}>{t(`step.${item.step}`)}</span>
              </td>
              <td data-label={t('col.waitingFor')}>{partyWords(item.waitingFor, party, t)}</td>
              <td data-label={t('col.due')}>
                <Due request={item} />
              </td>
              <td data-label={t('col.created')}>{shortDate(item.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const titleOf = (party: Party, t: FrTranslate) => t(party === 'department' ? 'fr.title' : `fr.title.${party}`);

function Requests({ party }: { party: Party }) {
  const { t, lang } = useFr();
  const [items, setItems] = useState<FormRequestSummary[]>();
  const [error, setError] = useState<ReturnType<typeof failureOf>>();
  useEffect(() => {
    let current = true;
    setError(undefined);
    call(api().GET('/form-requests'))
      .then((result) => current && setItems(result.items))
      .catch((failure: unknown) => current && setError(failureOf(failure, [], t)));
    return () => {
      current = false;
    };
  }, [lang]);
  const split = items ? inbox(items, party) : undefined;
  return (
    <Page title={titleOf(party, t)} lead={<p class="lead">{t(`fr.lead.${party}`)}</p>}>
      {party === 'department' ? (
        <p>
          <Link href="/form-requests/new" class="button">
            {t('fr.new')}
          </Link>
        </p>
      ) : null}
      {error ? (
        <div class="notice notice--error" role="alert">
          {error.lines.map((line) => (
            <p key={line.key}>{line.content}</p>
          ))}
        </div>
      ) : !split ? (
        <Loading />
      ) : (
        <>
          <section class="fr-section" aria-labelledby="fr-waiting-title">
            <h2 id="fr-waiting-title">{t('fr.caption.waiting')}</h2>
            {split.waiting.length === 0 ? (
              <p class="panel">{t('fr.empty.waiting')}</p>
            ) : (
              <RequestsTable
                id="fr-waiting"
                items={split.waiting}
                caption={t('fr.caption.waitingTable', { n: split.waiting.length })}
                hint={t('fr.caption.waitingHint')}
                party={party}
              />
            )}
          </section>
          <section class="fr-section" aria-labelledby="fr-others-title">
            <h2 id="fr-others-title">{t('fr.caption.others')}</h2>
            {split.others.length === 0 ? (
              <p class="panel">{t('fr.empty.others')}</p>
            ) : (
              <RequestsTable
                id="fr-others"
                items={split.others}
                caption={t('fr.caption.othersTable', { n: split.others.length })}
                hint={t('fr.caption.othersHint')}
                party={party}
              />
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function Inbox() {
  const party = useParty();
  if (!party) return null;
  return <Requests party={party} />;
}

export default function List() {
  return (
    <RequireParty>
      <Inbox />
    </RequireParty>
  );
}
