import type { SnippetEntry } from "../library.ts";
import { formatLines } from "../library.ts";
import { href } from "../route.ts";
import { EmptyState } from "./EmptyState.tsx";

/** Code blocks from the document, as written, with their language and the question they follow. */
export function SnippetsView({ documentId, snippets }: { documentId: string; snippets: SnippetEntry[] }) {
  if (snippets.length === 0) {
    return (
      <EmptyState icon="file" title="No code in this document">
        <p className="muted">
          Code blocks (between ``` fences, or indented by four spaces) show here with their language.
        </p>
      </EmptyState>
    );
  }
  return (
    <section className="snippets" aria-labelledby="snippets-title">
      <h2 id="snippets-title" className="visually-hidden">
        Code
      </h2>
      <ul className="plain-list snippet-list">
        {snippets.map(({ snippet, question }) => {
          const answer = question?.variants.find((v) => v.key === snippet.answerKey) ?? question?.variants[0];
          return (
            <li key={snippet.id} className="card snippet" data-testid="snippet">
              <p className="snippet-meta">
                <span className="chip snippet-language">{snippet.language ?? "code"}</span>{" "}
                <span className="chip">
                  {snippet.lines.start === snippet.lines.end ? "Line" : "Lines"} {formatLines(snippet.lines)}
                </span>
                {question !== null && answer !== undefined && (
                  <>
                    {" "}
                    under{" "}
                    <a href={href({ page: "library", documentId, view: "answers", itemId: answer.id })}>
                      {question.number ? `${question.number} ` : ""}
                      {question.question}
                    </a>
                  </>
                )}
              </p>
              <pre className="snippet-code">
                <code className={snippet.language ? `language-${snippet.language}` : undefined}>
                  {snippet.code}
                </code>
              </pre>
              {!snippet.closed && (
                <p className="muted snippet-open">
                  Its fence is never closed, so it runs to the end of the file: add a closing ``` line in your
                  file if the text after it is not code.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
