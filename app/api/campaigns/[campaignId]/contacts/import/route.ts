import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { importContacts, previewContactImport } from "@/app/_server/campaigns/import-contacts";
import { csvImportQuerySchema } from "@/app/_server/csv-import/import-query";
import { csvImportBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readBodyBytes } from "@/app/_server/http/read-json-body";
import { paramFrom, queryOf } from "@/app/_server/http/route-param";

/** The body is the contact list as it is (UTF-8 or GBK). Preview (mapping, duplicates, every row problem), or import all or nothing. */
export const POST = withSession("campaign.manage", async ({ req, params, session }) => {
  const query = parseInput(csvImportQuerySchema, queryOf(req), "query");
  const bytes = await readBodyBytes(req, csvImportBodyLimit);
  const locale = localeFromHeaders(req.headers, session.locale);
  const campaignId = paramFrom(params, "campaignId");
  if (query.commit === "1") return Response.json(await importContacts(locale, campaignId, bytes, query.mapping));
  return Response.json(await previewContactImport(locale, campaignId, bytes, query.mapping));
});
