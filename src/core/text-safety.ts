/*
 * Text that PostgreSQL cannot store: NUL (U+0000) is refused in `text` and `jsonb`, and a
 * lone UTF-16 surrogate has no UTF-8 encoding. Every surface refuses both with the field's
 * name, before anything is written.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what we look for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Largest integer a database `integer` column holds (versions, line numbers, counts). */
export const MAX_INT32 = 2_147_483_647;

/**
 * What is wrong with a string for storage, or undefined when nothing is.
 * @example unstorableText("a\u0000b") // "contains a NUL character (U+0000)"
 */
export function unstorableText(text: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  const line = text.slice(0, match.index).split("\n").length;
  const at = text.includes("\n") ? `on line ${line}` : `at character ${match.index + 1}`;
  return match[0] === "\u0000"
    ? `contains a NUL character (U+0000) ${at}`
    : `contains a lone UTF-16 surrogate (U+${match[0].charCodeAt(0).toString(16).toUpperCase()}) ${at}`;
}

/**
 * The path and problem of the first unstorable string anywhere in a parsed JSON value.
 * @example findUnstorable({ story: { title: "\uD800" } }) // { path: "story.title", problem: "contains a lone …" }
 */
export function findUnstorable(
  value: unknown,
  path: string[] = [],
): { path: string; problem: string } | undefined {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value, path }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value === "string") {
      const problem = unstorableText(next.value);
      if (problem) return { path: next.path.join("."), problem };
    } else if (typeof next.value === "object" && next.value !== null) {
      const entries = Array.isArray(next.value)
        ? next.value.map((v, i) => [String(i), v] as const)
        : Object.entries(next.value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as readonly [string, unknown];
        const keyProblem = unstorableText(key);
        if (keyProblem) return { path: [...next.path, key].join("."), problem: `its name ${keyProblem}` };
        stack.push({ value: v, path: [...next.path, key] });
      }
    }
  }
  return undefined;
}
