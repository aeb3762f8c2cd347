import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiReference } from "@/components/api-docs/api-reference";
import { apiReference } from "@/components/api-docs/reference";
import { PageHeader } from "@/components/shell/page-header";
import { API_RATE_LIMIT_PER_MINUTE } from "@/lib/api/authenticate";
import { openApiDocument } from "@/lib/api/openapi";
import { API_BODY_LIMIT } from "@/lib/api/serve";
import { API_OPERATIONS } from "@/lib/api/v1";
import { currentUserId } from "@/lib/auth";

export const metadata: Metadata = { title: "API reference" };

// The origin the reader reached this page at, so the examples run as
// pasted: behind a proxy, the host and scheme it forwarded.
async function requestOrigin(): Promise<string> {
  const list = await headers();
  const first = (name: string) => list.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost:3000";
  const scheme = first("x-forwarded-proto") ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https");
  return `${scheme}://${host}`;
}

// The REST API's reference, written from the same operations as the OpenAPI
// document (/api/v1/openapi.json), so the two always say the same thing.
export default async function ApiReferencePage() {
  const userId = await currentUserId();
  if (!userId) notFound();
  const tags = apiReference(API_OPERATIONS, openApiDocument(API_OPERATIONS));
  return (
    <>
      <PageHeader
        title="API reference"
        description="Use your Kith from scripts and assistants: the REST API under /api/v1, and MCP."
        actions={
          <Link href="/settings#api-tokens" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Back to settings
          </Link>
        }
      />
      <ApiReference
        origin={await requestOrigin()}
        limits={{ requestsPerMinute: API_RATE_LIMIT_PER_MINUTE, bodyKiB: API_BODY_LIMIT / 1024 }}
        tags={tags}
      />
    </>
  );
}
