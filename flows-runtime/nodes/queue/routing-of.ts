import type { RoutingEffects } from "../../interpreter/routing-effects";
import type { ExecContext } from "../node-definition";

/** The queues; a routing node in another kind of flow is refused by the validator, so this is a bug or an old plan. */
export function routingOf(ctx: ExecContext): RoutingEffects {
  if (ctx.routing === null) throw new Error("routing nodes run only in a routing flow a queue hands a call to");
  return ctx.routing;
}
