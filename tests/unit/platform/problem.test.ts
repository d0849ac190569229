import { describe, expect, it } from 'vitest';
import { problemFromError, problemResponse } from '../../../functions/platform/http/problem';
import { Conflict, NotFound, ValidationFailed } from '../../../functions/platform/kernel/errors';

describe('problem details', () => {
  it('lists every failing field of a validation error with a 400', () => {
    const problem = problemFromError(
      new ValidationFailed([
        { path: 'fields.nationalId', message: 'Wrong check letter' },
        { path: 'subject', message: 'Required' },
      ]),
      'en',
    );
    expect(problem).toMatchObject({ status: 400, title: 'The request is not valid' });
    expect(problem.errors?.map((e) => e.path)).toEqual(['fields.nationalId', 'subject']);
  });

  it('localizes the title in the reader’s language', () => {
    expect(problemFromError(new NotFound('No such ticket'), 'ca')).toMatchObject({
      status: 404,
      title: 'No s’ha trobat',
      detail: 'No such ticket',
    });
    expect(problemFromError(new Conflict('stale'), 'es').title).toBe('Otra persona lo ha modificado antes');
  });

  it('never reveals the message of an unexpected error', () => {
    const problem = problemFromError(new Error('connect ECONNREFUSED 10.0.0.1:5432 password=secret'), 'en');
    expect(problem).toEqual({
      type: 'https://finestreta.dev/problems/internal',
      title: 'Internal error',
      status: 500,
    });
  });

  it('is served as application/problem+json', () => {
    const response = problemResponse(problemFromError(new NotFound(), 'en'));
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(String(response.body))).toMatchObject({ status: 404 });
  });
});
