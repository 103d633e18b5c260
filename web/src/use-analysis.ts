/**
 * The risk lens of a text, kept current as the user types: requests are debounced and a newer
 * one cancels the older, and the last analysis stays on screen while the next is computed so the
 * panel never jumps.
 */
import { useEffect, useState } from "react";
import type { RoleId } from "../../src/core/model.ts";
import { roleFromTarget } from "../../src/core/packaging/data/role-vocabulary.ts";
import { analyzeText } from "./analysis-client.ts";
import { type Analysis, type AnalyzeRequest, describeError } from "./api.ts";

export type AnalysisState =
  | { state: "idle" }
  | { state: "loading"; previous: Analysis | null }
  | { state: "ready"; analysis: Analysis }
  | { state: "error"; error: { code: string; message: string } };

const DEBOUNCE_MS = 250;

export function useAnalysis(text: string, request: AnalyzeRequest): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ state: "idle" });
  const { question, role, budgetSeconds, followUp, parts } = request;

  useEffect(() => {
    if (text.trim() === "") {
      setState({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({
      state: "loading",
      previous:
        current.state === "ready" ? current.analysis : current.state === "loading" ? current.previous : null,
    }));
    const timer = window.setTimeout(() => {
      const body: AnalyzeRequest = {};
      if (question !== undefined) body.question = question;
      if (role !== undefined) body.role = role;
      if (budgetSeconds !== undefined) body.budgetSeconds = budgetSeconds;
      if (followUp !== undefined) body.followUp = followUp;
      if (parts !== undefined) body.parts = parts;
      analyzeText(text, body, controller.signal).then(
        (analysis) => {
          if (!controller.signal.aborted) setState({ state: "ready", analysis });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ state: "error", error: describeError(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, question, role, budgetSeconds, followUp, parts]);

  return state;
}

/** "ML Engineer" (as a document names its target role) → "ml-engineer", when the analyzer knows it. */
export function roleIdOf(targetRole: string | undefined): RoleId | undefined {
  return roleFromTarget(targetRole);
}
