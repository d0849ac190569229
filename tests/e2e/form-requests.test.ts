import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { FormPetition, FormRequest } from '../../contracts/form-requests';
import { DEFAULT_DIRECTORATE } from '../../functions/form-requests/domain/directorate';
import { referenceOf } from '../../functions/form-requests/domain/requests';
import { handler as deadlines } from '../../functions/form-requests/jobs/deadlines';
import { signedFetch } from '../../functions/platform/aws';
import { describeExecution } from '../../functions/platform/step-functions';
import { api, newUser } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';

const context = { functionName: 'formRequestDeadlines', awsRequestId: 'test' } as Context;
const sweepAt = (at: string) =>
  deadlines({ scheduledTime: at }, context) as Promise<{ reminded: number; escalated: number }>;

const petition = (overrides: Partial<FormPetition> = {}): FormPetition => ({
  website: 'https://salut.gencat.cat/contacte',
  topics: ['gencat-education-enrolment', 'gencat-education-grants'],
  languages: ['ca', 'es'],
  contact: { name: 'Laia Costa Riera', email: 'laia.costa@example.org' },
  ...overrides,
});

const TEMPLATES = {
  header: '<header class="capcalera"><img src="https://salut.gencat.cat/logo.png" alt="Salut"></header>',
  footer:
    '<footer><p>Departament de Salut</p><link rel="stylesheet" href="https://salut.gencat.cat/form.css"></footer>',
};

const PARAMETERS = {
  website: 'https://salut.gencat.cat/contacte',
  topics: ['gencat-education-enrolment', 'gencat-education-grants'],
  languages: ['ca', 'es'],
  fields: [
    { name: 'card-number', label: { ca: 'Número de targeta', es: 'Número de tarjeta' }, type: 'text', required: true },
  ],
};

const URLS = { ca: 'https://contacte.gencat.cat/ca/salut', es: 'https://contacte.gencat.cat/es/salut' };

async function file(as = 'department', body = petition()): Promise<FormRequest> {
  const response = await api<FormRequest>('POST', '/form-requests', {
    as,
    body,
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** The request once the workflow has reached its step (the step's task set its deadline). */
async function waiting(id: string, step: FormRequest['step'], as = 'department'): Promise<FormRequest> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { body } = await api<FormRequest>('GET', `/form-requests/${id}`, { as });
    if (body.step === step && body.dueAt) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Request ${id} never waited at ${step}`);
}

const call = (method: string, path: string, as: string, body?: unknown) =>
  api<FormRequest>(method, path, { as, ...(body === undefined ? {} : { body }) });

async function executionStatus(id: string) {
  const arn = `${process.env.FORM_WORKFLOW_ARN?.replace(':stateMachine:', ':execution:')}:${id}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const { status } = await describeExecution(arn);
    if (status !== 'RUNNING') return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return 'RUNNING';
}

describe('a form request', () => {
  it('goes through the seven steps: petition, review, templates, parameters, set-up, URLs handed over, links updated', async () => {
    const since = nowSeconds();
    const filed = await file();
    expect(filed).toMatchObject({ step: 'review', status: 'in_progress', waitingFor: 'reviewer', late: false });
    expect(filed.history).toMatchObject([{ action: 'petitioned', by: { name: 'Laia Costa Riera' } }]);

    // The review task keeps its token, sets a deadline in business days and tells the directorate.
    const atReview = await waiting(filed.id, 'review');
    expect(Date.parse(atReview.dueAt as string)).toBeGreaterThan(Date.parse(filed.createdAt));
    // To the directorate's mailbox, linking the request's page, with no reply address: replies reach nobody.
    const [toReviewers] = await mailsAbout(DEFAULT_DIRECTORATE.reviewers.email, referenceOf(filed.id), since);
    expect(toReviewers?.body.text).toContain(`/form-requests/${filed.id}`);
    expect(toReviewers?.replyTo).toEqual([]);
    expect(JSON.stringify(atReview)).not.toMatch(/taskToken|token/i);

    const approved = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ step: 'templates', waitingFor: 'department' });

    // One language in: the step waits for the other.
    const oneIn = await call('PUT', `/form-requests/${filed.id}/templates/ca`, 'department', TEMPLATES);
    expect(oneIn.body).toMatchObject({ step: 'templates' });
    expect(Object.keys(oneIn.body.templates)).toEqual(['ca']);
    const stored = await api<typeof TEMPLATES>('GET', `/form-requests/${filed.id}/templates/ca`, { as: 'operator' });
    expect(stored.body).toEqual(TEMPLATES);
    const bothIn = await call('PUT', `/form-requests/${filed.id}/templates/es`, 'department', TEMPLATES);
    expect(bothIn.body).toMatchObject({ step: 'parameters' });

    const parametrised = await call('PUT', `/form-requests/${filed.id}/parameters`, 'department', PARAMETERS);
    expect(parametrised.body).toMatchObject({ step: 'setup', waitingFor: 'operator', parameters: PARAMETERS });

    const setUp = await call('POST', `/form-requests/${filed.id}/setup`, 'operator', { urls: URLS });
    expect(setUp.body).toMatchObject({ step: 'links', waitingFor: 'department', urls: URLS });

    const done = await call('POST', `/form-requests/${filed.id}/links-updated`, 'department');
    expect(done.body).toMatchObject({ step: 'completed', status: 'completed' });
    expect(done.body.waitingFor).toBeUndefined();
    expect(done.body.history.map((entry) => [entry.action, entry.by.name])).toEqual([
      ['petitioned', 'Laia Costa Riera'],
      ['review', 'Carmen López Martín'],
      ['template', 'Laia Costa Riera'],
      ['template', 'Laia Costa Riera'],
      ['parameters', 'Laia Costa Riera'],
      ['setup', 'Arnau Font Mas'],
      ['links_updated', 'Laia Costa Riera'],
    ]);
    expect(await executionStatus(filed.id)).toBe('SUCCEEDED');
    // The technical office was told when its turn came; the department when each of its came, and at the end.
    expect(await mailsAbout(DEFAULT_DIRECTORATE.operators.email, referenceOf(filed.id), since)).toHaveLength(1);
    // Templates, parameters, links: its three turns, then the completion with the form's URLs.
    const department = await mailsAbout('department@finestreta.local', referenceOf(filed.id), since, 4);
    expect(department).toHaveLength(4);
    expect(department.at(-1)?.body.text).toContain(URLS.ca);
  });

  it('can be rejected, with a reason the department is told; the workflow ends as a decision, not a failure', async () => {
    const since = nowSeconds();
    const filed = await file();
    const noReason = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'reject' });
    expect(noReason.status).toBe(400);
    const rejected = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', {
      decision: 'reject',
      comment: 'Aquest formulari ja existeix.',
    });
    expect(rejected.body).toMatchObject({ step: 'rejected', status: 'rejected' });
    expect(rejected.body.history.at(-1)).toMatchObject({
      decision: 'reject',
      comment: 'Aquest formulari ja existeix.',
    });
    expect(await executionStatus(filed.id)).toBe('SUCCEEDED');
    const [mail] = await mailsAbout('department@finestreta.local', referenceOf(filed.id), since);
    expect(mail?.body.text).toContain('Aquest formulari ja existeix.');
    const late = await call('POST', `/form-requests/${filed.id}/links-updated`, 'department');
    expect(late.status).toBe(409);
  });

  it('goes back to the department when the directorate asks for changes, and is reviewed again once revised', async () => {
    const filed = await file();
    const asked = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', {
      decision: 'request_changes',
      comment: 'Afegiu la versió en occità.',
    });
    expect(asked.body).toMatchObject({ step: 'changes', waitingFor: 'department' });
    const revised = await call(
      'PUT',
      `/form-requests/${filed.id}/petition`,
      'department',
      petition({ languages: ['ca', 'es', 'oc'] }),
    );
    expect(revised.body).toMatchObject({ step: 'review', petition: { languages: ['ca', 'es', 'oc'] } });
    const approved = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' });
    expect(approved.body.step).toBe('templates');
    expect(approved.body.history.map((entry) => entry.decision ?? entry.action)).toEqual([
      'petitioned',
      'request_changes',
      'revise',
      'approve',
    ]);
  });

  it('refuses the wrong party (403), and a call for a step the request is not at (409), changing nothing', async () => {
    const filed = await file();
    expect((await call('POST', `/form-requests/${filed.id}/review`, 'operator', { decision: 'approve' })).status).toBe(
      403,
    );
    expect(
      (await call('POST', `/form-requests/${filed.id}/review`, 'department', { decision: 'approve' })).status,
    ).toBe(403);
    expect((await call('GET', '/form-requests', 'citizen')).status).toBe(403);
    expect((await call('POST', '/form-requests', 'reviewer', petition())).status).toBe(403);
    // Another department's member neither reads nor acts on it: to them it does not exist.
    const other = await newUser({ role: 'department' });
    const otherToken = await other.token();
    expect((await api('GET', `/form-requests/${filed.id}`, { token: otherToken })).status).toBe(404);
    expect((await api('POST', `/form-requests/${filed.id}/links-updated`, { token: otherToken })).status).toBe(404);
    // Steps out of order.
    expect((await call('PUT', `/form-requests/${filed.id}/parameters`, 'department', PARAMETERS)).status).toBe(409);
    expect((await call('PUT', `/form-requests/${filed.id}/templates/ca`, 'department', TEMPLATES)).status).toBe(409);
    expect((await call('POST', `/form-requests/${filed.id}/setup`, 'operator', { urls: URLS })).status).toBe(409);
    expect((await call('PUT', `/form-requests/${filed.id}/petition`, 'department', petition())).status).toBe(409);
    const once = await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' });
    expect(once.status).toBe(200);
    expect((await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' })).status).toBe(
      409,
    );
    const now = await call('GET', `/form-requests/${filed.id}`, 'department');
    expect(now.body.history.map((entry) => entry.action)).toEqual(['petitioned', 'review']);
    // A language the request is not for.
    expect((await call('PUT', `/form-requests/${filed.id}/templates/en`, 'department', TEMPLATES)).status).toBe(400);
    expect((await api('GET', `/form-requests/${randomUUID()}`, { as: 'reviewer' })).status).toBe(404);
    expect((await api('GET', `/form-requests/${filed.id}/templates/ca`, { as: 'operator' })).status).toBe(404);
  });

  it('refuses templates that could run script or load from elsewhere, saying where, and stores nothing', async () => {
    const filed = await file();
    await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' });
    const cases = {
      script: '<header>\n  <script>alert(1)</script>\n</header>',
      onclick: '<header><a href="https://gencat.cat" onclick="steal()">Inici</a></header>',
      external: '<header><script src="https://cdn.example.com/tracker.js"></script></header>',
      'javascript URL': '<header><a href="javascript:alert(1)">Inici</a></header>',
    };
    for (const [what, header] of Object.entries(cases)) {
      const refused = await api<{ errors: { path: string; message: string }[] }>(
        'PUT',
        `/form-requests/${filed.id}/templates/ca`,
        { as: 'department', body: { header, footer: TEMPLATES.footer } },
      );
      expect(refused.status, what).toBe(400);
      expect(refused.body.errors[0]?.path, what).toBe('header');
      expect(refused.body.errors[0]?.message, what).toMatch(/^Line \d+, column \d+: /);
    }
    const after = await call('GET', `/form-requests/${filed.id}`, 'department');
    expect(after.body.templates).toEqual({});
    expect((await api('GET', `/form-requests/${filed.id}/templates/ca`, { as: 'department' })).status).toBe(404);
  });

  it('reminds whoever must act before the step is due, then escalates to the directorate’s supervisors once it is late', async () => {
    const since = nowSeconds();
    const filed = await file();
    const atReview = await waiting(filed.id, 'review');
    const reference = referenceOf(filed.id);
    const due = Date.parse(atReview.dueAt as string);
    const early = await sweepAt(new Date(due - 5 * 86_400_000).toISOString());
    expect(early).toEqual({ reminded: 0, escalated: 0 });

    // The business day before the deadline.
    const reminded = await sweepAt(new Date(due - 60_000).toISOString());
    expect(reminded.reminded).toBeGreaterThanOrEqual(1);
    expect(await mailsAbout(DEFAULT_DIRECTORATE.reviewers.email, reference, since, 2)).toHaveLength(2);
    const again = await sweepAt(new Date(due - 30_000).toISOString());
    expect(again.reminded).toBe(0);

    await sweepAt(new Date(due + 60_000).toISOString());
    const late = await call('GET', `/form-requests/${filed.id}`, 'reviewer');
    expect(late.body.history.map((entry) => entry.action)).toEqual(['petitioned', 'reminded', 'escalated']);
    const [escalation] = await mailsAbout('supervisor.gencat@finestreta.local', reference, since);
    expect(escalation).toBeDefined();
    // Escalated once: a later sweep leaves it be, and the step can still be taken.
    await sweepAt(new Date(due + 3_600_000).toISOString());
    expect((await call('GET', `/form-requests/${filed.id}`, 'reviewer')).body.history).toHaveLength(3);
    expect((await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' })).status).toBe(
      200,
    );
  });

  it('is listed for its department and, all of them, for the directorate and the technical office', async () => {
    const own = await newUser({ role: 'department', name: 'Pau Mas Vidal' });
    const token = await own.token();
    const created = await api<FormRequest>('POST', '/form-requests', {
      token,
      body: petition(),
      headers: { 'idempotency-key': randomUUID() },
    });
    const mine = await api<{ items: { id: string; department: { name: string } }[] }>('GET', '/form-requests', {
      token,
    });
    expect(mine.body.items.map((item) => item.id)).toEqual([created.body.id]);
    const all = await api<{ items: { id: string }[] }>('GET', '/form-requests', { as: 'reviewer' });
    expect(all.body.items.map((item) => item.id)).toContain(created.body.id);
    const forOffice = await api<{ items: { id: string }[] }>('GET', '/form-requests', { as: 'operator' });
    expect(forOffice.body.items[0]?.id).toBe(all.body.items[0]?.id);
  });

  it('is filed once for one Idempotency-Key', async () => {
    const key = randomUUID();
    const first = await api<FormRequest>('POST', '/form-requests', {
      as: 'department',
      body: petition(),
      headers: { 'idempotency-key': key },
    });
    const again = await api<FormRequest>('POST', '/form-requests', {
      as: 'department',
      body: petition(),
      headers: { 'idempotency-key': key },
    });
    expect(again.body.id).toBe(first.body.id);
    expect(
      (await api('POST', '/form-requests', { as: 'department', body: { website: 'http://insecure.example' } })).status,
    ).toBe(400);
  });

  it('answers each step’s call for a request that does not exist with 404, bad input with 400, and anyone outside the three parties with 403', async () => {
    const unknown = `/form-requests/${randomUUID()}`;
    const calls: [string, string, unknown][] = [
      ['POST', `${unknown}/review`, { decision: 'approve' }],
      ['PUT', `${unknown}/petition`, petition()],
      ['PUT', `${unknown}/templates/ca`, TEMPLATES],
      ['GET', `${unknown}/templates/ca`, undefined],
      ['PUT', `${unknown}/parameters`, PARAMETERS],
      ['POST', `${unknown}/setup`, { urls: URLS }],
      ['POST', `${unknown}/links-updated`, undefined],
      ['GET', unknown, undefined],
    ];
    for (const [method, path, body] of calls) {
      expect((await api(method, path, { as: 'department', body })).status, `${method} ${path}`).toBe(404);
      expect((await api(method, path, { as: 'citizen', body })).status, `${method} ${path}`).toBe(403);
      if (body !== undefined) {
        expect(
          (await api(method, path, { as: 'department', body: { nonsense: true } })).status,
          `${method} ${path}`,
        ).toBe(400);
      }
    }
  });

  it('is put back as it was when its workflow no longer waits (an execution stopped by an operator), with a 409 that says so', async () => {
    const filed = await file();
    await waiting(filed.id, 'review');
    const executionArn = `${process.env.FORM_WORKFLOW_ARN?.replace(':stateMachine:', ':execution:')}:${filed.id}`;
    const stopped = await signedFetch('states', `${process.env.AWS_ENDPOINT_URL_SFN}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StopExecution' },
      body: JSON.stringify({ executionArn, error: 'Operator', cause: 'Testing' }),
    });
    expect(stopped.status).toBe(200);
    const refused = await api<{ detail: string }>('POST', `/form-requests/${filed.id}/review`, {
      as: 'reviewer',
      body: { decision: 'approve' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/stopped/);
    const after = await call('GET', `/form-requests/${filed.id}`, 'reviewer');
    expect(after.body).toMatchObject({ step: 'review', waitingFor: 'reviewer' });
    expect(after.body.history.map((entry) => entry.action)).toEqual(['petitioned']);
  });

  it('takes a step’s call made while the workflow is still entering that step (both write the request)', async () => {
    // The department sends its first language the moment the review approves: the templates
    // task starts the step's clock at the same time. Several at once make the race likely.
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const filed = await file();
        await call('POST', `/form-requests/${filed.id}/review`, 'reviewer', { decision: 'approve' });
        return call('PUT', `/form-requests/${filed.id}/templates/ca`, 'department', TEMPLATES);
      }),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
  });
});
