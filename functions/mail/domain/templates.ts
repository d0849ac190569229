import type { Language } from '../../../contracts/vocabulary';
import type { TicketMailEvent } from './outbox';

export interface MailContent {
  readonly subject: string;
  readonly text: string;
}

export interface MailFacts {
  readonly number: string;
  readonly subject: string;
  /** Where a signed-in requester follows the ticket; absent for guests. */
  readonly link?: string;
  /** Whom the greeting names; absent for guests, whose name is whatever a stranger typed. */
  readonly name?: string;
  /** A guest's private link: only in their first mail, the one place their token ever travels. */
  readonly guestLink?: string;
  readonly message?: string;
  /** For a resolution: the page that asks the requester to rate how the ticket was handled. */
  readonly ratingLink?: string;
  /** For SLA mails: the commitment and its due time. */
  readonly due?: {
    readonly commitment: 'firstResponse' | 'resolution';
    readonly at: string;
    readonly timeZone: string;
  };
}

/** An SLA mail's commitment and due time, as the template words them in its language. */
interface DueWords {
  readonly commitment: string;
  readonly at: string;
}

type Template = (facts: MailFacts & { readonly link: string; readonly dueWords: DueWords }) => MailContent;

const COMMITMENT_NAMES: Record<Language, Record<'firstResponse' | 'resolution', string>> = {
  ca: { firstResponse: 'primera resposta', resolution: 'resolució' },
  es: { firstResponse: 'primera respuesta', resolution: 'resolución' },
  oc: { firstResponse: 'prumèra responsa', resolution: 'resolucion' },
  en: { firstResponse: 'first response', resolution: 'resolution' },
};

/** ICU has no Aranese dates; Catalan ones read naturally to its speakers. */
const DATE_LOCALES: Record<Language, string> = { ca: 'ca-ES', es: 'es-ES', oc: 'ca-ES', en: 'en-GB' };

/** A date and time as the mails tell it: in full, in the organisation's time zone. */
export const dateTime = (language: Language, at: string, timeZone: string): string =>
  new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(at),
  );

function dueWords(language: Language, due: MailFacts['due']): DueWords {
  if (!due) return { commitment: '', at: '' };
  return { commitment: COMMITMENT_NAMES[language][due.commitment], at: dateTime(language, due.at, due.timeZone) };
}

/** A guest's later mails cannot carry their token (it is never stored): they point to the first mail. */
export const GUEST_LINK_HINT: Record<Language, string> = {
  ca: 'l’enllaç del primer correu que us vam enviar',
  es: 'el enlace del primer correo que le enviamos',
  oc: 'eth ligam deth prumèr corrèu que vos mandèrem',
  en: 'the link in the first email we sent you',
};

/** Replies to these emails do not reach the ticket (as at the support centre): every mail says so. */
const NO_REPLY: Record<Language, string> = {
  ca: 'Aquest missatge és informatiu: les respostes a aquest correu no s’afegeixen al tiquet. Feu-ho des del portal.',
  es: 'Este mensaje es informativo: las respuestas a este correo no se añaden al tique. Hágalo desde el portal.',
  oc: 'Aguest messatge ei informatiu: es responses a aguest corrèu non s’apondon ath tiquet. Fètz-lo dempús eth portau.',
  en: 'This message is for information: replies to this email are not added to the ticket. Please use the portal.',
};

/** The rating link's invitation: opening it records nothing, the page asks to confirm a score. */
const RATE: Record<Language, (link: string) => string> = {
  ca: (link) => `Com us hem atès? Valoreu-ho de l’1 al 5 (un minut): ${link}`,
  es: (link) => `¿Cómo le hemos atendido? Valórelo del 1 al 5 (un minuto): ${link}`,
  oc: (link) => `Com vos auem atenut? Valoratz-lo der 1 ath 5 (un minut): ${link}`,
  en: (link) => `How did we do? Rate us from 1 to 5 (one minute): ${link}`,
};

export const GREETING: Record<Language, (name?: string) => string> = {
  ca: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  es: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  oc: (name) => (name ? `Adishatz, ${name}:` : 'Adishatz:'),
  en: (name) => (name ? `Hello ${name},` : 'Hello,'),
};

const TEMPLATES: Record<TicketMailEvent, Record<Language, Template>> = {
  created: {
    ca: (f) => ({
      subject: `[${f.number}] Hem rebut el vostre tiquet`,
      text: `Hem registrat el vostre tiquet ${f.number}: «${f.subject}».\n\nPodeu seguir-lo aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Hemos recibido su tique`,
      text: `Hemos registrado su tique ${f.number}: «${f.subject}».\n\nPuede seguirlo aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Auem recebut eth vòste tiquet`,
      text: `Auem registrat eth vòste tiquet ${f.number}: «${f.subject}».\n\nLo podètz seguir aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] We have received your ticket`,
      text: `We have registered your ticket ${f.number}: "${f.subject}".\n\nFollow it here: ${f.link}`,
    }),
  },
  staff_replied: {
    ca: (f) => ({
      subject: `[${f.number}] Nova resposta al vostre tiquet`,
      text: `Hi ha una resposta nova al tiquet ${f.number}:\n\n${f.message ?? ''}\n\nVegeu-la aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Nueva respuesta a su tique`,
      text: `Hay una respuesta nueva en el tique ${f.number}:\n\n${f.message ?? ''}\n\nVéala aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Navèra responsa ath vòste tiquet`,
      text: `I a ua responsa navèra en tiquet ${f.number}:\n\n${f.message ?? ''}\n\nVejatz-la aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] New reply to your ticket`,
      text: `There is a new reply on ticket ${f.number}:\n\n${f.message ?? ''}\n\nSee it here: ${f.link}`,
    }),
  },
  info_requested: {
    ca: (f) => ({
      subject: `[${f.number}] Necessitem més informació`,
      text: `Per continuar amb el tiquet ${f.number} necessitem més informació:\n\n${f.message ?? ''}\n\nResponeu des d’aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Necesitamos más información`,
      text: `Para continuar con el tique ${f.number} necesitamos más información:\n\n${f.message ?? ''}\n\nResponda desde aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Mos cau mès informacion`,
      text: `Entà contunhar damb eth tiquet ${f.number} mos cau mès informacion:\n\n${f.message ?? ''}\n\nRespongatz aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] We need more information`,
      text: `To go on with ticket ${f.number} we need more information:\n\n${f.message ?? ''}\n\nAnswer here: ${f.link}`,
    }),
  },
  assigned: {
    ca: (f) => ({
      subject: `[${f.number}] Se us ha assignat un tiquet`,
      text: `Se us ha assignat el tiquet ${f.number}: «${f.subject}».\n\nObriu-lo aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Se le ha asignado un tique`,
      text: `Se le ha asignado el tique ${f.number}: «${f.subject}».\n\nÁbralo aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Vos an assignat un tiquet`,
      text: `Vos an assignat eth tiquet ${f.number}: «${f.subject}».\n\nDobritz-lo aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] A ticket has been assigned to you`,
      text: `Ticket ${f.number} has been assigned to you: "${f.subject}".\n\nOpen it here: ${f.link}`,
    }),
  },
  forwarded: {
    ca: (f) => ({
      subject: `[${f.number}] Tiquet derivat al vostre equip`,
      text: `El tiquet ${f.number}, «${f.subject}», s’ha derivat al vostre equip i espera que algú se’n faci càrrec.\n\nObriu-lo aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Tique derivado a su equipo`,
      text: `El tique ${f.number}, «${f.subject}», se ha derivado a su equipo y espera que alguien se haga cargo.\n\nÁbralo aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Tiquet tramés ath vòste equip`,
      text: `Eth tiquet ${f.number}, «${f.subject}», s’a tramés ath vòste equip e demore qu’agun se n’encargue.\n\nDobritz-lo aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] Ticket forwarded to your team`,
      text: `Ticket ${f.number}, "${f.subject}", has been forwarded to your team and waits for someone to take it.\n\nOpen it here: ${f.link}`,
    }),
  },
  sla_warning: {
    ca: (f) => ({
      subject: `[${f.number}] El termini de ${f.dueWords.commitment} s’acaba aviat`,
      text: `El tiquet ${f.number}, «${f.subject}», ha de tenir ${f.dueWords.commitment} abans de ${f.dueWords.at}.\n\nObriu-lo aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] El plazo de ${f.dueWords.commitment} vence pronto`,
      text: `El tique ${f.number}, «${f.subject}», debe tener ${f.dueWords.commitment} antes de ${f.dueWords.at}.\n\nÁbralo aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Eth terme de ${f.dueWords.commitment} s’acabe lèu`,
      text: `Eth tiquet ${f.number}, «${f.subject}», a d’auer ${f.dueWords.commitment} abans de ${f.dueWords.at}.\n\nDobritz-lo aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] The ${f.dueWords.commitment} deadline is near`,
      text: `Ticket ${f.number}, "${f.subject}", is due its ${f.dueWords.commitment} by ${f.dueWords.at}.\n\nOpen it here: ${f.link}`,
    }),
  },
  sla_escalated: {
    ca: (f) => ({
      subject: `[${f.number}] Termini de ${f.dueWords.commitment} incomplert`,
      text: `El tiquet ${f.number}, «${f.subject}», havia de tenir ${f.dueWords.commitment} abans de ${f.dueWords.at} i no l’ha tinguda. Us l’escalem com a supervisor.\n\nObriu-lo aquí: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Plazo de ${f.dueWords.commitment} incumplido`,
      text: `El tique ${f.number}, «${f.subject}», debía tener ${f.dueWords.commitment} antes de ${f.dueWords.at} y no la ha tenido. Se lo escalamos como supervisor.\n\nÁbralo aquí: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Terme de ${f.dueWords.commitment} non complit`,
      text: `Eth tiquet ${f.number}, «${f.subject}», auie d’auer ${f.dueWords.commitment} abans de ${f.dueWords.at} e non l’a auda. Vos l’escalam coma supervisor.\n\nDobritz-lo aciu: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] Missed deadline: ${f.dueWords.commitment}`,
      text: `Ticket ${f.number}, "${f.subject}", was due its ${f.dueWords.commitment} by ${f.dueWords.at} and has not had it. It is escalated to you as a supervisor.\n\nOpen it here: ${f.link}`,
    }),
  },
  attachment_infected: {
    ca: (f) => ({
      subject: `[${f.number}] Un fitxer adjunt s’ha posat en quarantena`,
      text: `L’anàlisi antivirus ha trobat programari maliciós al fitxer «${f.message ?? ''}» adjunt al tiquet ${f.number}. L’hem posat en quarantena: ningú no el pot descarregar. Si l’heu enviat vós, analitzeu l’equip d’on prové.\n\nTiquet: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Un archivo adjunto se ha puesto en cuarentena`,
      text: `El análisis antivirus ha encontrado software malicioso en el archivo «${f.message ?? ''}» adjunto al tique ${f.number}. Lo hemos puesto en cuarentena: nadie puede descargarlo. Si lo envió usted, analice el equipo del que procede.\n\nTique: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Un fichèr junhut s’a metut en quarantena`,
      text: `Era analisi antivirus a trobat logiciau maliciós en fichèr «${f.message ?? ''}» junhut ath tiquet ${f.number}. L’auem metut en quarantena: degun non lo pòt descargar. Se l’auetz mandat vos, analisatz er equip d’a on ven.\n\nTiquet: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] An attached file has been quarantined`,
      text: `The virus scan found malware in the file "${f.message ?? ''}" attached to ticket ${f.number}. It is quarantined: nobody can download it. If you sent it, please check the computer it came from.\n\nTicket: ${f.link}`,
    }),
  },
  resolved: {
    ca: (f) => ({
      subject: `[${f.number}] El vostre tiquet s’ha resolt`,
      text: `Hem resolt el tiquet ${f.number}: «${f.subject}».\n\nSi el problema continua, obriu un tiquet nou al portal i indiqueu aquest número: ${f.link}`,
    }),
    es: (f) => ({
      subject: `[${f.number}] Su tique se ha resuelto`,
      text: `Hemos resuelto el tique ${f.number}: «${f.subject}».\n\nSi el problema continúa, abra un tique nuevo en el portal e indique este número: ${f.link}`,
    }),
    oc: (f) => ({
      subject: `[${f.number}] Eth vòste tiquet s’a resolvut`,
      text: `Auem resolvut eth tiquet ${f.number}: «${f.subject}».\n\nSe eth problèma contunhe, dobritz un tiquet nau en portau e indicatz aguest numèro: ${f.link}`,
    }),
    en: (f) => ({
      subject: `[${f.number}] Your ticket has been resolved`,
      text: `We have resolved ticket ${f.number}: "${f.subject}".\n\nIf the problem persists, file a new ticket in the portal quoting this number: ${f.link}`,
    }),
  },
};

/** A mail's text as every one is laid out: greeting, body, then the footer after the signature separator. */
export const letter = (language: Language, name: string | undefined, body: string, footer: string): string =>
  `${GREETING[language](name)}\n\n${body}\n\n— \n${footer}\n`;

/**
 * A ticket's mail for an event in the requester's language. It carries the number, subject and
 * link, never form fields: national IDs and transient values cannot leak through it. (A form
 * request's mails are form-request-templates.ts: the ticket functions, which bundle this, never
 * send them.)
 */
export function renderMail(event: TicketMailEvent, language: Language, facts: MailFacts): MailContent {
  const link = facts.guestLink ?? facts.link ?? GUEST_LINK_HINT[language];
  const content = TEMPLATES[event][language]({ ...facts, link, dueWords: dueWords(language, facts.due) });
  const rating = facts.ratingLink ? `\n\n${RATE[language](facts.ratingLink)}` : '';
  return {
    subject: content.subject,
    text: letter(language, facts.name, `${content.text}${rating}`, NO_REPLY[language]),
  };
}
