import { withSession } from "@/app/_server/auth/require-session";
import { issueApiToken, issueApiTokenInputSchema, listApiTokens } from "@/app/_server/api-tokens/manage-api-tokens";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

/** Every token for an administrator; one's own for everyone else. */
export const GET = withSession("person", async ({ session }) => {
  return Response.json({ apiTokens: await listApiTokens(session) });
});

/**
 * Body: { name, scopes, expiresInDays? }. The token acts as the signed-in user (scopes within their
 * role); the response carries it, this once.
 */
export const POST = withSession("person", async ({ req, session }) => {
  const input = parseInput(issueApiTokenInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json(await issueApiToken(session, input), { status: 201, headers: { "cache-control": "no-store" } });
});
