/**
 * A department's request for a contact form, as its mails tell it. Apart from templates.ts
 * because only the notify function sends these: the ticket functions bundle templates.ts (a
 * guest's access mail) and would otherwise load four languages of them at every cold start.
 */
import type { FormRequestStep } from '../../../contracts/form-request-steps';
import { LANGUAGES, type Language } from '../../../contracts/vocabulary';
import type { FormRequestMail } from './form-request-outbox';
import type { FormRequestEvent } from './outbox';
import { dateTime, letter, type MailContent } from './templates';

/**
 * What a form request's mail shows: `number` is the request's reference, `subject` the
 * department's website and `link` its page in the portal, where everyone it mails follows it.
 */
export interface FormRequestMailFacts {
  readonly number: string;
  readonly subject: string;
  readonly link: string;
  /** Whom the greeting names; absent for a shared mailbox, greeted as a guest is. */
  readonly name?: string;
  /** Its step, deadline, the directorate's comment, the form's URLs. */
  readonly formRequest: Omit<FormRequestMail, 'requestId'>;
}

/** A form request's facts as the template words them; each empty when the mail has none. */
interface RequestWords {
  /** The step, named in words (the actor's to-do, for waiting, reminder and escalation mails). */
  readonly step: string;
  /** The deadline, as a date and time in the directorate's time zone. */
  readonly at: string;
  /** The directorate's comment, on a rejection. */
  readonly comment: string;
  /** The form's URL in each language, a line each. */
  readonly urls: string;
}

type Template = (facts: FormRequestMailFacts & { readonly request: RequestWords }) => MailContent;

/** Each step of a form request, as a mail names what it waits for. */
const STEP_NAMES: Record<Language, Record<FormRequestStep, string>> = {
  ca: {
    review: 'la revisió de la direcció',
    changes: 'els canvis que ha demanat la direcció',
    templates: 'les plantilles de capçalera i peu',
    parameters: 'els paràmetres del formulari',
    setup: 'la configuració del formulari',
    links: 'l’actualització dels enllaços al formulari',
    completed: 'el formulari publicat',
    rejected: 'la sol·licitud rebutjada',
  },
  es: {
    review: 'la revisión de la dirección',
    changes: 'los cambios que ha pedido la dirección',
    templates: 'las plantillas de cabecera y pie',
    parameters: 'los parámetros del formulario',
    setup: 'la configuración del formulario',
    links: 'la actualización de los enlaces al formulario',
    completed: 'el formulario publicado',
    rejected: 'la solicitud rechazada',
  },
  oc: {
    review: 'era revision dera direccion',
    changes: 'es cambiaments que a demanat era direccion',
    templates: 'es modèls de capçalera e de pè de pagina',
    parameters: 'es paramètres deth formulari',
    setup: 'era configuracion deth formulari',
    links: 'era actualizacion des ligams ath formulari',
    completed: 'eth formulari publicat',
    rejected: 'era demanda refusada',
  },
  en: {
    review: 'the directorate’s review',
    changes: 'the changes the directorate asked for',
    templates: 'the header and footer templates',
    parameters: 'the form’s parameters',
    setup: 'setting the form up',
    links: 'updating the links to the form',
    completed: 'the live form',
    rejected: 'the rejected request',
  },
};

/** The languages' names in each language, for a completed form's URLs. */
const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  ca: { ca: 'català', es: 'castellà', oc: 'aranès', en: 'anglès' },
  es: { ca: 'catalán', es: 'castellano', oc: 'aranés', en: 'inglés' },
  oc: { ca: 'catalan', es: 'castelhan', oc: 'aranés', en: 'anglés' },
  en: { ca: 'Catalan', es: 'Spanish', oc: 'Aranese', en: 'English' },
};

/**
 * Without the directorate's time zone a deadline is told in UTC, and says so, rather than in
 * an hour the reader would take for their own.
 */
function requestWords(language: Language, request: FormRequestMailFacts['formRequest']): RequestWords {
  const { dueAt, timeZone } = request;
  const at =
    dueAt === undefined
      ? ''
      : timeZone
        ? dateTime(language, dueAt, timeZone)
        : `${dateTime(language, dueAt, 'UTC')} (UTC)`;
  const urls = LANGUAGES.flatMap((each) => {
    const url = request.urls?.[each];
    return url ? [`- ${LANGUAGE_NAMES[language][each]}: ${url}`] : [];
  }).join('\n');
  return { step: STEP_NAMES[language][request.step], at, comment: request.comment ?? '', urls };
}

/** A line with the deadline, when there is one. */
const DEADLINE: Record<Language, (at: string) => string> = {
  ca: (at) => (at ? `\n\nTermini: ${at}.` : ''),
  es: (at) => (at ? `\n\nPlazo: ${at}.` : ''),
  oc: (at) => (at ? `\n\nTerme: ${at}.` : ''),
  en: (at) => (at ? `\n\nDue by ${at}.` : ''),
};

/** Replies to these emails reach nothing (they carry no Reply-To): every mail says so, in a request's words. */
const NO_REPLY_REQUEST: Record<Language, string> = {
  ca: 'Aquest missatge és informatiu: les respostes a aquest correu no arriben a la sol·licitud. Feu-ho des del portal.',
  es: 'Este mensaje es informativo: las respuestas a este correo no llegan a la solicitud. Hágalo desde el portal.',
  oc: 'Aguest messatge ei informatiu: es responses a aguest corrèu non arriben ara demanda. Fètz-lo dempús eth portau.',
  en: 'This message is for information: replies to this email do not reach the request. Please use the portal.',
};

const TEMPLATES: Record<FormRequestEvent, Record<Language, Template>> = {
  form_request_waiting: {
    ca: (f) => ({
      subject: `[${f.number}] Una sol·licitud de formulari us espera`,
      text: `La sol·licitud de formulari de contacte ${f.number}, per a ${f.subject}, us espera en aquest pas: ${f.request.step}.${DEADLINE.ca(f.request.at)}\n\nObriu-la aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Una solicitud de formulario le espera`,
      text: `La solicitud de formulario de contacto ${f.number}, para ${f.subject}, le espera en este paso: ${f.request.step}.${DEADLINE.es(f.request.at)}\n\nÁbrala aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Ua demanda de formulari vos demore`,
      text: `Era demanda de formulari de contacte ${f.number}, entà ${f.subject}, vos demore en aguest pas: ${f.request.step}.${DEADLINE.oc(f.request.at)}\n\nDobritz-la aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] A form request is waiting for you`,
      text: `Contact form request ${f.number}, for ${f.subject}, is waiting for you at this step: ${f.request.step}.${DEADLINE.en(f.request.at)}\n\nOpen it here: ${f.link}`,
    }),
  },
  form_request_reminder: {
    ca: (f) => ({
      subject: `[${f.number}] El termini de la sol·licitud de formulari s’acaba aviat`,
      text: `La sol·licitud de formulari de contacte ${f.number}, per a ${f.subject}, encara us espera en aquest pas: ${f.request.step}.${DEADLINE.ca(f.request.at)}\n\nObriu-la aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] El plazo de la solicitud de formulario vence pronto`,
      text: `La solicitud de formulario de contacto ${f.number}, para ${f.subject}, aún le espera en este paso: ${f.request.step}.${DEADLINE.es(f.request.at)}\n\nÁbrala aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Eth terme dera demanda de formulari s’acabe lèu`,
      text: `Era demanda de formulari de contacte ${f.number}, entà ${f.subject}, encara vos demore en aguest pas: ${f.request.step}.${DEADLINE.oc(f.request.at)}\n\nDobritz-la aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] The form request’s deadline is near`,
      text: `Contact form request ${f.number}, for ${f.subject}, is still waiting for you at this step: ${f.request.step}.${DEADLINE.en(f.request.at)}\n\nOpen it here: ${f.link}`,
    }),
  },
  form_request_escalated: {
    ca: (f) => ({
      subject: `[${f.number}] Termini incomplert en una sol·licitud de formulari`,
      text: `La sol·licitud de formulari de contacte ${f.number}, per a ${f.subject}, ha superat el termini en aquest pas: ${f.request.step}. Us l’escalem com a supervisor.${DEADLINE.ca(f.request.at)}\n\nObriu-la aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Plazo incumplido en una solicitud de formulario`,
      text: `La solicitud de formulario de contacto ${f.number}, para ${f.subject}, ha superado el plazo en este paso: ${f.request.step}. Se la escalamos como supervisor.${DEADLINE.es(f.request.at)}\n\nÁbrala aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Terme non complit en ua demanda de formulari`,
      text: `Era demanda de formulari de contacte ${f.number}, entà ${f.subject}, a passat eth terme en aguest pas: ${f.request.step}. Vos l’escalam coma supervisor.${DEADLINE.oc(f.request.at)}\n\nDobritz-la aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] Missed deadline on a form request`,
      text: `Contact form request ${f.number}, for ${f.subject}, is past its deadline at this step: ${f.request.step}. It is escalated to you as a supervisor.${f.request.at ? `\n\nIt was due by ${f.request.at}.` : ''}\n\nOpen it here: ${f.link}`,
    }),
  },
  form_request_rejected: {
    ca: (f) => ({
      subject: `[${f.number}] La direcció ha rebutjat la sol·licitud de formulari`,
      text: `La direcció ha rebutjat la sol·licitud de formulari de contacte ${f.number}, per a ${f.subject}.${f.request.comment ? `\n\nEl motiu:\n\n${f.request.comment}` : ''}\n\nVegeu-la aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] La dirección ha rechazado la solicitud de formulario`,
      text: `La dirección ha rechazado la solicitud de formulario de contacto ${f.number}, para ${f.subject}.${f.request.comment ? `\n\nEl motivo:\n\n${f.request.comment}` : ''}\n\nVéala aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Era direccion a refusat era demanda de formulari`,
      text: `Era direccion a refusat era demanda de formulari de contacte ${f.number}, entà ${f.subject}.${f.request.comment ? `\n\nEth motiu:\n\n${f.request.comment}` : ''}\n\nVejatz-la aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] The directorate has rejected the form request`,
      text: `The directorate has rejected contact form request ${f.number}, for ${f.subject}.${f.request.comment ? `\n\nThe reason given:\n\n${f.request.comment}` : ''}\n\nSee it here: ${f.link}`,
    }),
  },
  form_request_completed: {
    ca: (f) => ({
      subject: `[${f.number}] El formulari de contacte ja està publicat`,
      text: `El formulari de contacte de la sol·licitud ${f.number}, per a ${f.subject}, ja està publicat.${f.request.urls ? `\n\nEl podeu trobar a:\n${f.request.urls}` : ''}\n\nSol·licitud: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] El formulario de contacto ya está publicado`,
      text: `El formulario de contacto de la solicitud ${f.number}, para ${f.subject}, ya está publicado.${f.request.urls ? `\n\nPuede encontrarlo en:\n${f.request.urls}` : ''}\n\nSolicitud: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Eth formulari de contacte ja ei publicat`,
      text: `Eth formulari de contacte dera demanda ${f.number}, entà ${f.subject}, ja ei publicat.${f.request.urls ? `\n\nLo podètz trobar en:\n${f.request.urls}` : ''}\n\nDemanda: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] The contact form is live`,
      text: `The contact form of request ${f.number}, for ${f.subject}, is now live.${f.request.urls ? `\n\nYou will find it at:\n${f.request.urls}` : ''}\n\nRequest: ${f.link}`,
    }),
  },
};

/**
 * A form request's mail in the reader's language. It carries the reference, website and portal
 * link, never a form's fields. No guest link, hint to a first mail or rating: everyone it goes
 * to signs in to the portal.
 */
export function renderFormRequestMail(
  event: FormRequestEvent,
  language: Language,
  facts: FormRequestMailFacts,
): MailContent {
  // Typed as required; checked still, since a mail without it leaves the reader nowhere to act.
  if (!facts.link) throw new Error('A form request’s mail needs its portal link');
  const content = TEMPLATES[event][language]({ ...facts, request: requestWords(language, facts.formRequest) });
  return { subject: content.subject, text: letter(language, facts.name, content.text, NO_REPLY_REQUEST[language]) };
}
