"use client";

import { useTranslations } from "next-intl";
import { flowActions } from "@/app/_server/auth/permissions";

/** A permission action ("flow.publish") in the UI's language; an unknown one as it is. */
export function usePermissionName(): (action: string) => string {
  const t = useTranslations("permissions");
  return (action) => {
    const known = flowActions.find((candidate) => candidate === action);
    return known === undefined ? action : t(known);
  };
}
