import { LANGUAGES, type Language } from '../../../contracts/vocabulary';
import type { AutoAnswer } from './replies';
import { GREETING, GUEST_LINK_HINT, type MailContent } from './templates';

const TICKET_ANSWER: Record<Language, { subject: string; text: (number: string, where: string) => string }> = {
  ca: {
    subject: 'Les respostes per correu no s’afegeixen al tiquet',
    text: (number, where) =>
      `Hem rebut el vostre correu sobre el tiquet ${number}, però les respostes per correu no s’afegeixen al tiquet i ningú no les llegirà.\n\nPer afegir-hi informació o consultar-lo, feu-ho des de ${where}`,
  },
  es: {
    subject: 'Las respuestas por correo no se añaden al tique',
    text: (number, where) =>
      `Hemos recibido su correo sobre el tique ${number}, pero las respuestas por correo no se añaden al tique y nadie las leerá.\n\nPara añadir información o consultarlo, hágalo desde ${where}`,
  },
  oc: {
    subject: 'Es responses per corrèu non s’apondon ath tiquet',
    text: (number, where) =>
      `Auem recebut eth vòste corrèu sus eth tiquet ${number}, mès es responses per corrèu non s’apondon ath tiquet e digun non les liegerà.\n\nEntà apondre'i informacion o consultar-lo, fètz-lo dempús ${where}`,
  },
  en: {
    subject: 'Email replies are not added to the ticket',
    text: (number, where) =>
      `We received your email about ticket ${number}, but email replies are not added to the ticket and nobody will read them.\n\nTo add information or follow it, please use ${where}`,
  },
};

const GENERIC_ANSWER: Record<Language, (portal: string) => string> = {
  ca: (portal) => `Aquesta adreça no admet correus. Per obrir o seguir un tiquet, feu-ho des del portal: ${portal}`,
  es: (portal) => `Esta dirección no admite correos. Para abrir o seguir un tique, hágalo desde el portal: ${portal}`,
  oc: (portal) =>
    `Aguesta adreça non admet corrèus. Entà daurir o seguir un tiquet, fètz-lo dempús eth portau: ${portal}`,
  en: (portal) => `This address does not take emails. To file or follow a ticket, please use the portal: ${portal}`,
};

export interface AnswerLinks {
  /** The portal's home page. */
  readonly portal: string;
  /** A signed-in requester's ticket page. */
  readonly ticket: (ticketId: string) => string;
}

/**
 * The one automatic answer to a reply mail: in the ticket's language with where to follow it,
 * or, when we cannot tell whose ticket it is, the portal's address in every language we speak.
 */
export function renderAutoAnswer(answer: AutoAnswer, links: AnswerLinks): MailContent & { language: Language } {
  if (answer.kind === 'generic') {
    return {
      language: 'ca',
      subject: 'Finestreta: aquesta adreça no admet correus / Esta dirección no admite correos',
      text: `${LANGUAGES.map((language) => GENERIC_ANSWER[language](links.portal)).join('\n\n')}\n`,
    };
  }
  const words = TICKET_ANSWER[answer.language];
  // A guest's link carries their token, which we never keep: point to the first mail instead.
  const where =
    answer.kind === 'ticket'
      ? `${PORTAL_WORD[answer.language]}: ${links.ticket(answer.ticketId)}`
      : `${GUEST_LINK_HINT[answer.language]} (${links.portal})`;
  return {
    language: answer.language,
    subject: `[${answer.number}] ${words.subject}`,
    text: `${GREETING[answer.language]()}\n\n${words.text(answer.number, where)}\n`,
  };
}

const PORTAL_WORD: Record<Language, string> = { ca: 'el portal', es: 'el portal', oc: 'eth portau', en: 'the portal' };
