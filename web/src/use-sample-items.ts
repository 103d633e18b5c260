/**
 * The ids of the sample document's items, so a page can keep what was drawn from the sample apart
 * from the candidate's own (the Stories list, the Compose story picker).
 */
import { useEffect, useState } from "react";
import { api, type DocumentSummary } from "./api.ts";

export function useSampleItemIds(documents: DocumentSummary[] | null): ReadonlySet<string> {
  const sampleId = documents?.find((doc) => doc.sample === true)?.id;
  const [sampleItemIds, setSampleItemIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (sampleId === undefined) {
      setSampleItemIds(new Set());
      return;
    }
    let live = true;
    api.getDocument(sampleId).then(
      (detail) => {
        if (live) setSampleItemIds(new Set(detail.items.map((item) => item.id)));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sampleId]);
  return sampleItemIds;
}
