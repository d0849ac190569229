import type { Language } from '../../http/language';

export const STATUSES = ['open', 'in_progress', 'waiting_on_requester', 'forwarded', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

const LABELS: Record<Status, Record<Language, string>> = {
  open: { ca: 'Obert', es: 'Abierto', oc: 'Dubèrt', en: 'Open' },
  in_progress: { ca: 'En curs', es: 'En curso', oc: 'En cors', en: 'In progress' },
  waiting_on_requester: {
    ca: 'Pendent de la vostra informació',
    es: 'Pendiente de su información',
    oc: 'En demora dera vòsta informacion',
    en: 'Waiting for your information',
  },
  forwarded: { ca: 'Derivat', es: 'Derivado', oc: 'Tramés', en: 'Forwarded' },
  resolved: { ca: 'Resolt', es: 'Resuelto', oc: 'Resolvut', en: 'Resolved' },
  closed: { ca: 'Tancat', es: 'Cerrado', oc: 'Barrat', en: 'Closed' },
};

export const statusLabel = (status: Status, language: Language): string => LABELS[status][language];

/** Statuses in which the requester may still add to the thread. */
export const OPEN_STATUSES: readonly Status[] = ['open', 'in_progress', 'waiting_on_requester', 'forwarded'];

export const acceptsRequesterReplies = (status: Status): boolean => OPEN_STATUSES.includes(status);

/** A requester's reply to a ticket waiting for them puts it back in the agents' hands. */
export const statusAfterRequesterReply = (status: Status): Status =>
  status === 'waiting_on_requester' ? 'in_progress' : status;
