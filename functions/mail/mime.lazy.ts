/**
 * The MIME parser as a file of its own beside the inbound function's bundle (lib/bundling.ts),
 * loaded on the first mail: mailparser and its charset tables would otherwise be parsed at
 * every cold start. Built beside that function only.
 */
export { parseInboundHeaders } from './mime';
