import { findOrganisation, loadCatalogue } from '../../catalogue';
import { readEnv } from '../../platform/env';
import { DEFAULT_TIME_ZONE } from '../../sla/domain/index';
import { Directorate } from '../domain/directorate';

const directorate = Directorate.parse(JSON.parse(readEnv('formDirectorate').formDirectorate));

/** Office hours on weekdays, for a directorate whose organisation has no calendar of its own. */
const WEEKDAYS = { from: '09:00', to: '14:00' };
const FALLBACK_WEEK = { mon: [WEEKDAYS], tue: [WEEKDAYS], wed: [WEEKDAYS], thu: [WEEKDAYS], fri: [WEEKDAYS] };

/** The directorate the stage names, with its organisation's business calendar from the catalogue. */
export async function loadDirectorate() {
  const organisation = findOrganisation(await loadCatalogue(), directorate.organisationId);
  const calendar = organisation?.calendar ?? { timeZone: DEFAULT_TIME_ZONE, week: FALLBACK_WEEK, holidays: [] };
  return { directorate, calendar };
}
