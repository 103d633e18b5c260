export { DeriskError, ERROR_CODES, type ErrorCode, isDeriskError } from "../core/errors.ts";
