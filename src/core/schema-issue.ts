/**
 * Says what is wrong with a JSON value in a candidate's words, from the first problem a
 * schema check found: "field "text" is missing: give it as text", not the checker's own
 * "Invalid input: expected string, received undefined". A message a schema states itself
 * (a refinement) is kept as written.
 */

/** The parts of a schema problem (a zod issue) that the wording reads. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

// The checker's own wordings; anything else was written by us beside the schema.
const GENERATED = /^(?:Invalid input|Invalid option|Too big|Too small|Unrecognized keys?)\b/;

const KINDS: Record<string, string> = {
  string: "text (a JSON string in quotes)",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a JSON object ({ … })",
  array: "a JSON list ([ … ])",
  null: "null",
};

function kind(name: string): string {
  return KINDS[name] ?? name;
}

function listed(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v));
  const more = values.length > shown.length ? ` (and ${values.length - shown.length} more)` : "";
  if (shown.length === 1) return `${shown[0]}`;
  return `one of ${shown.join(", ")}${more}`;
}

function limit(issue: SchemaIssue, bound: "at most" | "at least", value: unknown): string {
  const n = Number(value);
  if (issue.origin === "string") {
    if (bound === "at least" && n === 1) return "must not be empty";
    return `must be ${bound} ${n} characters long`;
  }
  if (issue.origin === "array" || issue.origin === "set")
    return `must hold ${bound} ${n} ${n === 1 ? "entry" : "entries"}`;
  return `must be ${bound} ${n}`;
}

/**
 * One clause naming the place and the problem, for messages such as
 * `Invalid request: ${describeSchemaIssue(issue)}.`
 * @example describeSchemaIssue({ code: "invalid_type", path: ["text"], expected: "string",
 *   message: "Invalid input: expected string, received undefined" })
 *   // 'field "text" is missing: give it as text (a JSON string in quotes)'
 */
export function describeSchemaIssue(issue: SchemaIssue | undefined, whole = "the body"): string {
  if (issue === undefined) return `${whole} has an unexpected shape`;
  const where = issue.path.length > 0 ? `field "${issue.path.map(String).join(".")}"` : whole;
  if (!GENERATED.test(issue.message)) return `${where}: ${issue.message}`;
  switch (issue.code) {
    case "invalid_type": {
      const expected = kind(String(issue.expected ?? "value"));
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === undefined || received === "undefined")
        return `${where} is missing: give it as ${expected}`;
      return `${where} must be ${expected}, not ${kind(received)}`;
    }
    case "invalid_value":
      return `${where} must be ${listed(issue.values ?? [])}`;
    case "too_big":
      return `${where} ${limit(issue, "at most", issue.maximum)}`;
    case "too_small":
      return `${where} ${limit(issue, "at least", issue.minimum)}`;
    case "unrecognized_keys": {
      const keys = issue.keys ?? [];
      const names = keys.map((k) => `"${k}"`).join(", ");
      return `${where} has ${keys.length === 1 ? "a field" : "fields"} derisk does not know: ${names} (remove ${keys.length === 1 ? "it" : "them"}, or check the spelling)`;
    }
    default:
      return `${where}: ${issue.message}`;
  }
}
