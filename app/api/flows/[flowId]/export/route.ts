import { withSession } from "@/app/_server/auth/require-session";
import { exportFlow } from "@/app/_server/flows/export-flow";
import { flowIdFrom } from "@/app/_server/flows/flow-id";

export const GET = withSession("flow.export", async ({ session, params }) => {
  const { fileName, file } = await exportFlow(session, flowIdFrom(params));
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // RFC 6266/5987: an ASCII fallback plus the UTF-8 name, so Chinese flow names survive the download.
      "content-disposition": `attachment; filename="flow.json"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "no-store",
    },
  });
});
