/**
 * derisk's pure core as a library: `import { analyze, classify } from "derisk"`.
 * No I/O, no clock, no randomness: runs in Node and in the browser.
 *
 * @example
 * import { analyze, classify } from "derisk";
 * analyze("I traced the outage to a bad cache key and added a test.", { question: "Tell me about a bug" }).labels.overall;
 * classify("Tell me about a time you disagreed with your manager").competency; // "conflict"
 */
export * from "./analysis/index.ts";
export { parseBankJson, renderBankJson, toBankFile } from "./bank-json.ts";
export { DeriskError, type ErrorCode, isDeriskError } from "./errors.ts";
export {
  decodeDocument,
  importPrepDocument,
  parsePrepDocument,
  renderPrepDocument,
  repairMojibake,
  reviseItemText,
} from "./markdown/index.ts";
export * from "./model.ts";
export * from "./packaging/index.ts";
