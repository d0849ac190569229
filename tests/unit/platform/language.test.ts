import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../functions/platform/http/language';

describe('pickLanguage', () => {
  it('finds nothing in tags that name properties of every JavaScript object', () => {
    for (const tag of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '__proto__-x, en;q=0.5']) {
      expect(['ca', 'en'], tag).toContain(pickLanguage(tag));
    }
    expect(pickLanguage('constructor, es;q=0.9')).toBe('es');
  });

  it('defaults to Catalan when the client states no preference', () => {
    expect(pickLanguage(undefined)).toBe('ca');
    expect(pickLanguage('')).toBe('ca');
  });

  it('takes the first supported language by quality, ignoring region subtags', () => {
    expect(pickLanguage('es-ES,es;q=0.9,en;q=0.8')).toBe('es');
    expect(pickLanguage('fr-FR, en;q=0.5, es;q=0.7')).toBe('es');
  });

  it('reads Aranese as Occitan, whichever code the client uses', () => {
    expect(pickLanguage('oc-aranes')).toBe('oc');
    expect(pickLanguage('arn')).toBe('oc');
  });

  it('falls back to Catalan when nothing offered is supported or q is zero', () => {
    expect(pickLanguage('de, fr;q=0.9')).toBe('ca');
    expect(pickLanguage('en;q=0')).toBe('ca');
  });
});
