import Link from "next/link";
import type { ReactNode } from "react";

// The parts of the reference every operation shares: how to get in, what
// answers and errors look like, paging, and a first call to try. Written
// for someone with a terminal and a token, not for someone who knows Kith.

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="grid scroll-mt-6 grid-cols-1 gap-3">
      <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

// Code to copy: it wraps rather than scrolls, so a phone shows all of it.
export function CodeBlock({ label, children }: { label: string; children: string }) {
  return (
    <pre
      aria-label={label}
      className="rounded-lg border bg-muted/50 p-4 font-mono text-[0.8125rem] leading-relaxed break-all whitespace-pre-wrap"
    >
      <code>{children}</code>
    </pre>
  );
}

const C = ({ children }: { children: ReactNode }) => <code className="font-mono text-[0.875em]">{children}</code>;

const PROBLEM_EXAMPLE = `HTTP/1.1 400 Bad Request
Content-Type: application/problem+json

{
  "type": "about:blank",
  "title": "Bad Request",
  "status": 400,
  "detail": "The request body needs fixing: see errors.",
  "errors": { "valueDirection": ["Say whether you gave or received it."] }
}`;

export type ApiLimits = { requestsPerMinute: number; bodyKiB: number };

export function ApiGuide({ origin, limits }: { origin: string; limits: ApiLimits }) {
  const openApiUrl = `${origin}/api/v1/openapi.json`;
  return (
    <>
      <Section id="authenticate" title="Authenticate">
        <p>
          Create a personal access token in{" "}
          <Link href="/settings#api-tokens" className="font-medium text-primary underline underline-offset-4">
            Settings → API
          </Link>{" "}
          and send it with every request, in a header (never in the address):
        </p>
        <CodeBlock label="The header">Authorization: Bearer kith_…</CodeBlock>
        <ul className="grid list-disc gap-1 pl-5">
          <li>
            A <strong>read only</strong> token may call the operations marked <em>Read</em>; a{" "}
            <strong>read and write</strong> token may call all of them. A read-only token that asks to write is
            refused with <C>403</C>.
          </li>
          <li>
            No token, or one that is unknown, revoked or expired: <C>401</C> with a <C>WWW-Authenticate</C> header.
          </li>
          <li>
            Each token may make {limits.requestsPerMinute} requests a minute. Past that the answer is <C>429</C> with{" "}
            <C>Retry-After</C>: the seconds to wait before the next request.
          </li>
          <li>A token acts as you and sees only your own Kith. Revoke it in Settings when you no longer need it.</li>
        </ul>
      </Section>

      <Section id="answers" title="Answers and errors">
        <ul className="grid list-disc gap-1 pl-5">
          <li>
            Bodies are JSON (<C>Content-Type: application/json</C>, at most {limits.bodyKiB} KiB). Days are{" "}
            <C>YYYY-MM-DD</C>; moments are ISO 8601 in UTC.
          </li>
          <li>
            An error is <C>application/problem+json</C> (RFC 9457): <C>status</C>, <C>title</C> and a{" "}
            <C>detail</C> that says what to do. A refused input (<C>400</C>) adds <C>errors</C>: each field to fix,
            named by its path (<C>emails.0.email</C>), with its messages.
          </li>
          <li>An id that is not yours answers <C>404</C>, exactly as one that never existed does.</li>
          <li>
            A write that clashes with what is stored answers <C>409</C>; an error on Kith&rsquo;s side, <C>500</C>.
          </li>
        </ul>
        <CodeBlock label="An error">{PROBLEM_EXAMPLE}</CodeBlock>
      </Section>

      <Section id="paging" title="Pages of results">
        <p>
          A list answers one page at a time, with <C>nextCursor</C>. To read the next page, send the same request
          again with that value as the <C>cursor</C> query parameter; on the last page <C>nextCursor</C> is{" "}
          <C>null</C>. A cursor is opaque: pass it back as it came.
        </p>
      </Section>

      <Section id="try-it" title="Try it">
        <p>Check a token: this answers the account it belongs to.</p>
        <CodeBlock label="A first request with curl">{`curl -H "Authorization: Bearer kith_…" ${origin}/api/v1/me`}</CodeBlock>
        <p>
          Every operation below is also described in the OpenAPI 3.1 document,{" "}
          <a href="/api/v1/openapi.json" className="font-medium text-primary underline underline-offset-4">
            {openApiUrl}
          </a>
          . Import it into any OpenAPI client (Postman, Insomnia, Bruno) or code generator to get every operation
          with its inputs and answers.
        </p>
      </Section>
    </>
  );
}
