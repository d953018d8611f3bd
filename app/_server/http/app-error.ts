/**
 * An expected failure with its HTTP status. Serialized as `{ error: { code, message, ...details } }`;
 * the UI translates by `code` and shows `message` only as a fallback.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to continue.");
export const forbidden = (message = "Your role does not allow this action.") => new AppError(403, "forbidden", message);
export const flowNotFound = (flowId: string) => new AppError(404, "flow_not_found", `Flow ${flowId} does not exist.`, { flowId });
