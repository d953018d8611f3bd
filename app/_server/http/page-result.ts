import { forbidden, notFound } from "next/navigation";
import { AppError } from "./app-error";

/** For pages: a domain function's 404 renders the not-found page and its 403 the forbidden page. */
export async function pageResult<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}
