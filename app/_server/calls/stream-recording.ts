import { prisma, type PrismaClient } from "@/prisma/client";
import { asteriskServers, type AsteriskServer } from "@/workers/asterisk-servers";
import { recordingNotFound, recordingUnavailable } from "./call-errors";

const audioType = /^audio\/[A-Za-z0-9.+-]+$/;
const FETCH_TIMEOUT_MS = 15_000;

/** The Asterisk that recorded the call, from the same variables the worker and the bridge read (ASTERISK_SERVERS or ARI_URL). */
function asteriskOf(asteriskId: string, env: Record<string, string | undefined>): AsteriskServer {
  const configured = asteriskServers(env);
  if (!configured.ok) throw recordingUnavailable(`invalid Asterisk configuration: ${configured.problems.join("; ")}`);
  const server = configured.servers.find((s) => s.id === asteriskId);
  if (!server) throw recordingUnavailable(`the call was handled by the Asterisk "${asteriskId}", which is not configured here (${configured.servers.map((s) => s.id).join(", ")})`);
  return server;
}

/**
 * A call's recording, streamed from Asterisk's `GET /ari/recordings/stored/{name}/file` (the browser
 * never talks to Asterisk, and never sees its credentials), on the Asterisk that handled the call. Only recordings stored with the call are
 * served, by their id: a name from the request is never passed on.
 */
export async function streamRecording(callId: string, recordingId: string, deps: { db?: PrismaClient; env?: Record<string, string | undefined> } = {}): Promise<Response> {
  const db = deps.db ?? prisma();
  const recording = await db.callRecording.findFirst({
    where: { id: recordingId, executionId: callId },
    select: { name: true, format: true, execution: { select: { asteriskId: true } } },
  });
  if (recording === null) throw recordingNotFound(recordingId);
  const asterisk = asteriskOf(recording.execution.asteriskId, deps.env ?? process.env);
  const url = `${asterisk.url.replace(/\/+$/, "")}/ari/recordings/stored/${encodeURIComponent(recording.name)}/file`;
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${asterisk.username}:${asterisk.password}`).toString("base64")}` },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    throw recordingUnavailable(error instanceof Error ? error.message : String(error));
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    throw recordingNotFound(recordingId);
  }
  if (!upstream.ok || upstream.body === null) {
    await upstream.body?.cancel();
    throw recordingUnavailable(`Asterisk answered ${upstream.status}`);
  }
  const declared = upstream.headers.get("content-type") ?? "";
  const headers = new Headers({
    "content-type": audioType.test(declared) ? declared : recording.format === "wav" ? "audio/wav" : "application/octet-stream",
    "content-disposition": `inline; filename="${recording.name}.${recording.format.replace(/[^A-Za-z0-9]/g, "")}"`,
    "cache-control": "private, max-age=3600",
    "x-content-type-options": "nosniff",
  });
  const length = upstream.headers.get("content-length");
  if (length !== null && /^\d+$/.test(length)) headers.set("content-length", length);
  return new Response(upstream.body, { status: 200, headers });
}
