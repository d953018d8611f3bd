import type { AppLocale } from "@/app/_i18n/locales";
import { AppError } from "@/app/_server/http/app-error";
import type { FieldProblem } from "@/app/_server/http/parse-input";

export const customerNotFound = (customerId: string) => new AppError(404, "customer_not_found", `Customer ${customerId} does not exist.`, { value: customerId });
export const fieldNotFound = (key: string) => new AppError(404, "customer_field_not_found", `Customer field ${key} does not exist.`, { value: key });

/** A 400 naming each field, like parseInput's. */
export function invalidCustomer(fields: FieldProblem[]): AppError {
  const summary = fields.slice(0, 5).map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError(400, "invalid_input", `Invalid body: ${summary}${fields.length > 5 ? "; …" : ""}`, { fields });
}

export const phoneTaken = (index: number, number: string, customerName: string, locale: AppLocale) =>
  invalidCustomer([{ field: `phones.${index}`, message: locale === "en" ? `${number} already belongs to ${customerName}` : `${number} 已属于客户 ${customerName}` }]);
