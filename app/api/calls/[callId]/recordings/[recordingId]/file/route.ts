import { withSession } from "@/app/_server/auth/require-session";
import { streamRecording } from "@/app/_server/calls/stream-recording";
import { paramFrom } from "@/app/_server/http/route-param";

/** The recording's audio, streamed from Asterisk (for the call page's <audio> player). */
export const GET = withSession("call.view", async ({ params }) => {
  return streamRecording(paramFrom(params, "callId"), paramFrom(params, "recordingId"));
});
