import { withSession } from "@/app/_server/auth/require-session";
import { readHttpPolicy } from "@/app/_server/http-allow-list/read-http-policy";

/** Read-only, for the designer's live validation: every role that edits drafts may read it. */
export const GET = withSession("flow.editDraft", async () => {
  return Response.json({ policy: await readHttpPolicy() }, { headers: { "cache-control": "no-store" } });
});
