import trained from "../data/lens-model.json" with { type: "json" };
import { type LensModel, loadLensModel, type StoredLensModel } from "./model.ts";

/**
 * The risk-lens model `npm run train` fitted on eval/corpus/ (see docs/risk-lens.md). Only read
 * here: the corpus itself never ships.
 */
export const LENS_MODEL: LensModel = loadLensModel(trained as unknown as StoredLensModel);
