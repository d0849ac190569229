import { describe, expect, it } from 'vitest';
import { MonthlyReport } from '../../../contracts/reports-views';
import { type CounterRow, MAX_RELATIVE_ERROR, monthlyReport } from '../../../functions/reports/domain/index';

const CATALOGUE: Record<string, { name: string; level: number }> = {
  'e-administration': { name: 'Administració electrònica', level: 1 },
  'civil-registry': { name: 'Registre civil', level: 1 },
  urbanism: { name: 'Urbanisme', level: 1 },
  'oac360-callback': { name: 'Truca’m', level: 2 },
};

const rows = (dimension: string, counts: Record<string, number>): CounterRow[] =>
  Object.entries(counts).map(([value, count]) => ({ dimension, value, count }));

const report = (counters: readonly CounterRow[], backlogNets: { month: string; net: number }[] = []) =>
  monthlyReport({
    organisationId: 'oac360',
    month: '2026-03',
    timeZone: 'Europe/Madrid',
    counters,
    backlogNets,
    topic: (id) => CATALOGUE[id],
  });

/**
 * March: twelve tickets received. First responses took 5, 5, 5, 30, 30, 30, 30, 90, 90 and 180
 * business minutes (exact median 30, exact p90 90); resolutions 660, 1440 and 1440.
 */
const march: CounterRow[] = [
  ...rows('tickets', { received: 12, resolved: 9, closed: 4, reopened: 1 }),
  ...rows('type', { request: 3, incident: 5, callback: 4, query: 0 }),
  ...rows('channel', { web: 8, phone: 4 }),
  ...rows('priority', { P3: 10, P1: 2 }),
  ...rows('topic1', { urbanism: 5, 'e-administration': 7, 'civil-registry': 5 }),
  ...rows('topic2', { 'oac360-callback': 4, 'retired-topic': 2 }),
  ...rows('firstResponse', { measured: 10, withinTarget: 8 }),
  ...rows('firstResponseTime', { b5: 3, b30: 4, b84: 2, b172: 1 }),
  ...rows('resolution', { measured: 3, withinTarget: 2 }),
  ...rows('resolutionTime', { b643: 1, b1403: 2 }),
  ...rows('satisfaction', { '5': 3, '4': 2, '2': 1 }),
  ...rows('callbacks', { requested: 4, answered: 3, answeredInSlot: 2 }),
  ...rows('callbackSlot', { afternoon: 1, morning: 3 }),
];
const nets = [
  { month: '2026-01', net: 5 },
  { month: '2025-12', net: 1 },
  { month: '2026-02', net: -2 },
  { month: '2026-03', net: 3 },
  { month: '2026-04', net: 10 },
];

describe('the monthly report', () => {
  it('reads every figure of the month from its counters', () => {
    expect(report(march, nets)).toEqual({
      organisationId: 'oac360',
      month: '2026-03',
      timeZone: 'Europe/Madrid',
      received: {
        total: 12,
        byType: [
          { key: 'incident', count: 5 },
          { key: 'request', count: 3 },
          { key: 'callback', count: 4 },
        ],
        byChannel: [
          { key: 'web', count: 8 },
          { key: 'phone', count: 4 },
        ],
        byPriority: [
          { key: 'P1', count: 2 },
          { key: 'P3', count: 10 },
        ],
        byTopic: [
          { id: 'e-administration', level: 1, name: 'Administració electrònica', count: 7 },
          { id: 'civil-registry', level: 1, name: 'Registre civil', count: 5 },
          { id: 'urbanism', level: 1, name: 'Urbanisme', count: 5 },
          { id: 'oac360-callback', level: 2, name: 'Truca’m', count: 4 },
          { id: 'retired-topic', level: 2, name: 'retired-topic', count: 2 },
        ],
      },
      resolved: 9,
      closed: 4,
      reopened: 1,
      // December 1 + January 5 + February −2 + March 3; April's 10 is after the month.
      backlogAtMonthEnd: 7,
      // The 5th of ten times is in b30 (30–32, reported 31); the 9th in b84 (84–91, reported 87.4).
      firstResponse: { count: 10, medianMinutes: 31, p90Minutes: 87.4, withinTarget: 8, compliancePercent: 80 },
      // The 2nd and the 3rd of three are in b1403 (1403–1529, reported 1464.6).
      resolution: { count: 3, medianMinutes: 1464.6, p90Minutes: 1464.6, withinTarget: 2, compliancePercent: 66.7 },
      satisfaction: {
        count: 6,
        average: 4.17, // 25 / 6
        distribution: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 3 },
        target: 4,
        meetsTarget: true,
      },
      callbacks: {
        requested: 4,
        bySlot: [
          { key: 'morning', count: 3 },
          { key: 'afternoon', count: 1 },
        ],
        answered: 3,
        answeredInSlot: 2,
        inSlotPercent: 66.7,
      },
      percentiles: { method: 'histogram', maxRelativeError: 0.05 },
    });
  });

  it('reports percentiles within 5 % of the exact ones', () => {
    const { firstResponse, resolution } = report(march);
    const near = (reported: number | null, exact: number) =>
      expect(Math.abs((reported ?? Number.NaN) - exact) / exact).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    near(firstResponse.medianMinutes, 30);
    near(firstResponse.p90Minutes, 90);
    near(resolution.medianMinutes, 1440);
    near(resolution.p90Minutes, 1440);
  });

  it('is a report as the contract describes it', () => {
    expect(MonthlyReport.safeParse(report(march, nets)).success).toBe(true);
    expect(MonthlyReport.safeParse(report([])).success).toBe(true);
  });

  it('reports an empty month as zeros, empty tallies and no percentages', () => {
    const empty = report([]);
    expect(empty.received).toEqual({ total: 0, byType: [], byChannel: [], byPriority: [], byTopic: [] });
    expect(empty.firstResponse).toEqual({
      count: 0,
      medianMinutes: null,
      p90Minutes: null,
      withinTarget: 0,
      compliancePercent: null,
    });
    expect(empty.satisfaction).toEqual({
      count: 0,
      average: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
      target: 4,
      meetsTarget: null,
    });
    expect(empty.callbacks.inSlotPercent).toBeNull();
    expect(empty.backlogAtMonthEnd).toBe(0);
  });

  it('sums the backlog nets of the months up to this one only, never the month’s own counters', () => {
    const withStrayNet = [...march, { dimension: 'backlog', value: 'net', count: 100 }];
    expect(report(withStrayNet, nets).backlogAtMonthEnd).toBe(7);
    expect(report(march, [{ month: '2026-04', net: 3 }]).backlogAtMonthEnd).toBe(0);
    expect(report(march, [{ month: '2026-03', net: 3 }]).backlogAtMonthEnd).toBe(3);
  });

  it('misses the satisfaction target below an average of 4, even when it rounds to 4', () => {
    // 999 fours and a three: 3.999, shown as 4 but short of it.
    const close = report(rows('satisfaction', { '4': 999, '3': 1 })).satisfaction;
    expect(close.average).toBe(4);
    expect(close.meetsTarget).toBe(false);
    expect(report(rows('satisfaction', { '4': 1 })).satisfaction.meetsTarget).toBe(true);
    expect(report(rows('satisfaction', { '3': 1, '4': 1 })).satisfaction).toMatchObject({
      average: 3.5,
      meetsTarget: false,
    });
  });

  it('adds up rows of the same counter', () => {
    const split = [...rows('channel', { web: 5 }), ...rows('channel', { web: 3 })];
    expect(report(split).received.byChannel).toEqual([{ key: 'web', count: 8 }]);
  });

  it('ignores values outside the vocabulary', () => {
    expect(report(rows('type', { fax: 2, query: 1 })).received.byType).toEqual([{ key: 'query', count: 1 }]);
  });
});
