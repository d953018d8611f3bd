import { AppError } from "@/app/_server/http/app-error";

export const callNotFound = (callId: string) => new AppError(404, "call_not_found", `Call ${callId} does not exist.`, { callId });

export const recordingNotFound = (recordingId: string) => new AppError(404, "recording_not_found", `Recording ${recordingId} does not exist for this call.`, { recordingId });

export const recordingUnavailable = (detail: string) =>
  new AppError(502, "recording_unavailable", "The recording could not be fetched from Asterisk.", { detail });
