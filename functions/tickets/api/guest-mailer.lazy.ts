/**
 * The guest mailer as a file of its own beside the tickets bundle (lib/bundling.ts): mail
 * templates and SES signing would add ~2 ms to every cold start of a function that sends an
 * access link only when staff record a ticket for someone with an email.
 */
export { guestMailer } from './guest-mailer';
