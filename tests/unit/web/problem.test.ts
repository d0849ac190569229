import { describe, expect, it } from 'vitest';
import { ApiError, fieldId, mapProblem, summaryItems, toProblemBody } from '../../../web/src/api/problem';

const SHOWN = ['type', 'fields.nationalId', 'fields.role', 'callback.date', 'subject', 'requester.email'];

describe('problem+json errors on forms', () => {
  it('places each API error at its field, and keeps the ones without a field', () => {
    const { fields, unplaced } = mapProblem(
      [
        { path: 'fields.nationalId', message: 'The NIF check letter does not match its number.' },
        { path: 'subject', message: 'Too short.' },
        { path: 'callback.date.0', message: 'Bad date.' },
        { path: 'fields.unknownField', message: 'Unknown field.' },
        { path: 'subject', message: 'A second message for the same field.' },
      ],
      SHOWN,
    );
    expect(fields).toEqual({
      'fields.nationalId': 'The NIF check letter does not match its number.',
      subject: 'Too short.',
      'callback.date': 'Bad date.',
    });
    expect(unplaced).toEqual(['Unknown field.']);
  });

  it('lists the summary in page order, linking to the controls', () => {
    const items = summaryItems({ subject: 'Too short.', 'fields.nationalId': 'Wrong letter.' }, SHOWN, ['Other.']);
    expect(items).toEqual([
      { message: 'Wrong letter.', href: '#f-fields-nationalId' },
      { message: 'Too short.', href: '#f-subject' },
      { message: 'Other.' },
    ]);
  });

  it('makes ids that are valid fragments', () => {
    expect(fieldId('fields.nationalId')).toBe('f-fields-nationalId');
    expect(fieldId('requester.email')).toBe('f-requester-email');
  });

  it('reads problem+json and gateway bodies into one typed error', () => {
    const error = new ApiError(
      400,
      toProblemBody({
        title: 'Bad input',
        status: 400,
        errors: [{ path: 'subject', message: 'Too short.' }, { bogus: 1 }],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ path: 'subject', message: 'Too short.' }]);
    const gateway = new ApiError(401, toProblemBody({ message: 'Unauthorized' }));
    expect(gateway.title).toBe('Unauthorized');
    expect(new ApiError(0, undefined).errors).toEqual([]);
  });
});
