import { z } from "zod";

export const flowNameSchema = z
  .string({ error: "must be a text" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters");
