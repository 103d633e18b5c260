import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DeriskError, type ErrorCode, type ErrorHint } from "../core/errors.ts";
import type { ImportInput, PreparedImport } from "./bank.ts";
import { MAX_DOCUMENT_BYTES } from "./limits.ts";

/** What one import may spend before it is refused: on this machine any 10 MiB input finishes well inside it. */
export interface ImportBudget {
  timeoutMs: number;
  maxMemoryMb: number;
}

export const IMPORT_BUDGET: ImportBudget = { timeoutMs: 8_000, maxMemoryMb: 1_536 };

type Reply =
  | { ready: true }
  | { ok: true; prepared: PreparedImport }
  /** A refusal: its message without a hint, and the hint for each surface when it has one. */
  | { ok: false; code: ErrorCode; message: string; hint?: ErrorHint };

const sourceMode = import.meta.url.endsWith(".ts");

/** tsx's ESM API, resolved from here: an eval'd worker would resolve it from the user's working directory. */
const tsxApi = (): string =>
  pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;

const bootThroughTsx = (entry: URL): string =>
  `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;

/**
 * `prepareImport` in a worker thread with a time and memory budget: the caller's event
 * loop stays free (the server keeps answering), and an input that would take too long or
 * too much memory is stopped and refused with a message instead of hanging or crashing.
 * The budget grows with a raised `maxBytes`.
 *
 * @example const prepared = await prepareImportOffThread({ bytes, filename: "prep.md" });
 */
export async function prepareImportOffThread(
  input: ImportInput,
  budget: ImportBudget = IMPORT_BUDGET,
): Promise<PreparedImport> {
  const scale = Math.max(1, (input.maxBytes ?? MAX_DOCUMENT_BYTES) / MAX_DOCUMENT_BYTES);
  const timeoutMs = Math.round(budget.timeoutMs * scale);
  const where = input.filename ?? "The document";
  const entry = new URL(`./import-worker.${sourceMode ? "ts" : "js"}`, import.meta.url);
  // From the TypeScript sources (tests, a fresh clone) the worker registers tsx first.
  const worker = new Worker(sourceMode ? bootThroughTsx(entry) : entry, {
    eval: sourceMode,
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: Math.round(budget.maxMemoryMb * scale) },
    stdout: true,
    stderr: true,
  });
  try {
    return await new Promise<PreparedImport>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const startClock = () => {
        timer = setTimeout(() => {
          reject(
            new DeriskError(
              "TOO_LARGE",
              `${where} took longer than ${timeoutMs / 1000} s to read, so the import was stopped: split it into smaller documents.`,
            ),
          );
        }, timeoutMs);
      };
      worker.on("message", (reply: Reply) => {
        if ("ready" in reply) return startClock();
        clearTimeout(timer);
        if (reply.ok) resolve(reply.prepared);
        else
          reject(
            new DeriskError(reply.code, reply.message, reply.hint === undefined ? {} : { hint: reply.hint }),
          );
      });
      worker.once("error", (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new DeriskError(
                "TOO_LARGE",
                `${where} needs more than ${Math.round(budget.maxMemoryMb * scale)} MB to read, so the import was stopped: split it into smaller documents.`,
                { cause: error },
              )
            : error,
        );
      });
      worker.once("exit", (code) => {
        clearTimeout(timer);
        reject(new DeriskError("INTERNAL", `The import worker stopped (exit ${code}) before it answered.`));
      });
    });
  } finally {
    await worker.terminate();
  }
}
