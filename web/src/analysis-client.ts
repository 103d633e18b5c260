/**
 * Where an analysis is computed: in a Web Worker running src/core's analyzer when the browser
 * can start one, otherwise by the local server (POST /api/analyze). Both give the same result;
 * the worker spares a round trip on every keystroke.
 */
import type { AnalyzeOptions } from "../../src/core/analysis/types.ts";
import type { AnalysisRequestMessage, AnalysisResponseMessage } from "./analysis.worker.ts";
import { type Analysis, type AnalyzeRequest, ApiError, api } from "./api.ts";

type Pending = { resolve: (analysis: Analysis) => void; reject: (error: unknown) => void };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
  } catch {
    worker = null;
    return worker;
  }
  worker.addEventListener("message", (event: MessageEvent<AnalysisResponseMessage>) => {
    const waiting = pending.get(event.data.id);
    if (waiting === undefined) return;
    pending.delete(event.data.id);
    if (event.data.ok) waiting.resolve(event.data.analysis);
    else waiting.reject(new ApiError(event.data.error.code, event.data.error.message, 0));
  });
  // A worker that fails to load (blocked, old browser) hands everything to the server.
  worker.addEventListener("error", () => {
    worker?.terminate();
    worker = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new WorkerUnavailable());
    }
  });
  return worker;
}

class WorkerUnavailable extends Error {}

function inWorker(target: Worker, text: string, options: AnalyzeOptions): Promise<Analysis> {
  const id = nextId++;
  return new Promise<Analysis>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const message: AnalysisRequestMessage = { id, text, options };
    target.postMessage(message);
  });
}

export async function analyzeText(
  text: string,
  request: AnalyzeRequest,
  signal: AbortSignal,
): Promise<Analysis> {
  const target = startWorker();
  if (target !== null) {
    try {
      return await inWorker(target, text, request);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  return api.analyze(text, request, signal);
}
