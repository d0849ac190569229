import { describe, expect, it } from 'vitest';
import * as contract from '../../../contracts/attachments';
import {
  ATTACHMENT_CONTENT_TYPES,
  contentTypeOf,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  fileProblem,
  MAX_ATTACHMENTS_PER_TICKET,
  sizeWords,
} from '../../../web/src/lib/attachments';

const words = { bytes: '{n} bytes', kb: '{n} KB', mb: '{n} MB' };

describe('files in the portal', () => {
  it('are checked by the contract’s rules: the portal’s copy of them (no zod in the browser) is the contract’s', () => {
    expect([...ATTACHMENT_CONTENT_TYPES].sort()).toEqual([...contract.ATTACHMENT_CONTENT_TYPES].sort());
    expect(DEFAULT_ATTACHMENT_MAX_BYTES).toBe(contract.DEFAULT_ATTACHMENT_MAX_BYTES);
    expect(MAX_ATTACHMENTS_PER_TICKET).toBe(contract.MAX_ATTACHMENTS_PER_TICKET);
  });

  it('are declared by their extension first: Windows calls a CSV an Excel file, and some files have no type', () => {
    expect(contentTypeOf({ name: 'llista.CSV', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeOf({ name: 'captura', type: 'image/png' })).toBe('image/png');
    expect(contentTypeOf({ name: 'notes', type: '' })).toBeUndefined();
    expect(contentTypeOf({ name: 'setup.exe', type: 'application/x-msdownload' })).toBeUndefined();
  });

  it('are refused before asking when the API would refuse them', () => {
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.exe', type: '', size: 10 })).toBe('type');
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'a.png', type: 'image/png', size: DEFAULT_ATTACHMENT_MAX_BYTES + 1 })).toBe('size');
  });

  it('tell their size in words, with the decimal comma of Catalan and Aranese', () => {
    expect(sizeWords(68, 'en', words)).toBe('68 bytes');
    expect(sizeWords(12 * 1024, 'ca', words)).toBe('12 KB');
    expect(sizeWords(1.4 * 1024 * 1024, 'oc', words)).toBe('1,4 MB');
    expect(sizeWords(1.4 * 1024 * 1024, 'en', words)).toBe('1.4 MB');
  });
});
