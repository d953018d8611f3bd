import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { addContacts } from "@/app/_server/campaigns/add-contacts";
import { contactRowsSchema } from "@/app/_server/campaigns/campaign-inputs";
import { prisma } from "@/prisma/client";

const CONTACTS_BODY_LIMIT = 4 * 1024 * 1024;

/** Adds contacts; bad rows are reported by row and field, the good ones added (duplicates merged). */
export const POST = withSession("campaign.manage", async ({ req, params }) => {
  const input = parseInput(contactRowsSchema, await readJsonBody(req, CONTACTS_BODY_LIMIT));
  return Response.json(await addContacts(prisma(), paramFrom(params, "campaignId"), input.contacts));
});
