import { withSession } from "@/app/_server/auth/require-session";
import { issueApiToken, issueApiTokenInputSchema, listApiTokens } from "@/app/_server/api-tokens/manage-api-tokens";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

export const GET = withSession("apiToken.manage", async () => {
  return Response.json({ apiTokens: await listApiTokens() });
});

/** Body: { name, scopes, userId?, expiresInDays? }. The response carries the token itself, this once. */
export const POST = withSession("apiToken.manage", async ({ req, session }) => {
  const input = parseInput(issueApiTokenInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json(await issueApiToken(session, input), { status: 201, headers: { "cache-control": "no-store" } });
});
