import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { localeSchema } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";

export const setUserLocaleInputSchema = z.object({ locale: localeSchema });
export type SetUserLocaleInput = z.infer<typeof setUserLocaleInputSchema>;

/** Stores the UI language as the user's preference (used on every browser where no choice was made). */
export async function setUserLocale(actor: Session, input: SetUserLocaleInput, db: PrismaClient = prisma()): Promise<SetUserLocaleInput> {
  await db.user.update({ where: { id: actor.userId }, data: { locale: input.locale } });
  return { locale: input.locale };
}
