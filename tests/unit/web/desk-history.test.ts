import { describe, expect, it } from 'vitest';
import { translateIn } from '../../../web/src/i18n/bundle';
import { type HistoryEntry, type HistoryWords, historyText } from '../../../web/src/screens/desk/history';
import { messages } from '../../../web/src/screens/desk/messages';

const TEAMS: Record<string, string> = { 'dipu-service-desk': 'Service desk', 'dipu-web': 'Web portals' };
const words = (lang: 'ca' | 'en'): HistoryWords => ({
  t: (key, params) => translateIn(messages, lang, key, params),
  team: (id) => TEAMS[id] ?? id,
  date: (iso) => iso.slice(0, 10),
});
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  action: 'created',
  by: { name: 'Anna Puig' },
  at: '2026-11-24T10:00:00Z',
  ...over,
});

describe('the history in words', () => {
  it('names statuses in words, not codes', () => {
    const text = historyText(
      entry({ action: 'status_changed', from: 'open', to: 'waiting_on_requester' }),
      words('en'),
    );
    expect(text).toBe('Anna Puig changed the status from “Open” to “Waiting on the requester”.');
    expect(historyText(entry({ action: 'status_changed', from: 'in_progress', to: 'resolved' }), words('ca'))).toBe(
      'Anna Puig ha canviat l’estat de «En curs» a «Resolta».',
    );
  });

  it('tells an assignment from a reassignment', () => {
    expect(historyText(entry({ action: 'assigned', to: 'Joan' }), words('en'))).toBe('Anna Puig assigned it to Joan.');
    expect(historyText(entry({ action: 'assigned', from: 'Joan', to: 'Maria' }), words('en'))).toBe(
      'Anna Puig reassigned it from Joan to Maria.',
    );
  });

  it('names teams, and splits the priority from its reason', () => {
    expect(historyText(entry({ action: 'forwarded', from: 'dipu-service-desk', to: 'dipu-web' }), words('en'))).toBe(
      'Anna Puig forwarded it from the Service desk team to the Web portals team.',
    );
    expect(
      historyText(
        entry({ action: 'priority_changed', from: 'P3', to: 'P1: Whole town hall down: no mail' }),
        words('en'),
      ),
    ).toBe('Anna Puig changed the priority from P3 to P1. Reason: Whole town hall down: no mail');
  });

  it('says which commitment the sweeper warned of or escalated, and when it was due', () => {
    expect(
      historyText(entry({ action: 'sla_escalated', from: '2026-11-25T14:00:00Z', to: 'firstResponse' }), words('en')),
    ).toBe('Escalated to the supervisors: the first response was due on 2026-11-25.');
    expect(
      historyText(entry({ action: 'sla_warning', from: '2026-11-26T14:00:00Z', to: 'resolution' }), words('ca')),
    ).toBe('Avís: el termini de resolució venç el 2026-11-26.');
  });
});
