import type { RecordingMode } from "../queues/callback-settings";

/** The recording notice before the caller is connected (README "Queues and agents"); "ask" asks for key 1. */
export function recordingNoticeText(mode: Exclude<RecordingMode, "off">, language: string): string {
  const zh = language.toLowerCase().startsWith("zh");
  if (mode === "notify") return zh ? "为保证服务质量，本次通话将被录音。" : "To ensure the quality of our service, this call will be recorded.";
  return zh ? "为保证服务质量，本次通话将被录音，同意录音请按1。" : "To ensure the quality of our service, we would like to record this call. Press 1 to agree.";
}

/** The stored recording's name: the QueuedCall row's id with the attempt's bridge, safe as a file name. */
export function queueRecordingName(rowId: string, bridgeId: string): string {
  return `queue-${rowId}-${bridgeId}`.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 180);
}
