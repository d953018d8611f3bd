import { z } from "zod";

/** Expression text as typed by the admin; parsed by the validator and the compiler, not here. */
export const expressionSourceSchema = z.string().min(1, { abort: true }).max(2000);

/** Template text with {{expression}} holes. */
export const templateSourceSchema = z.string().max(4000);
export const requiredTemplateSchema = z.string().min(1, { abort: true }).max(4000);
