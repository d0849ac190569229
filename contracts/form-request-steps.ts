/**
 * A department's request for a new contact form, through the seven steps of source 003: the
 * petition (website, topics, languages, contact) is reviewed by the directorate, which approves,
 * rejects or asks for changes (the department revises, and it is reviewed again); the department
 * uploads the header and footer of each language and then the form's parameters; the technical
 * office sets the form up and hands back its URL in each language; the department confirms its
 * pages link to them.
 *
 * Its vocabulary lives apart from its schemas (form-requests.ts): mails and other features name
 * steps without building the request's zod schemas at their cold start.
 */
export const FORM_REQUEST_STEPS = [
  'review',
  'changes',
  'templates',
  'parameters',
  'setup',
  'links',
  'completed',
  'rejected',
] as const;
export type FormRequestStep = (typeof FORM_REQUEST_STEPS)[number];

/** Who acts at a step: the department that asked, the directorate (reviewer) or the technical office (operator). */
export const FORM_REQUEST_ACTORS = ['department', 'reviewer', 'operator'] as const;
export type FormRequestActor = (typeof FORM_REQUEST_ACTORS)[number];

export const REVIEW_DECISIONS = ['approve', 'reject', 'request_changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
