import { AppError } from "@/app/_server/http/app-error";

export const testCaseNotFound = (caseId: string) => new AppError(404, "test_case_not_found", `Test case ${caseId} does not exist.`, { caseId });
export const testCaseRunNotFound = (runId: string) => new AppError(404, "test_case_run_not_found", `Test case run ${runId} does not exist.`, { runId });
export const testCaseNameTaken = (name: string) =>
  new AppError(409, "test_case_name_taken", `This flow already has a test case named "${name}".`, { fields: [{ field: "name", message: "is already used by another test case of this flow" }] });
