/** A language's templates: the header above the form, the footer below it. */
export const TEMPLATE_PARTS = ['header', 'footer'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** Where a request's templates are kept in the attachments bucket: one object per language and part. */
export const FORM_TEMPLATES_PREFIX = 'form-requests/';
export const templateKey = (requestId: string, language: string, part: TemplatePart) =>
  `${FORM_TEMPLATES_PREFIX}${requestId}/${language}/${part}.html`;
