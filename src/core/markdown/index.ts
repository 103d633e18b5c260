/**
 * The lossless importer: bytes → text (encoding, mojibake) → PrepDoc (recognised items and
 * notes in place) → the exact text again. Pure: no I/O, no clock, no randomness.
 */

export { rederiveBankDoc } from "./bank-consistency.ts";
export {
  DEFAULT_MAX_BYTES,
  type DecodedDocument,
  type DecodeOptions,
  decodeDocument,
  type LineEndings,
} from "./decode.ts";
export { checkPrepDocInvariants } from "./invariants.ts";
export { addQuestionAnswer, MAX_NEW_QUESTION, type NewQuestionAnswer } from "./new-question.ts";
export { importPrepDocument, type ParseOptions, parsePrepDocument } from "./parse.ts";
export { addFollowUp, MAX_FOLLOW_UP_QUESTION, type NewFollowUp } from "./prepared-follow-up.ts";
export { renderAnswerRaw, renderFollowUpAnswerRaw, renderPrepDocument, reviseItemText } from "./render.ts";
export { damageAsMojibake, type MojibakeSource, type RepairResult, repairMojibake } from "./repair.ts";
export { type CodeBlock, readCodeBlock, reviseSnippetCode } from "./snippet.ts";
export { matchTaskItem, readTodoList, setTodoDone } from "./todo.ts";
export { addAnswerVariant, type NewVariant } from "./variant.ts";
