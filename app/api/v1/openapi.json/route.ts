import { openApiDocument } from "@/lib/api/openapi";
import { API_OPERATIONS } from "@/lib/api/v1";

// Public, as an API's description is: it names operations, never anyone's data.
export function GET(): Response {
  return Response.json(openApiDocument(API_OPERATIONS), { headers: { "Cache-Control": "public, max-age=300" } });
}
