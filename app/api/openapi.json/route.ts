import { openApiDocument } from "@/app/_server/openapi/openapi-document";

/** Public: the API's description holds no data. */
export function GET(req: Request): Response {
  return Response.json(openApiDocument(new URL(req.url).origin), { headers: { "cache-control": "no-store" } });
}
