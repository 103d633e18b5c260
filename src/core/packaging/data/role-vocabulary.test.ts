import { describe, expect, it } from "vitest";
import { roleFromTarget } from "./role-vocabulary.ts";

describe("roleFromTarget: the role a document's title names", () => {
  it("reads the roles as people title them", () => {
    expect(roleFromTarget("ML Engineer")).toBe("ml-engineer");
    expect(roleFromTarget("ml-engineer")).toBe("ml-engineer");
    expect(roleFromTarget("MLOps Engineer role")).toBe("mlops-engineer");
    expect(roleFromTarget("Senior Machine Learning Engineer")).toBe("ml-engineer");
    expect(roleFromTarget("Staff Data Scientist Roles")).toBe("data-scientist");
  });

  it("reads a title with a slash by each of its names (our own sample targets 'Data/ML Engineer')", () => {
    expect(roleFromTarget("Data/ML Engineer")).toBe("ml-engineer");
    expect(roleFromTarget("ML / Data Engineer")).toBe("ml-engineer");
    expect(roleFromTarget("Data Scientist/ML Engineer")).toBe("data-scientist");
  });

  it("names no role for a title derisk has no vocabulary for", () => {
    expect(roleFromTarget(undefined)).toBeUndefined();
    expect(roleFromTarget("")).toBeUndefined();
    expect(roleFromTarget("Product Manager")).toBeUndefined();
    expect(roleFromTarget("Data/Analytics Engineer")).toBeUndefined();
  });
});
