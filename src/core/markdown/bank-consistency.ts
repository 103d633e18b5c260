import { DeriskError } from "../errors.ts";
import type { PrepDoc, PrepItem } from "../model.ts";
import { parsePrepDocument } from "./parse.ts";
import { renderPrepDocument } from "./render.ts";

/** The fields a user reads and edits; each is derived from the item's `raw` Markdown. */
const TEXT_FIELDS = ["text", "answer", "question", "title", "code"] as const;

const excerpt = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * Rebuilds a bank file's document from its `raw` Markdown, the one source the export writes
 * and the library shows, so no item can show one text and export another. An item whose
 * text field contradicts its raw (a hand edit of `text` in the JSON) is refused, naming the
 * item, rather than silently dropped.
 *
 * @example rederiveBankDoc(parseBankJson(value), "bank.json").items[0].text
 */
export function rederiveBankDoc(doc: PrepDoc, where: string): PrepDoc {
  const fresh = parsePrepDocument(renderPrepDocument(doc), {
    encoding: doc.report.encoding,
    repaired: doc.report.repaired,
    warnings: doc.report.warnings,
  });
  const byKey = new Map<string, PrepItem>(fresh.items.map((item) => [item.key, item]));
  for (const item of doc.items) {
    const derived = byKey.get(item.key);
    if (derived?.kind !== item.kind) continue;
    for (const field of TEXT_FIELDS) {
      const given = (item as unknown as Record<string, unknown>)[field];
      const fromRaw = (derived as unknown as Record<string, unknown>)[field];
      if (typeof given === "string" && typeof fromRaw === "string" && given !== fromRaw) {
        throw new DeriskError(
          "BAD_INPUT",
          `${where}: item "${item.key}" has ${field} ${excerpt(given)}, but its raw Markdown says ${excerpt(fromRaw)}. derisk reads the raw text: make the edit in "raw" (or import the Markdown export instead).`,
        );
      }
    }
  }
  return {
    ...fresh,
    title: doc.title || fresh.title,
    ...(doc.targetRole === undefined ? {} : { targetRole: doc.targetRole }),
  };
}
