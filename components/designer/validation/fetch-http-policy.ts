import { z } from "zod";
import { httpPolicySchema, type HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { apiRequest } from "@/components/api-request";

const responseSchema = z.object({ policy: httpPolicySchema });

/** The HTTP allow-list for live validation (read-only route); null when it cannot be read. */
export async function fetchHttpPolicy(): Promise<HttpPolicy | null> {
  const result = await apiRequest("/api/http-allow-list/policy");
  if (!result.ok) return null;
  const parsed = responseSchema.safeParse(result.data);
  return parsed.success ? parsed.data.policy : null;
}
