/**
 * Worker-thread entry of `prepareImportOffThread`: reads and recognises one import, then
 * posts the prepared import (or the DeriskError that refused it) back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { isDeriskError } from "../core/errors.ts";
import { type ImportInput, prepareImport } from "./bank.ts";

// The budget counts from here: loading the code (slow from TypeScript sources) is not the input's cost.
parentPort?.postMessage({ ready: true });
try {
  parentPort?.postMessage({ ok: true, prepared: prepareImport(workerData as ImportInput) });
} catch (error) {
  parentPort?.postMessage(
    isDeriskError(error)
      ? { ok: false, code: error.code, message: error.what, ...(error.hint ? { hint: error.hint } : {}) }
      : { ok: false, code: "INTERNAL", message: error instanceof Error ? error.message : String(error) },
  );
}
