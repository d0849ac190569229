import { describe, expect, it } from 'vitest';
import { checkNationalId } from '../../../functions/catalogue/domain/national-id';

describe('national ID check', () => {
  it('accepts a NIF whose letter matches its number, however it is typed', () => {
    expect(checkNationalId('12345678Z')).toEqual({ valid: true, kind: 'nif', normalized: '12345678Z' });
    expect(checkNationalId('12.345.678-z')).toMatchObject({ valid: true, normalized: '12345678Z' });
    expect(checkNationalId('00000000T')).toMatchObject({ valid: true });
  });

  it('rejects a NIF with the wrong check letter', () => {
    expect(checkNationalId('12345678A')).toMatchObject({ valid: false, reason: expect.stringContaining('NIF') });
  });

  it('accepts a NIE, X Y and Z prefixes standing for 0 1 and 2', () => {
    expect(checkNationalId('X1234567L')).toMatchObject({ valid: true, kind: 'nie' });
    expect(checkNationalId('Y1234567X')).toMatchObject({ valid: true, kind: 'nie' });
    expect(checkNationalId('Z1234567R')).toMatchObject({ valid: true, kind: 'nie' });
  });

  it('rejects a NIE with the wrong check letter', () => {
    expect(checkNationalId('X1234567A')).toMatchObject({ valid: false, reason: expect.stringContaining('NIE') });
  });

  it('accepts passports, and does not take a malformed NIF for one', () => {
    expect(checkNationalId('PAB123456')).toMatchObject({ valid: true, kind: 'passport' });
    expect(checkNationalId('1234567Z')).toMatchObject({ valid: false });
    expect(checkNationalId('ABCDEFG')).toMatchObject({ valid: false });
    expect(checkNationalId('')).toMatchObject({ valid: false });
  });
});
