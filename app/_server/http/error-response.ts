import { AppError } from "./app-error";

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.status });
  }
  console.error("[api] unexpected error", error);
  return Response.json({ error: { code: "internal_error", message: "Something went wrong on the server." } }, { status: 500 });
}
