import { forbidden, unauthenticated } from "@/app/_server/http/app-error";
import { clientIp } from "@/app/_server/http/client-ip";
import { errorResponse } from "@/app/_server/http/error-response";
import { assertSameOrigin } from "@/app/_server/http/same-origin";
import { authenticateRequest } from "./authenticate-request";
import { canOnSomeKind, type FlowAction } from "./permissions";
import type { Session } from "./session";

/** Next passes route params as a promise; every param is a string for our (non catch-all) segments. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export interface HandlerArgs {
  req: Request;
  session: Session;
  params: Record<string, string | string[] | undefined>;
}

/**
 * "signed-in": any role may call it (own preferences); "person": any role, but in a browser session,
 * not with an API token (managing one's tokens); otherwise an action from the permissions table.
 */
export type Requirement = FlowAction | "signed-in" | "person";

const isAction = (requirement: Requirement): requirement is FlowAction => requirement !== "signed-in" && requirement !== "person";

/**
 * Wraps a route handler: 403 for a state-changing request from another site (same-origin.ts), 401 without a session (cookie or `Authorization: Bearer` API token), 403 when
 * the role holds the action on no flow kind or an API token's scopes lack it, and every thrown
 * AppError (or unexpected error) becomes the uniform JSON error body. Kind-specific checks happen in
 * the domain function once the flow is loaded.
 */
export function withSession(requirement: Requirement, handler: (args: HandlerArgs) => Promise<Response>) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const authenticated = await authenticateRequest(req.headers);
      if (!authenticated) throw unauthenticated();
      if (requirement === "person" && authenticated.apiToken) throw forbidden("This needs a signed-in person, not an API token.");
      if (isAction(requirement) && !canOnSomeKind(authenticated.role, requirement)) throw forbidden();
      if (isAction(requirement) && authenticated.apiToken && !authenticated.apiToken.scopes.includes(requirement)) {
        throw forbidden(`This API token's scopes do not include ${requirement}.`);
      }
      const session: Session = { ...authenticated, ip: clientIp(req.headers) };
      return await handler({ req, session, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
