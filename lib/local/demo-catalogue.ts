/**
 * The demo catalogue: five organisations modelled on the services in `/work/shared/seeds`, their
 * teams, and the topics (with their small forms) requesters choose from. Every text carries
 * Catalan, Spanish, Aranese (Occitan) and English. Domains are example domains; nothing here is real.
 *
 * Impact questions (the council's "does it stop you working?…") and call-back slots (morning
 * 8–14 / afternoon 14–20) are ticket-level objects, not form fields, so no topic asks for them.
 */

import {
  Catalogue,
  type FormFieldDefinition,
  type LocalizedText,
  type TopicDefinition,
} from '../../functions/catalogue/domain/model';
import type { SlaPolicy } from '../../functions/sla/domain/index';
import { DEMO_CALENDARS } from './demo-calendars';

type Option = NonNullable<FormFieldDefinition['options']>[number];

const t = (ca: string, es: string, oc: string, en: string): LocalizedText => ({ ca, es, oc, en });

/**
 * Demo SLA policies. Source 004 commits to answering the same or the next business day; the
 * sources give no resolution targets, so a week of business days stands in for them.
 */
const NEXT_DAY_POLICY: SlaPolicy = {
  rules: [{ firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } }],
  warnAtPercent: 75,
};
/** The provincial council's incident channel (source 002) answers by priority. */
const DIPU_POLICY: SlaPolicy = {
  rules: [
    { firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } },
    { priority: 'P1', firstResponse: { minutes: 60 }, resolution: { minutes: 420 } },
    { priority: 'P2', firstResponse: { minutes: 120 }, resolution: { days: 1, endOfDay: true } },
  ],
  warnAtPercent: 75,
};

const option = (value: string, ca: string, es: string, oc: string, en: string): Option => ({
  value,
  label: t(ca, es, oc, en),
});

/** Joins texts language by language, e.g. a topic's own advice followed by the organisation's. */
const join = (...texts: LocalizedText[]): LocalizedText => ({
  ca: texts.map((text) => text.ca).join(' '),
  es: texts.map((text) => text.es).join(' '),
  oc: texts.map((text) => text.oc).join(' '),
  en: texts.map((text) => text.en).join(' '),
});

type TopicInput = Omit<TopicDefinition, 'internal' | 'form'> & { internal?: boolean; fields?: FormFieldDefinition[] };

const topic = ({ internal = false, fields = [], ...rest }: TopicInput): TopicDefinition => ({
  ...rest,
  internal,
  form: { fields },
});

/* ------------------------------------------------------------------------------------------------
 * Shared level-1 catalogue (gencat.cat-style global themes every organisation hangs its topics on)
 * ---------------------------------------------------------------------------------------------- */

const SHARED_LEVEL_1: TopicDefinition[] = [
  topic({
    id: 'technology',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t(
      'Tecnologia i aplicacions',
      'Tecnología y aplicaciones',
      'Tecnologia e aplicacions',
      'Technology and applications',
    ),
    ticketTypes: ['incident', 'request', 'query'],
    order: 1,
  }),
  topic({
    id: 'social-services',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t('Serveis socials', 'Servicios sociales', 'Servicis sociaus', 'Social services'),
    ticketTypes: ['incident', 'request', 'query'],
    order: 2,
  }),
  topic({
    id: 'e-administration',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t(
      'Administració electrònica',
      'Administración electrónica',
      'Administracion electronica',
      'E-administration',
    ),
    ticketTypes: ['incident', 'request', 'query', 'callback', 'complaint', 'suggestion'],
    order: 3,
  }),
  topic({
    id: 'education',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t('Educació i formació', 'Educación y formación', 'Educacion e formacion', 'Education and training'),
    ticketTypes: ['query', 'complaint', 'suggestion'],
    order: 4,
  }),
  topic({
    id: 'environment',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t('Medi ambient', 'Medio ambiente', 'Mèdi ambient', 'Environment'),
    ticketTypes: ['query', 'complaint', 'suggestion'],
    order: 5,
  }),
  topic({
    id: 'citizen-attention',
    parentId: null,
    level: 1,
    organisationId: null,
    name: t('Atenció ciutadana', 'Atención ciudadana', 'Atencion ara ciutadania', 'Citizen attention'),
    ticketTypes: ['query', 'complaint', 'suggestion', 'callback', 'incident', 'request'],
    order: 6,
  }),
];

/* ------------------------------------------------------------------------------------------------
 * 000 — salut: the provincial public health agency's support centre
 * ---------------------------------------------------------------------------------------------- */

const SALUT_ADVICE = t(
  'Sigueu el més precisos possible en la descripció del problema i adjunteu-hi captures de pantalla (solen ser bones aliades). No dupliqueu incidències: per ampliar un tiquet que ja heu enviat, afegiu-hi un missatge des de «Els meus tiquets». Si teniu cap dubte, truqueu al Centre de Suport (de 8 a 15 h, de dilluns a divendres).',
  'Sea lo más preciso posible en la descripción del problema y adjunte capturas de pantalla (suelen ser buenas aliadas). No duplique incidencias: para ampliar un tique ya enviado, añádale un mensaje desde «Mis tiques». Si tiene cualquier duda, llame al Centro de Soporte (de 8 a 15 h, de lunes a viernes).',
  'Siatz çò mès precisi possible ena descripcion deth problèma e ajustatz-i captures de pantalha (que son bones aliades). Non duplicatz incidéncies: entà ampliar un tiquet que ja auetz mandat, ajustatz-i un messatge des de «Es mèns tiquets». S’auetz bèth dobte, telefonatz ath Centre de Supòrt (de 8 a 15 h, de deluns a diuendres).',
  'Describe the problem as precisely as you can and attach screenshots (they usually help). Please don’t file duplicates: to add to a ticket you have already sent, post a message on it from “My tickets”. If in doubt, call the support centre (8:00–15:00, Monday to Friday).',
);

const SALUT_APPLICATIONS: Option[] = [
  option(
    'programmes',
    'Gestió de programes de salut pública',
    'Gestión de programas de salud pública',
    'Gestion de programes de salut publica',
    'Public health programme management',
  ),
  option(
    'grants',
    'Sol·licitud i justificació d’ajuts',
    'Solicitud y justificación de ayudas',
    'Sollicitud e justificacion d’ajudes',
    'Grant applications and reporting',
  ),
  option(
    'water',
    'Control sanitari de l’aigua',
    'Control sanitario del agua',
    'Contraròtle sanitari dera aigua',
    'Drinking water health control',
  ),
  option('portal', 'Portal web i intranet', 'Portal web e intranet', 'Portau web e intranet', 'Website and intranet'),
  option('other', 'Una altra aplicació', 'Otra aplicación', 'Ua auta aplicacion', 'Another application'),
];

const salutApplication = (required: boolean): FormFieldDefinition => ({
  name: 'application',
  type: 'select',
  required,
  label: t('Aplicació', 'Aplicación', 'Aplicacion', 'Application'),
  options: SALUT_APPLICATIONS,
});

const SALUT_TOPICS: TopicDefinition[] = [
  topic({
    id: 'salut-access',
    parentId: 'technology',
    level: 2,
    organisationId: 'salut',
    name: t('Accés i contrasenyes', 'Acceso y contraseñas', 'Accès e contrasenhes', 'Access and passwords'),
    guidance: join(
      t(
        'Indiqueu l’aplicació i l’usuari amb què intenteu entrar. No ens envieu mai la vostra contrasenya.',
        'Indique la aplicación y el usuario con el que intenta entrar. No nos envíe nunca su contraseña.',
        'Indicatz era aplicacion e er usatgèr damb eth que ensajatz d’entrar. Non mos mandetz jamès era vòstra contrasenha.',
        'Tell us the application and the username you are trying to sign in with. Never send us your password.',
      ),
      SALUT_ADVICE,
    ),
    ticketTypes: ['incident'],
    teamId: 'salut-support',
    order: 1,
    fields: [
      salutApplication(true),
      {
        name: 'username',
        type: 'text',
        required: true,
        label: t('Nom d’usuari', 'Nombre de usuario', 'Nom d’usatgèr', 'Username'),
        maxLength: 100,
      },
      {
        name: 'problem',
        type: 'select',
        required: true,
        label: t('Què passa?', '¿Qué ocurre?', 'Qué se passa?', 'What is happening?'),
        options: [
          option(
            'forgotten_password',
            'He oblidat la contrasenya',
            'He olvidado la contraseña',
            'È desbrembat era contrasenha',
            'I forgot my password',
          ),
          option(
            'locked_account',
            'El compte està bloquejat',
            'La cuenta está bloqueada',
            'Eth compde ei blocat',
            'My account is locked',
          ),
          option(
            'no_permission',
            'No tinc permís per a una funcionalitat',
            'No tengo permiso para una funcionalidad',
            'Non è permís entà ua foncionalitat',
            'I lack permission for a feature',
          ),
          option('other', 'Una altra cosa', 'Otra cosa', 'Ua auta causa', 'Something else'),
        ],
      },
    ],
  }),
  topic({
    id: 'salut-application-error',
    parentId: 'technology',
    level: 2,
    organisationId: 'salut',
    name: t('Error d’una aplicació', 'Error de una aplicación', 'Error d’ua aplicacion', 'Application error'),
    guidance: join(
      t(
        'Copieu el text exacte del missatge d’error i adjunteu una captura de pantalla de la finestra sencera.',
        'Copie el texto exacto del mensaje de error y adjunte una captura de pantalla de la ventana entera.',
        'Copiatz eth tèxte exacte deth messatge d’error e ajustatz ua captura de pantalha dera fenèstra sancera.',
        'Copy the exact text of the error message and attach a screenshot of the whole window.',
      ),
      SALUT_ADVICE,
    ),
    ticketTypes: ['incident'],
    teamId: 'salut-applications',
    order: 2,
    fields: [
      salutApplication(true),
      {
        name: 'errorMessage',
        type: 'textarea',
        required: false,
        label: t('Missatge d’error', 'Mensaje de error', 'Messatge d’error', 'Error message'),
        help: t(
          'Copieu-lo tal com apareix a la pantalla.',
          'Cópielo tal como aparece en la pantalla.',
          'Copiatz-lo tau coma apareish ena pantalha.',
          'Copy it exactly as it appears on screen.',
        ),
        maxLength: 2000,
      },
      {
        name: 'occurredOn',
        type: 'date',
        required: false,
        label: t('Quan va passar?', '¿Cuándo ocurrió?', 'Quan se passèc?', 'When did it happen?'),
      },
    ],
  }),
  topic({
    id: 'salut-data-change',
    parentId: 'technology',
    level: 2,
    organisationId: 'salut',
    name: t(
      'Canvi o correcció de dades',
      'Cambio o corrección de datos',
      'Cambi o correccion de donades',
      'Data change or correction',
    ),
    guidance: SALUT_ADVICE,
    ticketTypes: ['request'],
    teamId: 'salut-applications',
    order: 3,
    fields: [
      salutApplication(true),
      {
        name: 'recordReference',
        type: 'text',
        required: false,
        label: t(
          'Referència del registre (expedient, sol·licitud…)',
          'Referencia del registro (expediente, solicitud…)',
          'Referéncia deth registre (expedient, sollicitud…)',
          'Record reference (case file, application…)',
        ),
        maxLength: 100,
      },
    ],
  }),
  topic({
    id: 'salut-how-to',
    parentId: 'technology',
    level: 2,
    organisationId: 'salut',
    name: t(
      'Dubte sobre el funcionament',
      'Duda sobre el funcionamiento',
      'Dobte sus eth foncionament',
      'How-to question',
    ),
    guidance: SALUT_ADVICE,
    ticketTypes: ['query'],
    teamId: 'salut-support',
    order: 4,
    fields: [salutApplication(false)],
  }),
  topic({
    id: 'salut-one-off',
    parentId: 'citizen-attention',
    level: 2,
    organisationId: 'salut',
    name: t(
      'Consulta puntual de la ciutadania',
      'Consulta puntual de la ciudadanía',
      'Consulta puntuau dera ciutadania',
      'One-off query from a citizen',
    ),
    guidance: t(
      'Només si sou un ciutadà o ciutadana que contacta esporàdicament amb el servei (menys de dues vegades l’any) podeu fer la consulta sense registrar-vos: detalleu-hi la incidència tècnica. Si ens escriviu més sovint, registreu-vos al Centre de Suport (trigareu menys d’un minut).',
      'Solo si es un ciudadano o ciudadana que contacta esporádicamente con el servicio (menos de dos veces al año) puede hacer la consulta sin registrarse: detalle en ella la incidencia técnica. Si nos escribe más a menudo, regístrese en el Centro de Soporte (tardará menos de un minuto).',
      'Solament se sètz un ciutadan o ciutadana que contacte de quan en quan damb eth servici (mens de dues còps er an) podetz hèr era consulta sense registrar-vos: detalhatz-i era incidéncia tecnica. Se mos escrivetz mès soent, registratz-vos en Centre de Supòrt (i meteratz mens d’un minut).',
      'Only if you are a citizen who contacts the service occasionally (less than twice a year) may you send a query without registering: describe the technical issue in detail. If you write to us more often, register in the support centre (it takes less than a minute).',
    ),
    ticketTypes: ['query', 'incident'],
    teamId: 'salut-support',
    order: 5,
  }),
  topic({
    id: 'salut-other',
    parentId: 'technology',
    level: 2,
    organisationId: 'salut',
    name: t('Altres', 'Otros', 'Auti', 'Other'),
    guidance: join(
      t(
        'No trieu «Altres» si al desplegable hi ha una altra opció que encaixi amb la incidència que voleu comunicar: una classificació deficient molt probablement n’endarrerirà la resolució.',
        'No elija «Otros» si en el desplegable hay otra opción que encaje con la incidencia que quiere comunicar: una clasificación deficiente muy probablemente retrasará su resolución.',
        'Non causitgetz «Auti» se ena lista i a ua auta opcion que se corresponne damb era incidéncia que voletz comunicar: ua mauda classificacion, plan probablament, n’endarrerirà era resolucion.',
        'Don’t choose “Other” if another option in the list fits the issue you are reporting: a poor classification will very probably delay its resolution.',
      ),
      SALUT_ADVICE,
    ),
    ticketTypes: ['incident', 'request', 'query'],
    teamId: 'salut-support',
    order: 99,
  }),
];

/* ------------------------------------------------------------------------------------------------
 * 001 — hestia: support "float" button of the Hèstia social-services case-management tool
 * ---------------------------------------------------------------------------------------------- */

const HESTIA_COORDINATOR = t(
  'Cal que ho demani el professional amb el rol Coordinador.',
  'Debe pedirlo el profesional con el rol Coordinador.',
  'Ac a de demanar eth professionau damb eth ròtle Coordinador.',
  'This must be requested by the professional with the Coordinator role.',
);

const coordinatorField: FormFieldDefinition = {
  name: 'coordinator',
  type: 'checkbox',
  required: true,
  label: t(
    'Tinc el rol de Coordinador/a',
    'Tengo el rol de Coordinador/a',
    'È eth ròtle de Coordinador/a',
    'I hold the Coordinator role',
  ),
  help: HESTIA_COORDINATOR,
};

const HESTIA_TOPICS: TopicDefinition[] = [
  topic({
    id: 'hestia-users',
    parentId: 'social-services',
    level: 2,
    organisationId: 'hestia',
    name: t('Usuaris professionals', 'Usuarios profesionales', 'Usatgèrs professionaus', 'Professional users'),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 1,
  }),
  topic({
    id: 'hestia-new-user',
    parentId: 'hestia-users',
    level: 3,
    organisationId: 'hestia',
    name: t('Alta de professional', 'Alta de profesional', 'Alta de professionau', 'New professional user'),
    guidance: t(
      'Indiqueu tots els permisos específics: rol, equip i sector al qual pertany. El mòbil és opcional: no quedarà desat a l’eina i només es fa servir per rebre la contrasenya inicial; si no l’indiqueu, la rebrà per correu electrònic.',
      'Indique todos los permisos específicos: rol, equipo y sector al que pertenece. El móvil es opcional: no quedará guardado en la herramienta y solo se usa para recibir la contraseña inicial; si no lo indica, la recibirá por correo electrónico.',
      'Indicatz toti es permisi especifics: ròtle, equip e sector ath que pertany. Eth mobil ei opcionau: non se guardarà ena aisina e solament s’utilize entà recéber era contrasenha iniciau; se non l’indicatz, la recebrà per corrèu electronic.',
      'Give all the specific permissions: role, team and sector the person belongs to. The mobile number is optional: it is not stored in the tool and is only used to send the initial password; otherwise the password is sent by email.',
    ),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 1,
    fields: [
      {
        name: 'fullName',
        type: 'text',
        required: true,
        label: t('Nom i cognoms', 'Nombre y apellidos', 'Nom e cognoms', 'Full name'),
        maxLength: 200,
      },
      {
        name: 'nationalId',
        type: 'national_id',
        required: true,
        label: t('NIF/NIE/Passaport', 'NIF/NIE/Pasaporte', 'NIF/NIE/Passapòrt', 'NIF/NIE/Passport'),
      },
      {
        name: 'corporateEmail',
        type: 'corporate_email',
        required: true,
        label: t(
          'Correu electrònic personal corporatiu',
          'Correo electrónico personal corporativo',
          'Corrèu electronic personau corporatiu',
          'Personal corporate email',
        ),
        help: t(
          'Ha de ser una adreça personal amb el domini de l’ens.',
          'Debe ser una dirección personal con el dominio de la entidad.',
          'A d’èster ua adreça personau damb eth domeni der ens.',
          'It must be a personal address on the entity’s domain.',
        ),
      },
      {
        name: 'role',
        type: 'select',
        required: true,
        label: t('Rol', 'Rol', 'Ròtle', 'Role'),
        options: [
          option('professional', 'Professional', 'Profesional', 'Professionau', 'Professional'),
          option('coordinator', 'Coordinador/a', 'Coordinador/a', 'Coordinador/a', 'Coordinator'),
          option('administrative', 'Administratiu/va', 'Administrativo/a', 'Administratiu/iva', 'Administrative staff'),
          option(
            'immigration_technician',
            'Tècnic/a d’immigració',
            'Técnico/a de inmigración',
            'Tecnic/a d’immigracion',
            'Immigration technician',
          ),
        ],
      },
      {
        name: 'team',
        type: 'text',
        required: true,
        label: t('Equip', 'Equipo', 'Equip', 'Team'),
        maxLength: 200,
      },
      {
        name: 'sector',
        type: 'text',
        required: true,
        label: t('Sector al qual pertany', 'Sector al que pertenece', 'Sector ath que pertany', 'Sector'),
        maxLength: 200,
      },
      {
        name: 'category',
        type: 'select',
        required: false,
        requiredWhen: { field: 'role', equals: 'immigration_technician' },
        label: t('Categoria', 'Categoría', 'Categoria', 'Category'),
        help: t(
          'Només per al rol Tècnic/a d’immigració: categoria A, B o C (cost a imputar al Fons Social Europeu).',
          'Solo para el rol Técnico/a de inmigración: categoría A, B o C (coste a imputar al Fondo Social Europeo).',
          'Solament entath ròtle Tecnic/a d’immigracion: categoria A, B o C (cost a imputar ath Fons Sociau Europèu).',
          'Only for the Immigration technician role: category A, B or C (cost charged to the European Social Fund).',
        ),
        options: [
          option('A', 'Categoria A', 'Categoría A', 'Categoria A', 'Category A'),
          option('B', 'Categoria B', 'Categoría B', 'Categoria B', 'Category B'),
          option('C', 'Categoria C', 'Categoría C', 'Categoria C', 'Category C'),
        ],
      },
      {
        name: 'mobile',
        type: 'phone',
        required: false,
        transient: true,
        label: t('Mòbil (opcional)', 'Móvil (opcional)', 'Mobil (opcionau)', 'Mobile (optional)'),
        help: t(
          'Només es fa servir per enviar la contrasenya inicial i no es desa enlloc; si no l’indiqueu, la contrasenya arribarà per correu electrònic.',
          'Solo se usa para enviar la contraseña inicial y no se guarda en ningún sitio; si no lo indica, la contraseña llegará por correo electrónico.',
          'Solament s’utilize entà mandar era contrasenha iniciau e non se guarde enlòc; se non l’indicatz, era contrasenha arribarà per corrèu electronic.',
          'Only used to send the initial password and never stored; if you leave it empty, the password is sent by email.',
        ),
      },
    ],
  }),
  topic({
    id: 'hestia-records',
    parentId: 'social-services',
    level: 2,
    organisationId: 'hestia',
    name: t('Fitxes i expedients', 'Fichas y expedientes', 'Fiches e expedients', 'Person records and case files'),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 2,
  }),
  topic({
    id: 'hestia-merge-records',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t('Fusió de fitxes', 'Fusión de fichas', 'Fusion de fiches', 'Merge person records'),
    guidance: t(
      'Cal indicar el nom de les fitxes a fusionar i concretar la que s’ha de mantenir (per exemple, la que té el DNI o la que té el professional referent), per poder diferenciar-les.',
      'Hay que indicar el nombre de las fichas a fusionar y concretar cuál se debe mantener (por ejemplo, la que tiene el DNI o la que tiene el profesional referente), para poder diferenciarlas.',
      'Cau indicar eth nom des fiches de fusionar e concretar quina s’a de mantier (per exemple, era que a eth DNI o era que a eth professionau referent), entà poder diferenciar-les.',
      'Give the names of the records to merge and say which one to keep (for example, the one with the ID number or the one with the lead professional) so they can be told apart.',
    ),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 1,
    fields: [
      {
        name: 'recordsToMerge',
        type: 'textarea',
        required: true,
        label: t('Fitxes a fusionar', 'Fichas a fusionar', 'Fiches de fusionar', 'Records to merge'),
        maxLength: 2000,
      },
      {
        name: 'recordToKeep',
        type: 'text',
        required: true,
        label: t(
          'Fitxa que s’ha de mantenir',
          'Ficha que se debe mantener',
          'Fiche que s’a de mantier',
          'Record to keep',
        ),
        help: t(
          'Per exemple: la que té el DNI, o la que té el professional referent.',
          'Por ejemplo: la que tiene el DNI, o la que tiene el profesional referente.',
          'Per exemple: era que a eth DNI, o era que a eth professionau referent.',
          'For example: the one with the ID number, or the one with the lead professional.',
        ),
        maxLength: 300,
      },
    ],
  }),
  topic({
    id: 'hestia-merge-case-files',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t('Fusió d’expedients', 'Fusión de expedientes', 'Fusion d’expedients', 'Merge case files'),
    guidance: t(
      'Cal indicar els números dels expedients a fusionar i el número del que s’ha de mantenir.',
      'Hay que indicar los números de los expedientes a fusionar y el número del que se debe mantener.',
      'Cau indicar es numèros des expedients de fusionar e eth numèro deth que s’a de mantier.',
      'Give the numbers of the case files to merge and the number of the one to keep.',
    ),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 2,
    fields: [
      {
        name: 'caseNumbers',
        type: 'textarea',
        required: true,
        label: t(
          'Números d’expedient a fusionar',
          'Números de expediente a fusionar',
          'Numèros d’expedient de fusionar',
          'Case file numbers to merge',
        ),
        maxLength: 1000,
      },
      {
        name: 'caseToKeep',
        type: 'text',
        required: true,
        label: t(
          'Número de l’expedient que s’ha de mantenir',
          'Número del expediente que se debe mantener',
          'Numèro der expedient que s’a de mantier',
          'Number of the case file to keep',
        ),
        maxLength: 100,
      },
    ],
  }),
  topic({
    id: 'hestia-mass-transfer',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t(
      'Traspàs massiu d’expedients/fitxes entre professionals',
      'Traspaso masivo de expedientes/fichas entre profesionales',
      'Traspàs massiu d’expedients/fiches entre professionaus',
      'Mass transfer of case files/records between professionals',
    ),
    guidance: t(
      'Si demaneu el traspàs de tots els expedients (oberts i tancats) d’un professional a un altre, cal confirmar també si voleu el traspàs de totes les fitxes (actives i en estat èxitus). Indiqueu també si cal traspassar l’agenda: si no ho confirmeu, només es traspassaran els expedients.',
      'Si pide el traspaso de todos los expedientes (abiertos y cerrados) de un profesional a otro, hay que confirmar también si quiere el traspaso de todas las fichas (activas y en estado éxitus). Indique también si hay que traspasar la agenda: si no lo confirma, solo se traspasarán los expedientes.',
      'Se demanatz eth traspàs de toti es expedients (dubèrti e barradi) d’un professionau a un aute, cau confirmar tanben se voletz eth traspàs de totes es fiches (actives e en estat èxitus). Indicatz tanben se cau traspassar er agenda: se non ac confirmatz, solament se traspassaràn es expedients.',
      'If you ask for all case files (open and closed) to move from one professional to another, also confirm whether all person records (active and deceased) move too. Say as well whether the agenda moves: unless you confirm it, only the case files are transferred.',
    ),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 3,
    fields: [
      {
        name: 'fromProfessional',
        type: 'text',
        required: true,
        label: t('Professional d’origen', 'Profesional de origen', 'Professionau d’origina', 'From professional'),
        maxLength: 200,
      },
      {
        name: 'toProfessional',
        type: 'text',
        required: true,
        label: t(
          'Professional de destinació',
          'Profesional de destino',
          'Professionau de destinacion',
          'To professional',
        ),
        maxLength: 200,
      },
      {
        name: 'caseFilesScope',
        type: 'select',
        required: true,
        label: t(
          'Expedients a traspassar',
          'Expedientes a traspasar',
          'Expedients de traspassar',
          'Case files to transfer',
        ),
        options: [
          option(
            'all',
            'Tots els expedients (oberts i tancats)',
            'Todos los expedientes (abiertos y cerrados)',
            'Toti es expedients (dubèrti e barradi)',
            'All case files (open and closed)',
          ),
          option(
            'listed',
            'Només els expedients que indico',
            'Solo los expedientes que indico',
            'Solament es expedients qu’indiqui',
            'Only the case files I list',
          ),
        ],
      },
      {
        name: 'caseNumbers',
        type: 'textarea',
        required: false,
        requiredWhen: { field: 'caseFilesScope', equals: 'listed' },
        label: t('Números d’expedient', 'Números de expediente', 'Numèros d’expedient', 'Case file numbers'),
        maxLength: 2000,
      },
      {
        name: 'allRecords',
        type: 'select',
        required: false,
        requiredWhen: { field: 'caseFilesScope', equals: 'all' },
        label: t(
          'Traspassar també totes les fitxes?',
          '¿Traspasar también todas las fichas?',
          'Traspassar tanben totes es fiches?',
          'Transfer all person records too?',
        ),
        options: [
          option(
            'yes',
            'Sí, totes les fitxes (actives i en estat èxitus)',
            'Sí, todas las fichas (activas y en estado éxitus)',
            'Òc, totes es fiches (actives e en estat èxitus)',
            'Yes, all records (active and deceased)',
          ),
          option(
            'no',
            'No, només els expedients',
            'No, solo los expedientes',
            'Non, solament es expedients',
            'No, case files only',
          ),
        ],
      },
      {
        name: 'includeAgenda',
        type: 'checkbox',
        required: false,
        label: t(
          'Traspassar també l’agenda',
          'Traspasar también la agenda',
          'Traspassar tanben er agenda',
          'Transfer the agenda too',
        ),
        help: t(
          'Si no ho marqueu, només es traspassaran els expedients.',
          'Si no lo marca, solo se traspasarán los expedientes.',
          'Se non ac marcatz, solament se traspassaràn es expedients.',
          'Unless ticked, only the case files are transferred.',
        ),
      },
    ],
  }),
  topic({
    id: 'hestia-delete-case-files',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t('Esborrar expedients', 'Borrar expedientes', 'Borrar expedients', 'Delete case files'),
    guidance: t(
      'Abans de sol·licitar aquesta acció, reviseu que no hi ha cap informació associada (recursos, tràmits, etc.).',
      'Antes de solicitar esta acción, revise que no haya ninguna información asociada (recursos, trámites, etc.).',
      'Abans de sollicitar aguesta accion, revisatz que non i a cap d’informacion associada (recorsi, tramits, etc.).',
      'Before asking for this, check that nothing is attached to the case files (resources, procedures, etc.).',
    ),
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 4,
    fields: [
      {
        name: 'caseNumbers',
        type: 'textarea',
        required: true,
        label: t(
          'Números d’expedient a esborrar',
          'Números de expediente a borrar',
          'Numèros d’expedient de borrar',
          'Case file numbers to delete',
        ),
        maxLength: 1000,
      },
      {
        name: 'nothingAttached',
        type: 'checkbox',
        required: true,
        label: t(
          'He revisat que els expedients no tenen cap informació associada (recursos, tràmits, etc.)',
          'He revisado que los expedientes no tienen ninguna información asociada (recursos, trámites, etc.)',
          'È revisat que es expedients non an cap d’informacion associada (recorsi, tramits, etc.)',
          'I have checked that nothing is attached to these case files (resources, procedures, etc.)',
        ),
      },
    ],
  }),
  topic({
    id: 'hestia-delete-records',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t('Esborrar fitxes', 'Borrar fichas', 'Borrar fiches', 'Delete person records'),
    guidance: HESTIA_COORDINATOR,
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 5,
    fields: [
      {
        name: 'records',
        type: 'textarea',
        required: true,
        label: t('Fitxes a esborrar', 'Fichas a borrar', 'Fiches de borrar', 'Records to delete'),
        maxLength: 2000,
      },
      coordinatorField,
    ],
  }),
  topic({
    id: 'hestia-transfer-actions',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t(
      'Traspàs d’actuacions, demandes, problemàtiques, recursos i tràmits',
      'Traspaso de actuaciones, demandas, problemáticas, recursos y trámites',
      'Traspàs d’actuacions, demandes, problematiques, recorsi e tramits',
      'Transfer actions, requests, problems, resources and procedures',
    ),
    guidance: HESTIA_COORDINATOR,
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 6,
    fields: [
      {
        name: 'items',
        type: 'textarea',
        required: true,
        label: t(
          'Què cal traspassar i des de quina fitxa o expedient',
          'Qué hay que traspasar y desde qué ficha o expediente',
          'Qué cau traspassar e des de quina fiche o expedient',
          'What to transfer, and from which record or case file',
        ),
        maxLength: 2000,
      },
      {
        name: 'destination',
        type: 'text',
        required: true,
        label: t(
          'Fitxa o expedient de destinació',
          'Ficha o expediente de destino',
          'Fiche o expedient de destinacion',
          'Destination record or case file',
        ),
        maxLength: 200,
      },
      coordinatorField,
    ],
  }),
  topic({
    id: 'hestia-delete-actions',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t(
      'Esborrar actuacions, demandes, problemàtiques, recursos i tràmits',
      'Borrar actuaciones, demandas, problemáticas, recursos y trámites',
      'Borrar actuacions, demandes, problematiques, recorsi e tramits',
      'Delete actions, requests, problems, resources and procedures',
    ),
    guidance: HESTIA_COORDINATOR,
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 7,
    fields: [
      {
        name: 'items',
        type: 'textarea',
        required: true,
        label: t(
          'Què cal esborrar i de quina fitxa o expedient',
          'Qué hay que borrar y de qué ficha o expediente',
          'Qué cau borrar e de quina fiche o expedient',
          'What to delete, and from which record or case file',
        ),
        maxLength: 2000,
      },
      coordinatorField,
    ],
  }),
  topic({
    id: 'hestia-unlink-people',
    parentId: 'hestia-records',
    level: 3,
    organisationId: 'hestia',
    name: t(
      'Desvincular persones d’un expedient',
      'Desvincular personas de un expediente',
      'Desvincular persones d’un expedient',
      'Unlink people from a case file',
    ),
    guidance: HESTIA_COORDINATOR,
    ticketTypes: ['request'],
    teamId: 'hestia-support',
    order: 8,
    fields: [
      {
        name: 'caseNumber',
        type: 'text',
        required: true,
        label: t('Número d’expedient', 'Número de expediente', 'Numèro d’expedient', 'Case file number'),
        maxLength: 100,
      },
      {
        name: 'people',
        type: 'textarea',
        required: true,
        label: t('Persones a desvincular', 'Personas a desvincular', 'Persones de desvincular', 'People to unlink'),
        maxLength: 1000,
      },
      coordinatorField,
    ],
  }),
  topic({
    id: 'hestia-incident',
    parentId: 'social-services',
    level: 2,
    organisationId: 'hestia',
    name: t(
      'Incidència de funcionament',
      'Incidencia de funcionamiento',
      'Incidéncia de foncionament',
      'Something is not working',
    ),
    guidance: t(
      'Problemes coneguts: «No puc afegir una actuació, demanda, recurs… a la fitxa» → reviseu la localitat/municipi que consta a la fitxa personal: ha de ser el mateix de l’expedient. «Error a l’establir connexió amb el servidor» → reviseu si heu posat correctament el nom de la vostra entitat; si és així, reviseu la connectivitat a Internet. «Error en exportar dades a l’Office» → reviseu que teniu instal·lat l’Office 2003 o superior (inclosa l’última versió d’escriptori de 365) i les llibreries necessàries especificades a https://hestia.aoc.cat. Trobareu més informació a la FAQ «Gestió d’incidències» del Portal de Suport d’Hèstia.',
      'Problemas conocidos: «No puedo añadir una actuación, demanda, recurso… a la ficha» → revise la localidad/municipio que consta en la ficha personal: debe ser el mismo del expediente. «Error al establecer conexión con el servidor» → revise si ha escrito correctamente el nombre de su entidad; si es así, revise la conectividad a Internet. «Error al exportar datos a Office» → revise que tiene instalado Office 2003 o superior (incluida la última versión de escritorio de 365) y las librerías necesarias especificadas en https://hestia.aoc.cat. Encontrará más información en la FAQ «Gestión de incidencias» del Portal de Soporte de Hèstia.',
      'Problèmes coneishudi: «Non pogui ajustar ua actuacion, demanda, recors… ena fiche» → revisatz era localitat/municipi que i a ena fiche personau: a d’èster eth madeish der expedient. «Error en establir connexion damb eth servidor» → revisatz s’auetz escrit corrèctament eth nom dera vòstra entitat; s’ei atau, revisatz era connectivitat a Internet. «Error en exportar donades ar Office» → revisatz qu’auetz installat er Office 2003 o superior (includida era darrèra version d’escrivania de 365) e es bibliotèques de besonh especificades en https://hestia.aoc.cat. Trobaratz mès informacion ena FAQ «Gestion d’incidéncies» deth Portau de Supòrt d’Hèstia.',
      'Known problems: “I cannot add an action, request, resource… to the record” → check the town/municipality on the person’s record: it must be the same as the case file’s. “Error connecting to the server” → check that you typed your entity’s name correctly; if so, check your Internet connection. “Error exporting data to Office” → check that Office 2003 or later is installed (including the latest desktop version of 365) with the libraries listed at https://hestia.aoc.cat. More in the “Incident management” FAQ on the Hèstia support portal.',
    ),
    ticketTypes: ['incident'],
    teamId: 'hestia-support',
    order: 3,
    fields: [
      {
        name: 'errorMessage',
        type: 'textarea',
        required: false,
        label: t('Missatge d’error', 'Mensaje de error', 'Messatge d’error', 'Error message'),
        maxLength: 2000,
      },
      {
        name: 'reference',
        type: 'text',
        required: false,
        label: t(
          'Fitxa o expedient afectat',
          'Ficha o expediente afectado',
          'Fiche o expedient afectat',
          'Affected record or case file',
        ),
        maxLength: 200,
      },
    ],
  }),
  topic({
    id: 'hestia-query',
    parentId: 'social-services',
    level: 2,
    organisationId: 'hestia',
    name: t('Consulta d’ús', 'Consulta de uso', 'Consulta d’usatge', 'How-to question'),
    ticketTypes: ['query'],
    teamId: 'hestia-support',
    order: 4,
  }),
];

/* ------------------------------------------------------------------------------------------------
 * 002 — dipu: the provincial council's IT incident channel for local entities
 * ---------------------------------------------------------------------------------------------- */

const DIPU_TYPES = t(
  'Incidència = acció urgent. Petició = acció a planificar o suggeriment. Indiqueu bé la categoria perquè l’atengui l’equip tècnic adequat, no oblideu indicar el grau d’impacte a la vostra organització i adjunteu els documents que ajudin a entendre-la. També podeu trucar a l’atenció telefònica de Batlia Respon.',
  'Incidencia = acción urgente. Petición = acción a planificar o sugerencia. Indique bien la categoría para que la atienda el equipo técnico adecuado, no olvide indicarnos el grado de impacto en su organización y adjunte los documentos que ayuden a entenderla. También puede llamar a la atención telefónica de Batlia Respon.',
  'Incidéncia = accion urgenta. Demanda = accion de planificar o suggeriment. Indicatz ben era categoria entà que l’atenga er equip tecnic adequat, non desbrembetz d’indicar eth grad d’impacte ena vòstra organizacion e ajustatz es documents que ajuden a compréner-la. Tanben podetz telefonar ar atencion telefonica de Batlia Respon.',
  'Incident = urgent action. Request = action to plan, or a suggestion. Pick the category carefully so the right technical team handles it, don’t forget to tell us the impact on your organisation, and attach any documents that help explain it. You can also call the Batlia Respon phone line.',
);

const DIPU_TOPICS: TopicDefinition[] = [
  topic({
    id: 'dipu-web-portals',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t('Portals web', 'Portales web', 'Portaus web', 'Web portals'),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-web',
    order: 1,
    fields: [
      {
        name: 'pageUrl',
        type: 'text',
        required: false,
        label: t(
          'Adreça de la pàgina afectada',
          'Dirección de la página afectada',
          'Adreça dera pagina afectada',
          'Address of the affected page',
        ),
        maxLength: 500,
      },
    ],
  }),
  topic({
    id: 'dipu-accounting',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t('Comptabilitat', 'Contabilidad', 'Comptabilitat', 'Accounting'),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-accounting',
    order: 2,
    fields: [
      {
        name: 'module',
        type: 'select',
        required: false,
        label: t('Mòdul', 'Módulo', 'Mòdul', 'Module'),
        options: [
          option('budget', 'Pressupost', 'Presupuesto', 'Pressupòst', 'Budget'),
          option('invoices', 'Factures', 'Facturas', 'Factures', 'Invoices'),
          option('treasury', 'Tresoreria', 'Tesorería', 'Tresoreria', 'Treasury'),
          option(
            'closing',
            'Tancament i liquidació',
            'Cierre y liquidación',
            'Barrada e liquidacion',
            'Year-end closing',
          ),
        ],
      },
      {
        name: 'fiscalYear',
        type: 'number',
        required: false,
        label: t('Exercici', 'Ejercicio', 'Exercici', 'Financial year'),
        min: 2000,
        max: 2100,
      },
    ],
  }),
  topic({
    id: 'dipu-municipal-apps',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t('Aplicacions municipals', 'Aplicaciones municipales', 'Aplicacions municipaus', 'Municipal applications'),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-municipal-apps',
    order: 3,
    fields: [
      {
        name: 'application',
        type: 'text',
        required: true,
        label: t('Aplicació', 'Aplicación', 'Aplicacion', 'Application'),
        help: t('Per exemple, iPobles.', 'Por ejemplo, iPobles.', 'Per exemple, iPobles.', 'For example, iPobles.'),
        maxLength: 100,
      },
    ],
  }),
  topic({
    id: 'dipu-eadmin-platform',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'dipu',
    name: t(
      'Plataforma d’administració electrònica',
      'Plataforma de administración electrónica',
      'Plataforma d’administracion electronica',
      'E-administration platform',
    ),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-eadmin',
    order: 4,
    fields: [
      {
        name: 'fileNumber',
        type: 'text',
        required: false,
        label: t('Número d’expedient', 'Número de expediente', 'Numèro d’expedient', 'Case file number'),
        maxLength: 100,
      },
    ],
  }),
  topic({
    id: 'dipu-systems',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t(
      'Equips, xarxa i correu',
      'Equipos, red y correo',
      'Equipaments, ret e corrèu',
      'Computers, network and email',
    ),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-systems',
    order: 5,
  }),
  topic({
    id: 'dipu-suggestion',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t('Suggeriments', 'Sugerencias', 'Suggeriments', 'Suggestions'),
    guidance: t(
      'Els suggeriments es tramiten com a petició: una acció a planificar.',
      'Las sugerencias se tramitan como petición: una acción a planificar.',
      'Es suggeriments se tramiten coma demanda: ua accion de planificar.',
      'Suggestions are handled as requests: an action to plan.',
    ),
    ticketTypes: ['request'],
    teamId: 'dipu-service-desk',
    order: 6,
  }),
  topic({
    id: 'dipu-other',
    parentId: 'technology',
    level: 2,
    organisationId: 'dipu',
    name: t('Altres', 'Otros', 'Auti', 'Other'),
    guidance: DIPU_TYPES,
    ticketTypes: ['incident', 'request'],
    teamId: 'dipu-service-desk',
    order: 99,
  }),
];

/* ------------------------------------------------------------------------------------------------
 * 003 — gencat: the regional government's citizen queries, complaints and suggestions
 * ---------------------------------------------------------------------------------------------- */

const GENCAT_TYPES: TopicDefinition['ticketTypes'] = ['query', 'complaint', 'suggestion'];

const municipalityField = (required: boolean): FormFieldDefinition => ({
  name: 'municipality',
  type: 'text',
  required,
  label: t('Municipi', 'Municipio', 'Municipi', 'Municipality'),
  maxLength: 100,
});

const licenceNumberField: FormFieldDefinition = {
  name: 'licenceNumber',
  type: 'text',
  required: false,
  label: t('Número de llicència', 'Número de licencia', 'Numèro de licéncia', 'Licence number'),
  help: t('Si ja en teniu una.', 'Si ya tiene una.', 'S’ja n’auetz ua.', 'If you already hold one.'),
  maxLength: 50,
};

const GENCAT_TOPICS: TopicDefinition[] = [
  // Department of Education
  topic({
    id: 'gencat-education-enrolment',
    parentId: 'education',
    level: 2,
    organisationId: 'gencat',
    name: t(
      'Preinscripció i matrícula',
      'Preinscripción y matrícula',
      'Preinscripcion e matricula',
      'Pre-enrolment and enrolment',
    ),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-education',
    order: 1,
  }),
  topic({
    id: 'gencat-education-enrolment-schools',
    parentId: 'gencat-education-enrolment',
    level: 3,
    organisationId: 'gencat',
    name: t('Escoles i instituts', 'Escuelas e institutos', 'Escòles e instituts', 'Primary and secondary schools'),
    guidance: t(
      'Indiqueu l’etapa i el municipi del centre. No hi incloeu dades de salut de l’alumne.',
      'Indique la etapa y el municipio del centro. No incluya datos de salud del alumno.',
      'Indicatz era etapa e eth municipi deth centre. Non i incluigatz donades de salut der alumne.',
      'Tell us the stage and the school’s municipality. Don’t include any health data about the pupil.',
    ),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-education',
    order: 1,
    fields: [
      {
        name: 'stage',
        type: 'select',
        required: true,
        label: t('Etapa', 'Etapa', 'Etapa', 'Stage'),
        options: [
          option('infant', 'Educació infantil', 'Educación infantil', 'Educacion infantil', 'Early years'),
          option('primary', 'Primària', 'Primaria', 'Primària', 'Primary'),
          option('secondary', 'ESO', 'ESO', 'ESO', 'Compulsory secondary (ESO)'),
          option('baccalaureate', 'Batxillerat', 'Bachillerato', 'Bachelierat', 'Baccalaureate'),
        ],
      },
      municipalityField(false),
    ],
  }),
  topic({
    id: 'gencat-education-enrolment-vocational',
    parentId: 'gencat-education-enrolment',
    level: 3,
    organisationId: 'gencat',
    name: t('Formació professional', 'Formación profesional', 'Formacion professionau', 'Vocational training'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-education',
    order: 2,
    fields: [
      {
        name: 'course',
        type: 'text',
        required: false,
        label: t('Cicle formatiu', 'Ciclo formativo', 'Cicle formatiu', 'Course'),
        maxLength: 200,
      },
    ],
  }),
  topic({
    id: 'gencat-education-grants',
    parentId: 'education',
    level: 2,
    organisationId: 'gencat',
    name: t('Beques i ajuts a l’estudi', 'Becas y ayudas al estudio', 'Bèques e ajudes entà estudiar', 'Study grants'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-education',
    order: 2,
  }),
  topic({
    id: 'gencat-education-grants-canteen',
    parentId: 'gencat-education-grants',
    level: 3,
    organisationId: 'gencat',
    name: t('Ajuts de menjador', 'Ayudas de comedor', 'Ajudes de minjador', 'School meal grants'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-education',
    order: 1,
    fields: [
      {
        name: 'schoolYear',
        type: 'text',
        required: false,
        label: t('Curs escolar', 'Curso escolar', 'Cors escolar', 'School year'),
        help: t(
          'Per exemple, 2025-2026.',
          'Por ejemplo, 2025-2026.',
          'Per exemple, 2025-2026.',
          'For example, 2025-2026.',
        ),
        maxLength: 20,
      },
      municipalityField(false),
    ],
  }),
  // Department of the Environment
  topic({
    id: 'gencat-environment-hunting-fishing',
    parentId: 'environment',
    level: 2,
    organisationId: 'gencat',
    name: t('Caça i pesca', 'Caza y pesca', 'Caça e pesca', 'Hunting and fishing'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-environment',
    order: 1,
  }),
  topic({
    id: 'gencat-environment-fishing-licence',
    parentId: 'gencat-environment-hunting-fishing',
    level: 3,
    organisationId: 'gencat',
    name: t(
      'Llicència de pesca recreativa',
      'Licencia de pesca recreativa',
      'Licéncia de pesca recreativa',
      'Recreational fishing licence',
    ),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-environment',
    order: 1,
    fields: [licenceNumberField],
  }),
  topic({
    id: 'gencat-environment-hunting-licence',
    parentId: 'gencat-environment-hunting-fishing',
    level: 3,
    organisationId: 'gencat',
    name: t('Llicència de caça', 'Licencia de caza', 'Licéncia de caça', 'Hunting licence'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-environment',
    order: 2,
    fields: [licenceNumberField],
  }),
  topic({
    id: 'gencat-environment-waste',
    parentId: 'environment',
    level: 2,
    organisationId: 'gencat',
    name: t('Residus i reciclatge', 'Residuos y reciclaje', 'Residus e reciclatge', 'Waste and recycling'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-environment',
    order: 2,
  }),
  topic({
    id: 'gencat-environment-illegal-dumping',
    parentId: 'gencat-environment-waste',
    level: 3,
    organisationId: 'gencat',
    name: t('Abocaments incontrolats', 'Vertidos incontrolados', 'Abocaments incontrolats', 'Illegal dumping'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-environment',
    order: 1,
    fields: [
      municipalityField(true),
      {
        name: 'location',
        type: 'text',
        required: false,
        label: t('Lloc exacte', 'Lugar exacto', 'Lòc exacte', 'Exact location'),
        maxLength: 300,
      },
    ],
  }),
  // Organisational topics: staff classify with them; requesters never see them.
  topic({
    id: 'gencat-transfer-012',
    parentId: 'citizen-attention',
    level: 2,
    organisationId: 'gencat',
    internal: true,
    name: t(
      'Transferència des del 012',
      'Transferencia desde el 012',
      'Transferéncia des deth 012',
      'Transferred from 012',
    ),
    guidance: t(
      'Consultes telefòniques que el 012 transfereix al departament.',
      'Consultas telefónicas que el 012 transfiere al departamento.',
      'Consultes telefoniques qu’eth 012 transferís ath departament.',
      'Phone queries that 012 transfers to the department.',
    ),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-central',
    order: 90,
  }),
  topic({
    id: 'gencat-escalation-department',
    parentId: 'citizen-attention',
    level: 2,
    organisationId: 'gencat',
    internal: true,
    name: t(
      'Escalat al departament',
      'Escalado al departamento',
      'Escalat ath departament',
      'Escalation to department',
    ),
    guidance: t(
      'Per al tractament en diferit, pel departament, de consultes entrades pel 012, el web o les oficines d’atenció ciutadana. Cal respectar els compromisos de temps màxim de resposta.',
      'Para el tratamiento en diferido, por el departamento, de consultas entradas por el 012, la web o las oficinas de atención ciudadana. Hay que respetar los compromisos de tiempo máximo de respuesta.',
      'Entath tractament en diferit, peth departament, de consultes entrades peth 012, eth web o es oficines d’atencion ara ciutadania. Cau respectar es compromisi de temps maxim de responsa.',
      'For deferred handling, by the department, of queries received by 012, the website or citizen offices. Maximum response-time commitments apply.',
    ),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-central',
    order: 91,
  }),
  topic({
    id: 'gencat-duplicate-spam',
    parentId: 'citizen-attention',
    level: 2,
    organisationId: 'gencat',
    internal: true,
    name: t('Duplicada o correu brossa', 'Duplicada o correo basura', 'Duplicada o spam', 'Duplicate or spam'),
    ticketTypes: GENCAT_TYPES,
    teamId: 'gencat-central',
    order: 92,
  }),
  topic({
    id: 'gencat-contact-form-request',
    parentId: 'citizen-attention',
    level: 2,
    organisationId: 'gencat',
    internal: true,
    name: t(
      'Formularis de contacte, temes i usuaris',
      'Formularios de contacto, temas y usuarios',
      'Formularis de contacte, tèmes e usatgèrs',
      'Contact forms, topics and users',
    ),
    guidance: t(
      'Procediment: 1) el departament fa la petició a la DGAC indicant el web i els temes que vol mostrar; 2) la DGAC la revisa i, un cop autoritzada, indica els documents a omplir; 3) el departament publica al seu servidor la plantilla HTML (capçalera i peu) en català, castellà, aranès i anglès; 4) omple la plantilla de parametrització i obre una petició a l’oficina tècnica adjuntant-la; 5) l’OT GSIT dona d’alta el formulari; 6) l’OT GSIT retorna l’URL del formulari en cada idioma; 7) el departament actualitza l’enllaç de la bústia de contacte. Els canvis de temes i d’usuaris es demanen igual, amb les plantilles corresponents.',
      'Procedimiento: 1) el departamento hace la petición a la DGAC indicando la web y los temas que quiere mostrar; 2) la DGAC la revisa y, una vez autorizada, indica los documentos a rellenar; 3) el departamento publica en su servidor la plantilla HTML (cabecera y pie) en catalán, castellano, aranés e inglés; 4) rellena la plantilla de parametrización y abre una petición a la oficina técnica adjuntándola; 5) la OT GSIT da de alta el formulario; 6) la OT GSIT devuelve la URL del formulario en cada idioma; 7) el departamento actualiza el enlace del buzón de contacto. Los cambios de temas y de usuarios se piden igual, con las plantillas correspondientes.',
      'Procediment: 1) eth departament hè era demanda ara DGAC en tot indicar eth web e es tèmes que vò mostrar; 2) era DGAC la revise e, un còp autorizada, indique es documents d’emplenar; 3) eth departament publique en sòn servidor era plantilha HTML (capçalera e pè) en catalan, castelhan, aranés e anglés; 4) emplene era plantilha de parametrizacion e daurís ua demanda ara oficina tecnica en tot ajustar-la; 5) era OT GSIT da d’alta eth formulari; 6) era OT GSIT tòrne era URL deth formulari en cada lengua; 7) eth departament actualize eth ligam dera bóstia de contacte. Es cambis de tèmes e d’usatgèrs se demanen atau madeish, damb es plantilhes corresponentes.',
      'Procedure: 1) the department asks the directorate (DGAC), naming the website and the topics to show; 2) DGAC reviews it and, once authorised, says which documents to fill in; 3) the department publishes an HTML template (header and footer) in Catalan, Spanish, Aranese and English on its server; 4) it fills in the parametrisation template and opens a request to the technical office, attaching it; 5) the technical office (OT GSIT) sets up the form; 6) OT GSIT hands back the form’s URL in each language; 7) the department updates its contact link. Changes to topics and users are requested the same way, with the matching templates.',
    ),
    ticketTypes: ['request'],
    teamId: 'gencat-central',
    order: 93,
    fields: [
      {
        name: 'requestKind',
        type: 'select',
        required: true,
        label: t('Què demaneu?', '¿Qué pide?', 'Qué demanatz?', 'What are you asking for?'),
        options: [
          option(
            'new_form',
            'Un formulari de contacte nou',
            'Un formulario de contacto nuevo',
            'Un formulari de contacte nau',
            'A new contact form',
          ),
          option(
            'change_form',
            'Modificar un formulari existent',
            'Modificar un formulario existente',
            'Modificar un formulari existent',
            'Changes to an existing form',
          ),
          option(
            'topics',
            'Alta, canvi o baixa de temes',
            'Alta, cambio o baja de temas',
            'Alta, cambi o baisha de tèmes',
            'Adding, changing or removing topics',
          ),
          option(
            'users',
            'Alta o baixa d’usuaris',
            'Alta o baja de usuarios',
            'Alta o baisha d’usatgèrs',
            'Adding or removing users',
          ),
        ],
      },
      {
        name: 'website',
        type: 'text',
        required: false,
        requiredWhen: { field: 'requestKind', equals: 'new_form' },
        label: t('Web departamental', 'Web departamental', 'Web departamentau', 'Department website'),
        maxLength: 300,
      },
      {
        name: 'details',
        type: 'textarea',
        required: true,
        label: t(
          'Temes, usuaris o canvis que demaneu',
          'Temas, usuarios o cambios que pide',
          'Tèmes, usatgèrs o cambis que demanatz',
          'Topics, users or changes requested',
        ),
        maxLength: 5000,
      },
    ],
  }),
];

/* ------------------------------------------------------------------------------------------------
 * 004 — oac360: the town hall's e-administration assistance service (OAC 360)
 * ---------------------------------------------------------------------------------------------- */

const OAC_CHANNELS = t(
  'Servei gratuït. Telèfon gratuït de dilluns a divendres de 8.00 a 20.00 h, amb atenció immediata. Les consultes per correu electrònic i les sol·licituds «Truca’m» es responen el mateix dia o el dia hàbil següent. No s’inclouen els problemes tecnològics dels vostres equips o dispositius.',
  'Servicio gratuito. Teléfono gratuito de lunes a viernes de 8.00 a 20.00 h, con atención inmediata. Las consultas por correo electrónico y las solicitudes «Llámame» se responden el mismo día o el día hábil siguiente. No se incluyen los problemas tecnológicos de sus equipos o dispositivos.',
  'Servici de bades. Telefòn de bades de deluns a diuendres de 8.00 a 20.00 h, damb atencion immediata. Es consultes per corrèu electronic e es sollicituds «Truca’m» se responen eth madeish dia o eth dia laborable següent. Non i son includidi es problèmes tecnologics des vòsti equipaments o dispositius.',
  'A free service. Free phone line Monday to Friday, 8:00–20:00, answered immediately. Email queries and “Call me” requests are answered the same or the next business day. Problems with your own computers or devices are not covered.',
);

const OAC_TYPES: TopicDefinition['ticketTypes'] = ['query', 'callback'];

const procedureField: FormFieldDefinition = {
  name: 'procedure',
  type: 'text',
  required: false,
  label: t('Tràmit', 'Trámite', 'Tramit', 'Procedure'),
  maxLength: 200,
};

const OAC_TOPICS: TopicDefinition[] = [
  topic({
    id: 'oac360-digital-certificates',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Certificats digitals (idCAT, instal·lació…)',
      'Certificados digitales (idCAT, instalación…)',
      'Certificats digitaus (idCAT, installacion…)',
      'Digital certificates (idCAT, installation…)',
    ),
    guidance: OAC_CHANNELS,
    ticketTypes: OAC_TYPES,
    teamId: 'oac360-agents',
    order: 1,
    fields: [
      {
        name: 'certificateType',
        type: 'select',
        required: false,
        label: t('Tipus de certificat', 'Tipo de certificado', 'Tipe de certificat', 'Certificate type'),
        options: [
          option('idcat_certificate', 'Certificat idCAT', 'Certificado idCAT', 'Certificat idCAT', 'idCAT certificate'),
          option('idcat_mobile', 'idCAT Mòbil', 'idCAT Móvil', 'idCAT Mobil', 'idCAT Mobile'),
          option('fnmt', 'Certificat de la FNMT', 'Certificado de la FNMT', 'Certificat dera FNMT', 'FNMT certificate'),
          option('dnie', 'DNI electrònic', 'DNI electrónico', 'DNI electronic', 'Electronic ID card (DNIe)'),
          option('unknown', 'Un altre / no ho sé', 'Otro / no lo sé', 'Un aute / non ac sai', 'Another / I don’t know'),
        ],
      },
    ],
  }),
  topic({
    id: 'oac360-electronic-office',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Presentar una instància a la seu electrònica',
      'Presentar una instancia en la sede electrónica',
      'Presentar ua instància ena sèu electronica',
      'Filing an application in the electronic office',
    ),
    guidance: OAC_CHANNELS,
    ticketTypes: OAC_TYPES,
    teamId: 'oac360-agents',
    order: 2,
    fields: [procedureField],
  }),
  topic({
    id: 'oac360-grants',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Sol·licitar una subvenció',
      'Solicitar una subvención',
      'Sollicitar ua subvencion',
      'Applying for a grant',
    ),
    guidance: OAC_CHANNELS,
    ticketTypes: OAC_TYPES,
    teamId: 'oac360-agents',
    order: 3,
    fields: [
      {
        name: 'grantName',
        type: 'text',
        required: false,
        label: t('Subvenció o convocatòria', 'Subvención o convocatoria', 'Subvencion o convocatòria', 'Grant or call'),
        maxLength: 200,
      },
    ],
  }),
  topic({
    id: 'oac360-procurement',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Plataformes de contractació',
      'Plataformas de contratación',
      'Plataformes de contractacion',
      'Public procurement platforms',
    ),
    guidance: OAC_CHANNELS,
    ticketTypes: OAC_TYPES,
    teamId: 'oac360-agents',
    order: 4,
    fields: [
      {
        name: 'tenderReference',
        type: 'text',
        required: false,
        label: t(
          'Expedient de la licitació',
          'Expediente de la licitación',
          'Expedient dera licitacion',
          'Tender reference',
        ),
        maxLength: 100,
      },
    ],
  }),
  topic({
    id: 'oac360-notifications',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Notificacions electròniques',
      'Notificaciones electrónicas',
      'Notificacions electroniques',
      'Electronic notifications',
    ),
    guidance: OAC_CHANNELS,
    ticketTypes: OAC_TYPES,
    teamId: 'oac360-agents',
    order: 5,
  }),
  topic({
    id: 'oac360-platform-fault',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Incidència en la tramitació electrònica',
      'Incidencia en la tramitación electrónica',
      'Incidéncia ena tramitacion electronica',
      'Problem with an online procedure',
    ),
    guidance: join(
      t(
        'L’OAC 360 us atén en primer nivell. Si el problema és un mal funcionament de les plataformes electròniques o dels seus documents i formularis, el derivarem als serveis tècnics de l’Ajuntament.',
        'La OAC 360 le atiende en primer nivel. Si el problema es un mal funcionamiento de las plataformas electrónicas o de sus documentos y formularios, lo derivaremos a los servicios técnicos del Ayuntamiento.',
        'Era OAC 360 vos aten en prumèr nivèu. Se eth problèma ei un mau foncionament des plataformes electroniques o des sòns documents e formularis, lo derivaram as servicis tecnics der Ajuntament.',
        'OAC 360 gives first-level support. If the problem is a fault in the electronic platforms or in their documents and forms, we forward it to the town hall’s technical services.',
      ),
      OAC_CHANNELS,
    ),
    ticketTypes: ['incident', 'query', 'callback'],
    teamId: 'oac360-agents',
    order: 6,
    fields: [
      procedureField,
      {
        name: 'errorMessage',
        type: 'textarea',
        required: false,
        label: t('Missatge d’error', 'Mensaje de error', 'Messatge d’error', 'Error message'),
        maxLength: 2000,
      },
    ],
  }),
  topic({
    id: 'oac360-callback',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Truca’m: demaneu que us truquem',
      'Llámame: pida que le llamemos',
      'Truca’m: demanatz que vos telefonem',
      'Call me: ask us to call you back',
    ),
    guidance: t(
      'Trieu si voleu que us truquem al matí (de 8 a 14 h) o a la tarda (de 14 a 20 h). Us trucarem el mateix dia o el dia hàbil següent.',
      'Elija si quiere que le llamemos por la mañana (de 8 a 14 h) o por la tarde (de 14 a 20 h). Le llamaremos el mismo día o el día hábil siguiente.',
      'Causitgetz se voletz que vos telefonem peth maitin (de 8 a 14 h) o pera tarde (de 14 a 20 h). Vos telefonaram eth madeish dia o eth dia laborable següent.',
      'Choose whether we should call you in the morning (8:00–14:00) or the afternoon (14:00–20:00). We will call you the same or the next business day.',
    ),
    ticketTypes: ['callback'],
    teamId: 'oac360-agents',
    order: 7,
    fields: [
      {
        name: 'about',
        type: 'select',
        required: true,
        label: t(
          'Sobre què voleu que us truquem?',
          '¿Sobre qué quiere que le llamemos?',
          'Sus qué voletz que vos telefonem?',
          'What should we call you about?',
        ),
        options: [
          option(
            'certificates',
            'Certificats digitals',
            'Certificados digitales',
            'Certificats digitaus',
            'Digital certificates',
          ),
          option(
            'application',
            'Presentar una instància',
            'Presentar una instancia',
            'Presentar ua instància',
            'Filing an application',
          ),
          option('grant', 'Subvencions', 'Subvenciones', 'Subvencions', 'Grants'),
          option('procurement', 'Contractació', 'Contratación', 'Contractacion', 'Procurement'),
          option('notifications', 'Notificacions', 'Notificaciones', 'Notificacions', 'Notifications'),
          option('other', 'Una altra cosa', 'Otra cosa', 'Ua auta causa', 'Something else'),
        ],
      },
    ],
  }),
  topic({
    id: 'oac360-service-feedback',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    name: t(
      'Disconformitat o suggeriment sobre el servei',
      'Disconformidad o sugerencia sobre el servicio',
      'Desconformitat o suggeriment sus eth servici',
      'Complaint or suggestion about the service',
    ),
    ticketTypes: ['complaint', 'suggestion'],
    teamId: 'oac360-agents',
    order: 8,
  }),
  topic({
    id: 'oac360-forward-technical-services',
    parentId: 'e-administration',
    level: 2,
    organisationId: 'oac360',
    internal: true,
    name: t(
      'Derivació als serveis tècnics',
      'Derivación a los servicios técnicos',
      'Derivacion as servicis tecnics',
      'Forwarded to technical services',
    ),
    guidance: t(
      'Incidències que no són de primer nivell: mal funcionament de les plataformes electròniques o de la documentació i els formularis que contenen.',
      'Incidencias que no son de primer nivel: mal funcionamiento de las plataformas electrónicas o de la documentación y los formularios que contienen.',
      'Incidéncies que non son de prumèr nivèu: mau foncionament des plataformes electroniques o dera documentacion e es formularis que contien.',
      'Issues beyond first level: faults in the electronic platforms or in the documents and forms they contain.',
    ),
    ticketTypes: ['incident'],
    teamId: 'oac360-technical-services',
    order: 90,
  }),
];

/* ------------------------------------------------------------------------------------------------
 * The catalogue
 * ---------------------------------------------------------------------------------------------- */

export const DEMO_CATALOGUE: Catalogue = Catalogue.parse({
  organisations: [
    {
      id: 'salut',
      name: t(
        'Agència provincial de salut pública — Centre de Suport',
        'Agencia provincial de salud pública — Centro de Soporte',
        'Agéncia provinciau de salut publica — Centre de Supòrt',
        'Provincial public health agency — Support centre',
      ),
      ticketPrefix: 'SALUT',
      emailDomains: ['salut.example.cat'],
      calendar: DEMO_CALENDARS['office-hours'],
      slaPolicy: NEXT_DAY_POLICY,
      reopenWindowDays: 7,
      languages: ['ca', 'es'],
    },
    {
      id: 'hestia',
      name: t(
        'Hèstia — suport als serveis socials',
        'Hèstia — soporte a los servicios sociales',
        'Hèstia — supòrt as servicis sociaus',
        'Hèstia — social services support',
      ),
      ticketPrefix: 'HESTIA',
      emailDomains: ['hestia.example.cat', 'ajuntament.example.cat'],
      calendar: DEMO_CALENDARS['office-hours'],
      slaPolicy: NEXT_DAY_POLICY,
      reopenWindowDays: 7,
      languages: ['ca', 'es'],
    },
    {
      id: 'dipu',
      name: t(
        'Diputació — incidències informàtiques d’entitats locals',
        'Diputación — incidencias informáticas de entidades locales',
        'Diputacion — incidéncies informatiques d’entitats locaus',
        'Provincial council — IT incidents for local entities',
      ),
      ticketPrefix: 'DIPU',
      emailDomains: ['dipu.example.es', 'ayuntamiento.example.es'],
      calendar: DEMO_CALENDARS['office-hours'],
      slaPolicy: DIPU_POLICY,
      reopenWindowDays: 15,
      languages: ['es', 'ca'],
    },
    {
      id: 'gencat',
      name: t(
        'Generalitat de Catalunya — Bústia de contacte',
        'Generalitat de Cataluña — Buzón de contacto',
        'Generalitat de Catalonha — Bóstia de contacte',
        'Government of Catalonia — Contact mailbox',
      ),
      ticketPrefix: 'GENCAT',
      emailDomains: ['gencat.example.cat'],
      calendar: DEMO_CALENDARS['office-hours'],
      slaPolicy: NEXT_DAY_POLICY,
      reopenWindowDays: 15,
      languages: ['ca', 'es', 'oc', 'en'],
    },
    {
      id: 'oac360',
      name: t(
        'OAC 360 — assistència per a la tramitació electrònica',
        'OAC 360 — asistencia para la tramitación electrónica',
        'OAC 360 — assisténcia entara tramitacion electronica',
        'OAC 360 — e-administration assistance',
      ),
      ticketPrefix: 'OAC',
      emailDomains: ['ajuntament360.example.cat'],
      calendar: DEMO_CALENDARS['oac360-callback'],
      slaPolicy: NEXT_DAY_POLICY,
      reopenWindowDays: 7,
      languages: ['ca', 'es'],
    },
  ],
  teams: [
    {
      id: 'salut-support',
      organisationId: 'salut',
      level: 1,
      name: t('Centre de Suport', 'Centro de Soporte', 'Centre de Supòrt', 'Support centre'),
    },
    {
      id: 'salut-applications',
      organisationId: 'salut',
      level: 2,
      name: t(
        'Equip tècnic d’aplicacions',
        'Equipo técnico de aplicaciones',
        'Equip tecnic d’aplicacions',
        'Applications technical team',
      ),
    },
    {
      id: 'salut-systems',
      organisationId: 'salut',
      level: 2,
      name: t(
        'Sistemes i comunicacions',
        'Sistemas y comunicaciones',
        'Sistèmes e comunicacions',
        'Systems and communications',
      ),
    },
    {
      id: 'hestia-support',
      organisationId: 'hestia',
      level: 1,
      // Hèstia's support shares its tickets out as they come in: nobody picks from a queue.
      assignment: 'automatic',
      name: t('Suport Hèstia', 'Soporte Hèstia', 'Supòrt Hèstia', 'Hèstia support'),
    },
    {
      id: 'hestia-technical',
      organisationId: 'hestia',
      level: 2,
      name: t('Equip tècnic d’Hèstia', 'Equipo técnico de Hèstia', 'Equip tecnic d’Hèstia', 'Hèstia technical team'),
    },
    {
      id: 'dipu-service-desk',
      organisationId: 'dipu',
      level: 1,
      name: t(
        'Atenció a entitats locals',
        'Atención a entidades locales',
        'Atencion as entitats locaus',
        'Local entities service desk',
      ),
    },
    {
      id: 'dipu-web',
      organisationId: 'dipu',
      level: 2,
      name: t('Portals web', 'Portales web', 'Portaus web', 'Web portals'),
    },
    {
      id: 'dipu-accounting',
      organisationId: 'dipu',
      level: 2,
      name: t('Comptabilitat', 'Contabilidad', 'Comptabilitat', 'Accounting'),
    },
    {
      id: 'dipu-municipal-apps',
      organisationId: 'dipu',
      level: 2,
      name: t('Aplicacions municipals', 'Aplicaciones municipales', 'Aplicacions municipaus', 'Municipal applications'),
    },
    {
      id: 'dipu-eadmin',
      organisationId: 'dipu',
      level: 2,
      name: t(
        'Administració electrònica',
        'Administración electrónica',
        'Administracion electronica',
        'E-administration',
      ),
    },
    {
      id: 'dipu-systems',
      organisationId: 'dipu',
      level: 2,
      name: t(
        'Sistemes, xarxa i correu',
        'Sistemas, red y correo',
        'Sistèmes, ret e corrèu',
        'Systems, network and email',
      ),
    },
    {
      id: 'gencat-central',
      organisationId: 'gencat',
      level: 1,
      name: t(
        'Servei central d’atenció ciutadana (012)',
        'Servicio central de atención ciudadana (012)',
        'Servici centrau d’atencion ara ciutadania (012)',
        'Central citizen attention service (012)',
      ),
    },
    {
      id: 'gencat-education',
      organisationId: 'gencat',
      level: 2,
      name: t(
        'Departament d’Educació',
        'Departamento de Educación',
        'Departament d’Educacion',
        'Department of Education',
      ),
    },
    {
      id: 'gencat-environment',
      organisationId: 'gencat',
      level: 2,
      name: t(
        'Departament de Medi Ambient',
        'Departamento de Medio Ambiente',
        'Departament de Mèdi Ambient',
        'Department of the Environment',
      ),
    },
    {
      id: 'oac360-agents',
      organisationId: 'oac360',
      level: 1,
      name: t('Agents de l’OAC 360', 'Agentes de la OAC 360', 'Agents dera OAC 360', 'OAC 360 agents'),
    },
    {
      id: 'oac360-technical-services',
      organisationId: 'oac360',
      level: 2,
      name: t(
        'Serveis tècnics de l’Ajuntament',
        'Servicios técnicos del Ayuntamiento',
        'Servicis tecnics der Ajuntament',
        'Town hall technical services',
      ),
    },
  ],
  topics: [...SHARED_LEVEL_1, ...SALUT_TOPICS, ...HESTIA_TOPICS, ...DIPU_TOPICS, ...GENCAT_TOPICS, ...OAC_TOPICS],
});
