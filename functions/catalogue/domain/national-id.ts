/**
 * Spanish identity documents: DNI/NIF (8 digits + check letter), NIE (X/Y/Z + 7 digits + check
 * letter) and, since foreign professionals and citizens have neither, passports.
 */
const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const NIF = /^(\d{8})([A-Z])$/;
const NIE = /^([XYZ])(\d{7})([A-Z])$/;
/** ICAO 9303 passport numbers: 6–9 letters and digits, at least one digit. */
const PASSPORT = /^(?=.*\d)[A-Z0-9]{6,9}$/;

export type NationalIdKind = 'nif' | 'nie' | 'passport';

export type NationalIdCheck =
  | { valid: true; kind: NationalIdKind; normalized: string }
  | { valid: false; reason: string };

export const normalizeNationalId = (raw: string): string => raw.toUpperCase().replace(/[\s.-]/g, '');

export function checkNationalId(raw: string): NationalIdCheck {
  const value = normalizeNationalId(raw);
  const nif = NIF.exec(value);
  if (nif) {
    return CHECK_LETTERS[Number(nif[1]) % 23] === nif[2]
      ? { valid: true, kind: 'nif', normalized: value }
      : { valid: false, reason: 'The NIF check letter does not match its number.' };
  }
  const nie = NIE.exec(value);
  if (nie) {
    const number = Number(`${'XYZ'.indexOf(nie[1] as string)}${nie[2]}`);
    return CHECK_LETTERS[number % 23] === nie[3]
      ? { valid: true, kind: 'nie', normalized: value }
      : { valid: false, reason: 'The NIE check letter does not match its number.' };
  }
  // Anything shaped like a NIF or NIE but malformed is an error, not a passport.
  if (/^\d{7,8}[A-Z]?$/.test(value) || /^[XYZ]\d{6,8}[A-Z]?$/.test(value)) {
    return { valid: false, reason: 'A NIF has 8 digits and a letter; a NIE has X, Y or Z, 7 digits and a letter.' };
  }
  if (PASSPORT.test(value)) return { valid: true, kind: 'passport', normalized: value };
  return { valid: false, reason: 'Enter a NIF, NIE or passport number.' };
}
