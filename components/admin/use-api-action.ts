"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";

/** Sends one change to our API, shows its error, and refreshes the page's server data on success. */
export function useApiAction() {
  const router = useRouter();
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (url: string, method: string, body?: unknown): Promise<boolean> => {
    setError(null);
    const result = await apiRequest(url, { method, body });
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    router.refresh();
    return true;
  };
  return { error, clearError: () => setError(null), run };
}
