import { fileURLToPath } from "node:url";
import { build, type Plugin, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";

// The server's Content-Security-Policy allows no eval (`script-src` without 'unsafe-eval'): code
// that builds a function from a string breaks every page it loads on. zod does it on import (its
// `Function("")` probe), which is how it once reached the app bundle through a web module's import
// of a core module that imported zod. This builds the web app as `npm run build` does, in memory,
// and reads what the browser would get: the modules the build loaded (the app's and the analysis
// worker's) and the code it emitted.
const config = fileURLToPath(new URL("../web/vite.config.ts", import.meta.url));

/**
 * Builds code from a string at run time: `new Function(…)`, `Function("…")`, `eval(…)`, or takes
 * the Function constructor as a value to call later (`let e=Function,…new e(…)`, as minified zod).
 */
const EVAL_CALL =
  /\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]|[=(,:]\s*Function\s*[,;)}]|(?<![\w$.])eval\s*\(/;

/** Every module a build loads, by id (before tree-shaking: an import alone counts). */
function recorder(ids: Set<string>): Plugin {
  return {
    name: "derisk-record-modules",
    transform(_code, id) {
      ids.add(id);
      return null;
    },
  };
}

describe("the web app's JavaScript", () => {
  it("reads code built from a string as such, and ordinary code as not", () => {
    for (const evil of [
      'Function("")',
      "try{return Function(``),!0}",
      "let e=Function,t=1;new e(a)",
      "new Function('a', 'return a')",
      "eval(src)",
    ])
      expect(EVAL_CALL.test(evil), evil).toBe(true);
    for (const fine of [
      'typeof x=="function"',
      "isFunction(a)",
      "a.eval(b)",
      "Function.prototype.call",
      "x instanceof Function",
    ])
      expect(EVAL_CALL.test(fine), fine).toBe(false);
  });

  it("has no zod and never builds code from a string (the CSP forbids eval)", async () => {
    const loaded = new Set<string>();
    const output = await build({
      configFile: config,
      logLevel: "silent",
      plugins: [recorder(loaded)],
      worker: { plugins: () => [recorder(loaded)] },
      build: { write: false, reportCompressedSize: false },
    });
    const bundles = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
    const code: [string, string][] = [];
    for (const bundle of bundles) {
      for (const file of bundle.output) {
        if (file.type === "chunk") code.push([file.fileName, file.code]);
        else if (file.fileName.endsWith(".js")) code.push([file.fileName, String(file.source)]);
      }
    }
    // The app and its worker were both read.
    expect([...loaded].some((id) => id.includes("/web/src/main.tsx"))).toBe(true);
    expect([...loaded].some((id) => id.includes("/web/src/analysis.worker.ts"))).toBe(true);
    expect(code.some(([name]) => /analysis\.worker/.test(name))).toBe(true);
    expect([...loaded].filter((id) => /[\\/]node_modules[\\/]zod[\\/]/.test(id))).toEqual([]);
    for (const [name, text] of code) {
      const at = text.search(EVAL_CALL);
      expect(at < 0 ? "" : `${name}: …${text.slice(Math.max(0, at - 60), at + 60)}…`).toBe("");
    }
  }, 120_000);
});
