/**
 * The browser's language as Intl accepts it. Chromium started under LANG=C or C.UTF-8 reports
 * "en-US@posix" (or "C"), which Intl refuses with a RangeError: a library that formats numbers
 * in `navigator.language` (uPlot, on the Progress page) then fails to load at all.
 */
export function usableLanguage(language: string | undefined): string {
  for (const candidate of [language, language?.replace(/[@.].*$/, "")]) {
    if (candidate === undefined || candidate === "") continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(candidate);
      if (canonical !== undefined) return canonical;
    } catch {
      // Not a BCP 47 tag: try the next candidate.
    }
  }
  return "en-US";
}

/** Replaces a language tag Intl refuses by the nearest one it accepts, for every module after. */
export function repairNavigatorLanguage(): void {
  const language = navigator.language;
  const usable = usableLanguage(language);
  if (usable === language) return;
  try {
    Object.defineProperty(navigator, "language", { value: usable, configurable: true });
    Object.defineProperty(navigator, "languages", {
      value: Object.freeze([usable, ...navigator.languages.filter((tag) => tag !== language)]),
      configurable: true,
    });
  } catch {
    // A browser that forbids it keeps its tag; the charts then say they could not be drawn.
  }
}
