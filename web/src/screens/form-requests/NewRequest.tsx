/**
 * `/form-requests/new`: a department asks the directorate for a new contact form (step 1). Sent
 * once (an `Idempotency-Key` per attempt), then on to the request's own page.
 */
import { useState } from 'preact/hooks';
import { api, call, idempotencyKey } from '../../api/client';
import { session } from '../../auth/session';
import { Page } from '../../components/Page';
import { useStore } from '../../lib/store';
import { Link, navigate } from '../../router';
import { RequireParty, useFr, useParty } from './common';
import type { Petition } from './model';
import { PetitionForm } from './PetitionForm';

function NewRequest() {
  const { t } = useFr();
  const signedIn = useStore(session);
  const party = useParty();
  // One key per petition as typed: a retry of the same sends it once.
  const [key] = useState(idempotencyKey);
  if (party !== 'department') {
    return (
      <Page title={t('new.title')}>
        <p>{t('new.onlyDepartments')}</p>
        <p>
          <Link href="/form-requests">{t('request.back')}</Link>
        </p>
      </Page>
    );
  }
  const send = async (petition: Petition) => {
    const created = await call(
      api().POST('/form-requests', { body: petition, params: { header: { 'Idempotency-Key': key } } }),
    );
    navigate(`/form-requests/${encodeURIComponent(created.id)}?sent=petition`);
  };
  return (
    <Page title={t('new.title')} lead={<p class="lead">{t('new.lead')}</p>}>
      <p>
        <Link href="/form-requests">{t('request.back')}</Link>
      </p>
      <PetitionForm
        contact={signedIn ? { name: signedIn.name, email: signedIn.email } : undefined}
        submitLabel={t('new.submit')}
        onSubmit={send}
      />
    </Page>
  );
}

export default function NewRequestScreen() {
  return (
    <RequireParty>
      <NewRequest />
    </RequireParty>
  );
}
