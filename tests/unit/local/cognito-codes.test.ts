import { describe, expect, it } from 'vitest';
import { readCodeDeliveries } from '../../../lib/local/cognito';

// What cognito-local prints when it "sends" a code: a pino line around a boxen box, in colour.
const BOX = [
  '\u001b[32m[12:00:00.000] INFO\u001b[39m: ╭────────────────────────────────────────╮',
  '│                                        │',
  '│   Confirmation Code Delivery           │',
  '│                                        │',
  '│   Username:    3f1c…                   │',
  '│   Destination: nuria@example.cat       │',
  '│   Code:        123456                  │',
  '│                                        │',
  '╰────────────────────────────────────────╯',
  '',
].join('\n');

describe('the verification codes the local Cognito prints', () => {
  it('are read with their destination', () => {
    expect(readCodeDeliveries(`other output\n${BOX}`)).toEqual({
      deliveries: [{ destination: 'nuria@example.cat', code: '123456' }],
      rest: '',
    });
  });

  it('are read when the box arrives in pieces, once', () => {
    const cut = BOX.indexOf('Code:');
    const first = readCodeDeliveries(BOX.slice(0, cut));
    expect(first.deliveries).toEqual([]);
    const second = readCodeDeliveries(first.rest + BOX.slice(cut));
    expect(second.deliveries).toEqual([{ destination: 'nuria@example.cat', code: '123456' }]);
    expect(readCodeDeliveries(`${second.rest}more output\n`).deliveries).toEqual([]);
  });

  it('are all read when several come at once', () => {
    const two = BOX + BOX.replace('nuria@example.cat', 'pau@example.cat').replace('123456', '654321');
    expect(readCodeDeliveries(two).deliveries.map((delivery) => delivery.code)).toEqual(['123456', '654321']);
  });

  it('keep nothing of output that holds no box', () => {
    expect(readCodeDeliveries('INFO: Cognito Local running on http://127.0.0.1:9229\n')).toEqual({
      deliveries: [],
      rest: '',
    });
  });
});
