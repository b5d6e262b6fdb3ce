/** Constants of the content script → background messages, apart from their schemas so the content script can use them without zod. */

/** Longest post text assessed (the content script cuts longer ones). */
export const MAX_ASSESSED_CHARS = 100_000;
/** Posts per assess message. */
export const MAX_ASSESS_BATCH = 50;

/** Name of the port content scripts ask for assessments on. */
export const ASSESS_PORT = 'waspada:assess';
