import { z } from "zod";
import { assertStorable } from "./assert-storable";
import { parseInput } from "./parse-input";

const idSchema = z.string().min(1).max(100);

/** A [name] route segment (an id), checked like any other input. */
export function paramFrom(params: Record<string, string | string[] | undefined>, name: string): string {
  assertStorable(params[name], `params.${name}`);
  return parseInput(z.object({ [name]: idSchema }), params, "params")[name] ?? "";
}

/** The query string as an object of its first values, for zod. */
export function queryOf(req: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  assertStorable(query, "query");
  return query;
}
