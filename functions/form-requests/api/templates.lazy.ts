/**
 * parse5 (with its entity tables) is most of the form-request function's weight, and only the
 * templates' PUT needs it: a file of its own beside the bundle (lib/bundling.ts), loaded on the
 * first upload.
 */
export { assertTemplates } from '../domain/templates';
