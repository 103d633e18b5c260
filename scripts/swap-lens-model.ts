/**
 * Puts a candidate risk-lens model (a file `npm run train -- --out FILE` wrote) in place of the
 * committed one, before any analysis runs: the analyzer reads LENS_MODEL, so its keys are
 * replaced in place. One model per process. Used by the scripts that take `--model FILE`.
 * @example swapLensModel("/tmp/candidate.json");
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadLensModel, type StoredLensModel } from "../src/core/analysis/lens/model.ts";
import { LENS_MODEL } from "../src/core/analysis/lens/weights.ts";

export function swapLensModel(file: string): void {
  const candidate = loadLensModel(JSON.parse(readFileSync(resolve(file), "utf8")) as StoredLensModel);
  const target = LENS_MODEL as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, candidate);
}
