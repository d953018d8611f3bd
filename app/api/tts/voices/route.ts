import { withSession } from "@/app/_server/auth/require-session";
import { listInstalledVoices } from "@/app/_server/tts/list-installed-voices";

/** The text-to-speech voices installed, for the prompt form's language and voice lists. */
export const GET = withSession("flow.editDraft", async () => {
  return Response.json({ voices: await listInstalledVoices() }, { headers: { "cache-control": "no-store" } });
});
