/**
 * Demo business-hours calendars for the SLA engine, keyed by calendar id. Opening hours come from
 * the services in `/work/shared/seeds` (SOURCES.md) or the project brief; holidays are Catalonia's
 * public holidays. Local (town) holidays are not known, so none are listed.
 */
import type { Calendar } from '../../functions/sla/domain/calendar';

const weekdays = (...windows: { from: string; to: string }[]): Calendar['week'] => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
});

/**
 * Catalonia's public holidays: the fixed ones every year, plus Good Friday and Easter Monday
 * (Easter Sunday is 5 April 2026 and 28 March 2027). Later years need their Easter dates added.
 */
export const CATALAN_HOLIDAYS: Calendar['holidays'] = [
  { date: '2026-01-01', yearly: true }, // Cap d'Any
  { date: '2026-01-06', yearly: true }, // Reis
  { date: '2026-05-01', yearly: true }, // Festa del Treball
  { date: '2026-06-24', yearly: true }, // Sant Joan
  { date: '2026-08-15', yearly: true }, // l'Assumpció
  { date: '2026-09-11', yearly: true }, // Diada Nacional de Catalunya
  { date: '2026-10-12', yearly: true }, // Festa Nacional d'Espanya
  { date: '2026-11-01', yearly: true }, // Tots Sants
  { date: '2026-12-06', yearly: true }, // dia de la Constitució
  { date: '2026-12-08', yearly: true }, // la Immaculada
  { date: '2026-12-25', yearly: true }, // Nadal
  { date: '2026-12-26', yearly: true }, // Sant Esteve
  { date: '2026-04-03' }, // Divendres Sant 2026
  { date: '2026-04-06' }, // dilluns de Pasqua Florida 2026
  { date: '2027-03-26' }, // Divendres Sant 2027
  { date: '2027-03-29' }, // dilluns de Pasqua Florida 2027
];

export const DEMO_CALENDARS: Record<string, Calendar> = {
  /**
   * OAC 360's phone and call-back service (source 004): 8:00–20:00 on weekdays (call-back slots
   * 8–14 and 14–20); email and call-back requests are answered the same or the next business day.
   */
  'oac360-callback': {
    timeZone: 'Europe/Madrid',
    week: weekdays({ from: '08:00', to: '20:00' }),
    holidays: CATALAN_HOLIDAYS,
  },
  /**
   * Office hours, 8:00–15:00 on weekdays: the health agency's support centre (source 000) states
   * them; the other demo organisations, whose pages state none, keep the usual hours of Catalan
   * public administrations.
   */
  'office-hours': {
    timeZone: 'Europe/Madrid',
    week: weekdays({ from: '08:00', to: '15:00' }),
    holidays: CATALAN_HOLIDAYS,
  },
};
