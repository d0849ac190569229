/**
 * The NIF/NIE rule of functions/catalogue/domain/national-id.ts, with a reason code instead of
 * an English sentence so the page can say it in the reader's language.
 * tests/unit/web/national-id.test.ts checks it agrees with the API's rule on any input.
 */
const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const NIF = /^(\d{8})([A-Z])$/;
const NIE = /^([XYZ])(\d{7})([A-Z])$/;
/** ICAO 9303 passport numbers: 6–9 letters and digits, at least one digit. */
const PASSPORT = /^(?=.*\d)[A-Z0-9]{6,9}$/;

export type NationalIdProblem = 'nifLetter' | 'nieLetter' | 'shape' | 'unknown';

export const normalizeNationalId = (raw: string): string => raw.toUpperCase().replace(/[\s.-]/g, '');

/** Undefined when valid (NIF, NIE or passport), else why not. */
export function nationalIdProblem(raw: string): NationalIdProblem | undefined {
  const value = normalizeNationalId(raw);
  const nif = NIF.exec(value);
  if (nif) return CHECK_LETTERS[Number(nif[1]) % 23] === nif[2] ? undefined : 'nifLetter';
  const nie = NIE.exec(value);
  if (nie) {
    const number = Number(`${'XYZ'.indexOf(nie[1] as string)}${nie[2]}`);
    return CHECK_LETTERS[number % 23] === nie[3] ? undefined : 'nieLetter';
  }
  // Shaped like a NIF or NIE but malformed: an error, not a passport.
  if (/^\d{7,8}[A-Z]?$/.test(value) || /^[XYZ]\d{6,8}[A-Z]?$/.test(value)) return 'shape';
  return PASSPORT.test(value) ? undefined : 'unknown';
}
