import type { AgentDocument, CalendarDocument } from '../../../contracts/admin';
import type { OrganisationDocument, SlaPolicy, TeamDocument, TopicDocument } from '../../../contracts/catalogue';
import { type Catalogue, compileForm, findOrganisation, findTeam, findTopic } from '../../catalogue/domain/index';
import { type FieldIssue, ValidationFailed } from '../../platform/kernel/errors';
import { BusinessCalendar } from '../../sla/domain/index';

/**
 * Each document checked as a whole against the catalogue it joins, every problem at its path
 * (as the request body's own fields are named): what the schemas cannot see alone.
 */
function refuse(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationFailed(issues, 'The document does not fit the catalogue.');
}

export function checkOrganisation(catalogue: Catalogue, organisationId: string, document: OrganisationDocument): void {
  const issues: FieldIssue[] = [];
  const existing = findOrganisation(catalogue, organisationId);
  // Ticket numbers already handed out carry the prefix: changing it would make two series.
  if (existing && existing.ticketPrefix !== document.ticketPrefix) {
    issues.push({ path: 'ticketPrefix', message: `The prefix stays ${existing.ticketPrefix} once tickets may exist.` });
  }
  const other = catalogue.organisations.find(
    (organisation) => organisation.id !== organisationId && organisation.ticketPrefix === document.ticketPrefix,
  );
  if (other)
    issues.push({ path: 'ticketPrefix', message: 'Another organisation numbers its tickets with this prefix.' });
  refuse(issues);
}

export function checkCalendar(document: CalendarDocument): void {
  const result = BusinessCalendar.safeParse(document);
  if (!result.success) {
    // The engine names places as `week.mon[1]`; the API as every other body field, `week.mon.1`.
    const dotted = (text: string) => text.replace(/\[(\d+)\]/g, '.$1');
    refuse(
      result.error.issues.map((issue) => ({ path: dotted(issue.path.join('.')), message: dotted(issue.message) })),
    );
  }
}

export function checkSlaPolicy(catalogue: Catalogue, organisationId: string, policy: SlaPolicy): void {
  const issues: FieldIssue[] = [];
  policy.rules.forEach((rule, index) => {
    const topic = rule.topicId ? findTopic(catalogue, rule.topicId) : undefined;
    if (rule.topicId && topic?.organisationId !== organisationId) {
      issues.push({ path: `rules.${index}.topicId`, message: 'No such topic in this organisation.' });
    }
  });
  refuse(issues);
}

export function checkTeam(catalogue: Catalogue, teamId: string, document: TeamDocument): void {
  const issues: FieldIssue[] = [];
  if (!findOrganisation(catalogue, document.organisationId)) {
    issues.push({ path: 'organisationId', message: 'No such organisation.' });
  }
  const existing = findTeam(catalogue, teamId);
  if (existing && existing.organisationId !== document.organisationId) {
    issues.push({ path: 'organisationId', message: 'A team stays in its organisation.' });
  }
  refuse(issues);
}

export function checkTopic(catalogue: Catalogue, topicId: string, document: TopicDocument): void {
  const issues: FieldIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  const existing = findTopic(catalogue, topicId);
  if (existing && existing.organisationId !== document.organisationId) {
    report('organisationId', 'A topic stays in its organisation: its tickets are there.');
  }
  if (document.level === 1) {
    if (document.organisationId !== null) report('organisationId', 'Level-1 topics are shared: null.');
    if (document.parentId !== null) report('parentId', 'Level-1 topics have no parent.');
    if (document.teamId) report('teamId', 'Nobody files on a level-1 topic: it routes to no team.');
  } else {
    const organisation = document.organisationId ? findOrganisation(catalogue, document.organisationId) : undefined;
    if (!organisation) report('organisationId', 'No such organisation: topics of levels 2–3 belong to one.');
    const parent = document.parentId ? findTopic(catalogue, document.parentId) : undefined;
    if (!parent || parent.level !== document.level - 1) {
      report('parentId', `Choose a level-${document.level - 1} topic as parent.`);
    } else if (parent.level > 1 && parent.organisationId !== document.organisationId) {
      report('parentId', 'The parent topic is another organisation’s.');
    }
    if (organisation) checkForm(document, organisation, report);
  }
  if (document.teamId && document.level > 1) {
    const team = findTeam(catalogue, document.teamId);
    if (!team || team.organisationId !== document.organisationId)
      report('teamId', 'No such team in this organisation.');
  }
  if (existing && catalogue.topics.some((topic) => topic.parentId === topicId) && document.level !== existing.level) {
    report('level', 'Topics hang below this one: its level stays.');
  }
  refuse(issues);
}

/** A form compiles: unique names, conditions on fields that exist, options only where chosen from, sane ranges. */
function checkForm(
  document: TopicDocument,
  organisation: NonNullable<ReturnType<typeof findOrganisation>>,
  report: (path: string, message: string) => void,
): void {
  const fields = document.form.fields;
  const names = fields.map((field) => field.name);
  fields.forEach((field, index) => {
    const at = `form.fields.${index}`;
    if (names.indexOf(field.name) !== index) report(`${at}.name`, 'Another field has this name.');
    const chosen = field.type === 'select' || field.type === 'multiselect';
    if (field.options && !chosen) report(`${at}.options`, 'Only select and multiselect fields have options.');
    const values = field.options?.map((option) => option.value) ?? [];
    if (new Set(values).size !== values.length) report(`${at}.options`, 'Two options have the same value.');
    if (field.requiredWhen && (field.requiredWhen.field === field.name || !names.includes(field.requiredWhen.field))) {
      report(`${at}.requiredWhen.field`, 'Name another field of this form.');
    }
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      report(`${at}.max`, 'The maximum is below the minimum.');
    }
    if (field.type === 'corporate_email' && organisation.emailDomains.length === 0) {
      report(`${at}.type`, 'The organisation has no mail domains for corporate addresses.');
    }
  });
  try {
    compileForm(fields, organisation);
  } catch (error) {
    report('form', `The form does not compile: ${(error as Error).message}`);
  }
}

export function checkAgent(catalogue: Catalogue, document: AgentDocument): void {
  const issues: FieldIssue[] = [];
  if (!findOrganisation(catalogue, document.organisationId)) {
    issues.push({ path: 'organisationId', message: 'No such organisation.' });
  }
  document.teamIds.forEach((teamId, index) => {
    if (findTeam(catalogue, teamId)?.organisationId !== document.organisationId) {
      issues.push({ path: `teamIds.${index}`, message: 'No such team in this organisation.' });
    }
  });
  document.topicIds.forEach((topicId, index) => {
    if (findTopic(catalogue, topicId)?.organisationId !== document.organisationId) {
      issues.push({ path: `topicIds.${index}`, message: 'No such topic in this organisation.' });
    }
  });
  refuse(issues);
}
