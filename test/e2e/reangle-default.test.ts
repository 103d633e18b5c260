/**
 * Where the re-angle page starts, on the seed (its document targets an ML engineer): the Q6 core
 * answer, MLOps through and through, starts written for MLOps and re-angled for ML engineer (it
 * used to start MLOps → MLOps, 96% → 96%); the ML-focused variant, which already fits ML engineer,
 * starts on another role, with a line saying why.
 */
import type { Browser } from "playwright-core";
import { describe, expect, test } from "vitest";
import { SEED_RUNS } from "../seed.ts";
import { launchBrowser } from "./browser.ts";
import { settle, useSpec } from "./harness.ts";

const launched = await launchBrowser();

describe.runIf(launched.browser !== null && SEED_RUNS)("the re-angle page's starting roles", () => {
  const browser = launched.browser as Browser;
  const spec = useSpec(browser, { seed: true, closeBrowser: true });

  const answerId = async (key: string): Promise<string> => {
    const { documents } = (await (await fetch(`${spec.server.url}/api/documents`)).json()) as {
      documents: { id: string }[];
    };
    for (const doc of documents) {
      const { items } = (await (await fetch(`${spec.server.url}/api/documents/${doc.id}`)).json()) as {
        items: { id: string; key: string }[];
      };
      const found = items.find((item) => item.key === key);
      if (found !== undefined) return found.id;
    }
    throw new Error(`${key} is missing from the seed`);
  };

  test("an answer that fits another role starts from it, for the document's role", async () => {
    const page = await spec.context.newPage();
    try {
      await page.goto(`/#/reangle/${await answerId("q6/core")}`);
      await page.getByLabel("Written for").waitFor();
      await settle(page);
      await expect.poll(() => page.getByLabel("Re-angle for").inputValue()).toBe("ml-engineer");
      expect(await page.getByLabel("Written for").inputValue()).toBe("mlops-engineer");
      expect(await page.getByTestId("reangle-default-why").textContent()).toMatch(
        /reads as MLOps engineer .* more than ML engineer .* the role its document targets/,
      );
      await page.getByRole("button", { name: "Re-angle", exact: true }).click();
      await page.locator(".reangle-result").waitFor();
      await settle(page);
    } finally {
      await page.close();
    }
  });

  test("an answer that already fits the document's role starts on another, saying why", async () => {
    const page = await spec.context.newPage();
    try {
      await page.goto(`/#/reangle/${await answerId("q6/ml-focused")}`);
      await page.getByLabel("Written for").waitFor();
      await settle(page);
      await expect.poll(() => page.getByLabel("Written for").inputValue()).toBe("ml-engineer");
      expect(await page.getByLabel("Re-angle for").inputValue()).not.toBe("ml-engineer");
      expect(await page.getByTestId("reangle-default-why").textContent()).toMatch(
        /^Written for ML engineer, the role its document targets: this answer already fits it/,
      );
    } finally {
      await page.close();
    }
  });

  // Before: the starting note said "Re-angled for …" before the button was pressed, and after a
  // re-angle, choosing another role relabelled the result (and its save label) for a role it was
  // never re-angled for.
  test("nothing says 're-angled' before the button is pressed, and a result keeps its own role", async () => {
    const page = await spec.context.newPage();
    try {
      await page.goto(`/#/reangle/${await answerId("q6/core")}`);
      await page.getByLabel("Written for").waitFor();
      await settle(page);
      await expect.poll(() => page.getByLabel("Re-angle for").inputValue()).toBe("ml-engineer");
      expect(await page.getByTestId("reangle-default-why").textContent()).toMatch(
        /Suggested: written for MLOps engineer, re-angle it for ML engineer\.$/,
      );
      expect(await page.locator(".page-reangle").textContent()).not.toMatch(/re-angled for/i);
      await page.getByRole("button", { name: "Re-angle", exact: true }).click();
      await page.locator(".reangle-result").waitFor();
      await settle(page);
      expect(await page.locator("#reangle-title").textContent()).toBe("Re-angled for ML engineer");
      const saveLabel = page.locator(".save-reangled input").first();
      expect(await saveLabel.inputValue()).toBe("for ML engineer");
      // Another role chosen, not yet re-angled for: the result still says the role it was made for.
      await page.getByLabel("Re-angle for").selectOption("data-scientist");
      await settle(page);
      expect(await page.locator("#reangle-title").textContent()).toBe("Re-angled for ML engineer");
      expect(await page.getByTestId("fit-compare").textContent()).not.toMatch(/data scientist/i);
      expect(await saveLabel.inputValue()).toBe("for ML engineer");
    } finally {
      await page.close();
    }
  });

  // Before: the note said "Suggested: re-angle it for ML engineer" and the document's own
  // ML-focused variant, which already fits that role, was named only after the button was pressed.
  test("before the button, the page names the document's variant that already fits the role, and opens it", async () => {
    const page = await spec.context.newPage();
    try {
      await page.goto(`/#/reangle/${await answerId("q6/core")}`);
      await page.getByLabel("Written for").waitFor();
      await expect.poll(() => page.getByLabel("Re-angle for").inputValue()).toBe("ml-engineer");
      const before = page.getByTestId("better-variant-before");
      await before.waitFor();
      await settle(page);
      const said = (await before.textContent()) ?? "";
      expect(said).toMatch(
        /^Your variant “ML-focused” of this question already fits ML engineer better: (\d+)% core to the role, against (\d+)% for this answer once re-angled\./,
      );
      const [, fits, reangled] = /(\d+)% core to the role, against (\d+)%/.exec(said) ?? [];
      expect(Number(fits)).toBeGreaterThan(Number(reangled));
      // The re-angle button stays; pressed, the result says the same figures in place of the hint.
      await page.getByRole("button", { name: "Re-angle", exact: true }).click();
      await page.locator(".reangle-result").waitFor();
      await settle(page);
      expect(await page.getByTestId("better-variant-before").count()).toBe(0);
      expect(await page.getByTestId("better-variant").textContent()).toContain(
        `${fits}% core to the role, against ${reangled}% for this re-angle`,
      );
      // Another role the variant does not fit better: no hint before its button either.
      await page.getByLabel("Re-angle for").selectOption("mlops-engineer");
      await settle(page);
      expect(await page.getByTestId("better-variant-before").count()).toBe(0);
    } finally {
      await page.close();
    }
    // Its link opens the variant in the library, without re-angling.
    const fresh = await spec.context.newPage();
    try {
      await fresh.goto(`/#/reangle/${await answerId("q6/core")}`);
      const hint = fresh.getByTestId("better-variant-before");
      await hint.getByRole("link", { name: "Open “ML-focused”" }).click();
      await fresh.getByRole("tab", { name: /ML-focused/ }).waitFor();
      expect(await fresh.getByRole("tab", { name: /ML-focused/ }).getAttribute("aria-selected")).toBe("true");
    } finally {
      await fresh.close();
    }
  });
});
