import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { doNotCallInputSchema } from "@/app/_server/campaigns/campaign-inputs";
import { addDoNotCall } from "@/app/_server/campaigns/manage-campaigns";
import { prisma } from "@/prisma/client";

export const POST = withSession("campaign.manage", async ({ req }) => {
  const input = parseInput(doNotCallInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ entry: await addDoNotCall(prisma(), input) }, { status: 201 });
});
