import { AppError } from "@/app/_server/http/app-error";

export const testCallNotFound = (callId: string) => new AppError(404, "test_call_not_found", `Test call ${callId} does not exist.`, { callId });

export const simulatorUnavailable = (detail: string) =>
  new AppError(503, "test_call_unavailable", "Test calls are not available: the call simulator or the call engine is not running.", { detail });
