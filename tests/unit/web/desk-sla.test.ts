import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../web/src/api/types';
import { translateIn } from '../../../web/src/i18n/bundle';
import { messages } from '../../../web/src/screens/desk/messages';
import {
  durationText,
  type SlaTranslate,
  slaState,
  slaText,
  slaTone,
  splitMinutes,
} from '../../../web/src/screens/desk/sla';

const NOW = new Date('2026-11-24T10:00:00Z');
const inMinutes = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();

type Sla = NonNullable<Ticket['sla']>;
const sla = (over: Partial<Sla> = {}): Sla => ({
  firstResponseDueAt: inMinutes(200),
  resolutionDueAt: inMinutes(3000),
  pausedMinutes: 0,
  paused: false,
  breached: { firstResponse: false, resolution: false },
  ...over,
});
const ticket = (over: Partial<Sla> = {}, status: Ticket['status'] = 'open') => ({ status, sla: sla(over) });

const words =
  (lang: 'ca' | 'es' | 'oc' | 'en'): SlaTranslate =>
  (key, params) =>
    translateIn(messages, lang, key, params);

describe('the SLA state of a ticket in the desk', () => {
  it('counts down to the first response until it is given', () => {
    const state = slaState(ticket(), NOW);
    expect(state).toMatchObject({ kind: 'due', commitment: 'firstResponse', minutes: 200, soon: false });
    expect(slaText(state, words('en'))).toBe('Due in 3 h 20 min');
    expect(slaText(state, words('ca'))).toBe('Venç d’aquí a 3 h 20 min');
  });

  it('then counts down to the resolution', () => {
    const state = slaState(ticket({ firstRespondedAt: inMinutes(-30) }), NOW);
    expect(state).toMatchObject({ kind: 'due', commitment: 'resolution', minutes: 3000 });
    expect(slaText(state, words('en'))).toBe('Due in 2 d 2 h');
  });

  it('warns within the last hour, and says "breached" once the due time has passed', () => {
    const soon = slaState(ticket({ firstResponseDueAt: inMinutes(45) }), NOW);
    expect(soon).toMatchObject({ kind: 'due', soon: true });
    expect(slaTone(soon)).toBe('soon');
    const late = slaState(ticket({ firstResponseDueAt: inMinutes(-120) }), NOW);
    expect(late).toMatchObject({ kind: 'breached', commitment: 'firstResponse', minutes: 120 });
    expect(slaText(late, words('en'))).toBe('Breached 2 h ago');
    expect(slaText(late, words('oc'))).toBe('Termini passat hè 2 h');
    expect(slaTone(late)).toBe('breached');
  });

  it('believes the API when it already counts the running commitment breached', () => {
    const state = slaState(ticket({ breached: { firstResponse: true, resolution: false } }), NOW);
    expect(state.kind).toBe('breached');
  });

  it('is paused while waiting on the requester, whatever the due times say', () => {
    const state = slaState(ticket({ paused: true, firstResponseDueAt: inMinutes(-500) }, 'waiting_on_requester'), NOW);
    expect(state).toEqual({ kind: 'paused' });
    expect(slaText(state, words('en'))).toBe('Paused (waiting on the requester)');
    expect(slaText(state, words('es'))).toBe('En pausa (a la espera del solicitante)');
  });

  it('is met or missed once resolved or closed, by the resolution commitment', () => {
    expect(slaState(ticket({}, 'resolved'), NOW)).toEqual({ kind: 'met' });
    expect(slaText(slaState(ticket({}, 'closed'), NOW), words('en'))).toBe('Met');
    const missed = slaState(ticket({ breached: { firstResponse: false, resolution: true } }, 'resolved'), NOW);
    expect(missed).toEqual({ kind: 'missed' });
    expect(slaText(missed, words('ca'))).toBe('No complert');
  });

  it('says so when the organisation has no commitments', () => {
    expect(slaState({ status: 'open' }, NOW)).toEqual({ kind: 'none' });
  });

  it('never reads "0 min": under a minute either way is one minute', () => {
    expect(slaState(ticket({ firstResponseDueAt: inMinutes(0.5) }), NOW)).toMatchObject({ kind: 'due', minutes: 1 });
    expect(slaState(ticket({ firstResponseDueAt: inMinutes(0) }), NOW)).toMatchObject({
      kind: 'breached',
      minutes: 1,
    });
  });
});

describe('durations in words', () => {
  it('keeps the two largest units, dropping zero parts', () => {
    expect(splitMinutes(200)).toEqual({ days: 0, hours: 3, minutes: 20 });
    expect(splitMinutes(1441)).toEqual({ days: 1, hours: 0, minutes: 0 });
    const en = words('en');
    expect(durationText(5, en)).toBe('5 min');
    expect(durationText(60, en)).toBe('1 h');
    expect(durationText(61, en)).toBe('1 h 1 min');
    expect(durationText(1440, en)).toBe('1 d');
    expect(durationText(1440 * 3 + 125, en)).toBe('3 d 2 h');
  });
});
