import { describe, expect, it } from 'vitest';
import { parseInboundHeaders } from '../../../functions/mail/mime';

const raw = (lines: string[], body = 'Hola') => Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');

describe('reading an inbound mail’s headers (mailparser)', () => {
  it('finds the sender and every To and Cc recipient, groups included, lower-cased', async () => {
    const mail = await parseInboundHeaders(
      raw([
        'From: =?ISO-8859-1?Q?Jos=E9_Garc=EDa?= <Jose@Example.org>',
        'To: "Finestreta" <0B6F2F7E-3c1a-4d7e-9a51-2f4e6c1d8a90@reply.diba.example>',
        'Cc: Veïns: anna@example.org, pau@example.org;',
      ]),
    );
    expect(mail.from).toBe('jose@example.org');
    expect(mail.recipients).toEqual([
      '0b6f2f7e-3c1a-4d7e-9a51-2f4e6c1d8a90@reply.diba.example',
      'anna@example.org',
      'pau@example.org',
    ]);
  });

  it('keeps each header’s first value, unfolded, by lower-case name', async () => {
    const mail = await parseInboundHeaders(
      raw([
        'From: a@example.org',
        'Auto-Submitted: auto-replied',
        'List-Id: Veins',
        '  <veins.example>',
        'Return-Path: <>',
      ]),
    );
    expect(mail.headers).toMatchObject({
      'auto-submitted': 'auto-replied',
      'list-id': 'Veins <veins.example>',
      'return-path': '<>',
    });
  });

  it('reads only the header section: what follows (a forged header in the body) is not a header', async () => {
    const mail = await parseInboundHeaders(raw(['From: a@example.org'], 'Auto-Submitted: auto-replied\r\n'));
    expect(mail.headers['auto-submitted']).toBeUndefined();
  });

  it('has no sender for a mail without From', async () => {
    expect((await parseInboundHeaders(raw(['To: x@example.org']))).from).toBeUndefined();
  });
});
