import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNationalId } from '../../../functions/catalogue/domain/national-id';
import { nationalIdProblem } from '../../../web/src/lib/national-id';

describe('NIF/NIE check in the browser', () => {
  it('accepts valid NIF, NIE and passports, and says which letter is wrong', () => {
    expect(nationalIdProblem('12345678Z')).toBeUndefined();
    expect(nationalIdProblem('12.345.678-z')).toBeUndefined();
    expect(nationalIdProblem('X1234567L')).toBeUndefined();
    expect(nationalIdProblem('Y1234567X')).toBeUndefined();
    expect(nationalIdProblem('PAB123456')).toBeUndefined();
    expect(nationalIdProblem('12345678A')).toBe('nifLetter');
    expect(nationalIdProblem('X1234567A')).toBe('nieLetter');
    expect(nationalIdProblem('1234567')).toBe('shape');
    expect(nationalIdProblem('hello')).toBe('unknown');
  });

  it('agrees with the API rule on any input', () => {
    const idLike = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.constantFrom(...'TRWAGMYFPDXBNJZSQVHLCKEA '))
        .map(([n, l]) => `${String(n).padStart(8, '0')}${l}`),
      fc
        .tuple(
          fc.constantFrom('X', 'Y', 'Z', 'x'),
          fc.integer({ min: 0, max: 9_999_999 }),
          fc.constantFrom(...'TRWAGMYFPDXBNJZSQVHLCKE'),
        )
        .map(([p, n, l]) => `${p}${String(n).padStart(7, '0')}${l}`),
      fc.stringMatching(/^[A-Z0-9 .-]{5,11}$/),
    );
    fc.assert(
      fc.property(idLike, (value) => {
        expect(nationalIdProblem(value) === undefined).toBe(checkNationalId(value).valid);
      }),
      { numRuns: 2000 },
    );
  });
});
