import { randomUUID } from 'node:crypto';
import type { FormRequest } from '../contracts/form-requests';
import { signedFetch } from '../functions/platform/aws';
import type { BenchContext } from './operations';

/** Step Functions bills Standard workflows by state transition: a request without loops stays under this. */
export const MAX_STATE_TRANSITIONS = 25;

export interface FormRequestFigures {
  readonly steps: number;
  /** States entered by the request's execution, from its history (GetExecutionHistory). */
  readonly stateTransitions: number;
  readonly executionStatus: string;
  /** From the petition to the completed request, through the API, with nobody waiting. */
  readonly ms: number;
  readonly targetMisses: string[];
}

/**
 * One form request through all seven steps with no loop (approved first time, two languages),
 * through the gateway as the three parties would, then its execution's history read from the
 * Step Functions endpoint: what it costs is its state transitions.
 */
export async function measureFormRequest(context: BenchContext): Promise<FormRequestFigures> {
  const { apiUrl, services } = context.endpoints;
  const call = async (role: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await context.token(role)}`,
        'idempotency-key': randomUUID(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as FormRequest;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const templates = { header: '<header><p>Departament</p></header>', footer: '<footer><p>Contacte</p></footer>' };
  const started = performance.now();
  const filed = await call('department', 'POST', '/form-requests', {
    website: 'https://example.gencat.cat/contacte',
    topics: ['gencat-education-enrolment', 'gencat-education-grants'],
    languages: ['ca', 'es'],
    contact: { name: 'Bench', email: 'bench@example.org' },
  });
  const path = `/form-requests/${filed.id}`;
  await call('reviewer', 'POST', `${path}/review`, { decision: 'approve' });
  await call('department', 'PUT', `${path}/templates/ca`, templates);
  await call('department', 'PUT', `${path}/templates/es`, templates);
  await call('department', 'PUT', `${path}/parameters`, {
    website: 'https://example.gencat.cat/contacte',
    topics: ['gencat-education-enrolment', 'gencat-education-grants'],
    languages: ['ca', 'es'],
    fields: [],
  });
  await call('operator', 'POST', `${path}/setup`, {
    urls: { ca: 'https://contacte.example.org/ca', es: 'https://contacte.example.org/es' },
  });
  const done = await call('department', 'POST', `${path}/links-updated`);
  const ms = performance.now() - started;

  const machine = context.endpoints.functionEnvironment.FORM_WORKFLOW_ARN as string;
  const executionArn = `${machine.replace(':stateMachine:', ':execution:')}:${filed.id}`;
  const sfn = async (action: string, input: object) => {
    const response = await signedFetch('states', `${services.stepFunctions}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${action}` },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  let status = 'RUNNING';
  for (let attempt = 0; attempt < 100 && status === 'RUNNING'; attempt++) {
    status = String((await sfn('DescribeExecution', { executionArn })).status);
    if (status === 'RUNNING') await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const events: { type: string }[] = [];
  let nextToken: string | undefined;
  do {
    const page = (await sfn('GetExecutionHistory', {
      executionArn,
      maxResults: 1000,
      ...(nextToken ? { nextToken } : {}),
    })) as {
      events: { type: string }[];
      nextToken?: string;
    };
    events.push(...page.events);
    nextToken = page.nextToken;
  } while (nextToken);
  const stateTransitions = events.filter((event) => event.type.endsWith('StateEntered')).length;
  const targetMisses = [
    ...(done.step !== 'completed' ? [`the request ended at ${done.step}`] : []),
    ...(status !== 'SUCCEEDED' ? [`the execution is ${status}`] : []),
    ...(stateTransitions > MAX_STATE_TRANSITIONS
      ? [`${stateTransitions} state transitions > ${MAX_STATE_TRANSITIONS}`]
      : []),
    ...(stateTransitions === 0 ? ['no state transitions in the execution’s history'] : []),
  ];
  return { steps: 7, stateTransitions, executionStatus: status, ms, targetMisses };
}
