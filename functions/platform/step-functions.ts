import { endpointOf, signedFetch } from './aws';

/**
 * The Step Functions calls the project makes, over its JSON 1.0 protocol with the signed fetch
 * of platform/aws.ts (the SDK's SFN client would add its weight to the API function's cold
 * start). `AWS_ENDPOINT_URL_SFN` points it at the local stack's endpoint.
 */
async function call<T>(action: string, input: object): Promise<T> {
  const response = await signedFetch('states', `${endpointOf('states')}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${action}`,
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body as T;
  // `__type` may be namespaced (`com.amazonaws.states#TaskTimedOut`): the name is after the `#`.
  const type = String(body.__type ?? `HTTP ${response.status}`);
  const error = new Error(String(body.message ?? body.Message ?? type));
  error.name = type.slice(type.lastIndexOf('#') + 1);
  throw error;
}

export async function startExecution(stateMachineArn: string, name: string, input: object): Promise<string> {
  const { executionArn } = await call<{ executionArn: string }>('StartExecution', {
    stateMachineArn,
    name,
    input: JSON.stringify(input),
  });
  return executionArn;
}

export const sendTaskSuccess = (taskToken: string, output: object): Promise<unknown> =>
  call('SendTaskSuccess', { taskToken, output: JSON.stringify(output) });

export const sendTaskFailure = (taskToken: string, error: string, cause: string): Promise<unknown> =>
  call('SendTaskFailure', { taskToken, error, cause });

export const describeExecution = (executionArn: string) =>
  call<{ status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'; stopDate?: number }>(
    'DescribeExecution',
    { executionArn },
  );
