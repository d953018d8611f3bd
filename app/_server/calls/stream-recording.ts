import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { recordingNotFound, recordingUnavailable } from "./call-errors";

/** Where the app reaches Asterisk's REST interface: the same variables the worker and the bridge read. */
const ariEnvSchema = z.object({
  ARI_URL: z.url({ protocol: /^https?$/, error: "ARI_URL must be an http(s) URL" }).default("http://127.0.0.1:8088"),
  ARI_USERNAME: z.string().min(1).default("asterisk"),
  ARI_PASSWORD: z.string().min(1).default("asterisk"),
});

const audioType = /^audio\/[A-Za-z0-9.+-]+$/;
const FETCH_TIMEOUT_MS = 15_000;

/**
 * A call's recording, streamed from Asterisk's `GET /ari/recordings/stored/{name}/file` (the browser
 * never talks to Asterisk, and never sees its credentials). Only recordings stored with the call are
 * served, by their id: a name from the request is never passed on.
 */
export async function streamRecording(callId: string, recordingId: string, deps: { db?: PrismaClient; env?: Record<string, string | undefined> } = {}): Promise<Response> {
  const db = deps.db ?? prisma();
  const recording = await db.callRecording.findFirst({ where: { id: recordingId, executionId: callId }, select: { name: true, format: true } });
  if (recording === null) throw recordingNotFound(recordingId);
  const env = ariEnvSchema.parse(deps.env ?? process.env);
  const url = `${env.ARI_URL.replace(/\/+$/, "")}/ari/recordings/stored/${encodeURIComponent(recording.name)}/file`;
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${env.ARI_USERNAME}:${env.ARI_PASSWORD}`).toString("base64")}` },
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
