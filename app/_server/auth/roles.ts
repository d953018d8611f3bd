import { z } from "zod";
import { Role } from "@/prisma/generated/enums";

/** The roles of prisma's Role enum, as a zod schema (kept in step with the database by `satisfies`). */
export const roles = [Role.admin, Role.ops, Role.agent, Role.marketer] as const satisfies readonly Role[];
export const roleSchema = z.enum(roles);
export type AppRole = z.infer<typeof roleSchema>;
