/**
 * The real Chromium for end-to-end tests: the one shipped inside the @sparticuz/chromium npm
 * package, so `npm install` alone brings it. Under CI=true a browser that won't start fails the
 * run; elsewhere the browser suites are skipped, and the reason is printed (never silently).
 */
import chromium from "@sparticuz/chromium";
import { type Browser, type BrowserContext, chromium as playwright } from "playwright-core";

export type LaunchedBrowser = { browser: Browser; skipReason: "" } | { browser: null; skipReason: string };

/**
 * `webSecurity: true` drops the package's --disable-web-security flag, so the same-origin
 * policy and CORS hold as in the user's browser (the cross-origin specs need that). `args` adds
 * flags (the spoken-practice spec's fake microphone).
 */
export async function launchBrowser(
  options: { webSecurity?: boolean; args?: readonly string[] } = {},
): Promise<LaunchedBrowser> {
  const dropped = new Set(["--single-process", ...(options.webSecurity ? ["--disable-web-security"] : [])]);
  try {
    const browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      // Its Lambda-oriented --single-process flag takes the whole browser down when a context
      // closes; the specs open one context per theme and width, so run it multi-process.
      args: [...chromium.args.filter((arg) => !dropped.has(arg)), ...(options.args ?? [])],
      headless: true,
    });
    return { browser, skipReason: "" };
  } catch (error) {
    const reason = `Chromium could not be launched: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === "true") throw new Error(reason);
    process.stdout.write(`[derisk e2e] ${reason}; the browser tests are skipped outside CI\n`);
    return { browser: null, skipReason: reason };
  }
}

export type Theme = "light" | "dark";

/** A fresh browser profile (empty localStorage) at a given width and theme. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { width?: number; height?: number; theme?: Theme; locale?: string } = {},
): Promise<BrowserContext> {
  const theme = options.theme ?? "light";
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    colorScheme: theme,
    acceptDownloads: true,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  // The app's own toggle persists the theme here; setting it tests the same path the user takes.
  await context.addInitScript((value) => {
    if (!localStorage.getItem("derisk:theme")) localStorage.setItem("derisk:theme", value);
  }, theme);
  await countOpenRequests(context);
  return context;
}

/**
 * Keeps, in each page of the context, a count of the app's requests not yet answered in full
 * (`window.__deriskOpenRequests`): a fetch counts until it answers, and reading its body counts
 * again until the body is read, so an answer whose JSON is still on its way is not "done". The
 * app's own fetch is called unchanged, and its result or error passed on as it was. harness.ts's
 * `settle` waits on this count; newContext installs it, a spec that makes its own context calls it.
 */
export async function countOpenRequests(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const state = { open: 0 };
    Object.defineProperty(window, "__deriskOpenRequests", { get: () => state.open });
    const counted = <T>(pending: Promise<T>): Promise<T> => {
      state.open += 1;
      return pending.finally(() => {
        state.open -= 1;
      });
    };
    const fetch = window.fetch;
    window.fetch = function (this: unknown, ...args: Parameters<typeof window.fetch>) {
      return counted(fetch.apply(this, args));
    };
    for (const name of ["json", "text", "arrayBuffer", "blob", "formData"] as const) {
      const read = Response.prototype[name] as (this: Response) => Promise<unknown>;
      Object.defineProperty(Response.prototype, name, {
        configurable: true,
        writable: true,
        value(this: Response) {
          return counted(read.call(this));
        },
      });
    }
  });
}
