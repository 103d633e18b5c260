/**
 * Runs the risk-lens analyzer off the main thread (ARCHITECTURE.md: typing never waits for
 * analysis). The English model (~1 MB gzip) is part of this worker's chunk only, so it loads after
 * first paint, once, and the browser caches it.
 */
import { type AnalyzeOptions, analyze } from "../../src/core/analysis/index.ts";
import { isDeriskError } from "../../src/core/errors.ts";

export interface AnalysisRequestMessage {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisResponseMessage =
  | { id: number; ok: true; analysis: ReturnType<typeof analyze> }
  | { id: number; ok: false; error: { code: string; message: string } };

addEventListener("message", (event: MessageEvent<AnalysisRequestMessage>) => {
  const { id, text, options } = event.data;
  let response: AnalysisResponseMessage;
  try {
    response = { id, ok: true, analysis: analyze(text, options) };
  } catch (error) {
    response = {
      id,
      ok: false,
      error: isDeriskError(error)
        ? { code: error.code, message: error.message }
        : { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) },
    };
  }
  postMessage(response);
});
