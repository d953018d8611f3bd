import { AppError } from "@/app/_server/http/app-error";

export const queueNotFound = (id: string) => new AppError(404, "queue_not_found", `Queue ${id} does not exist.`, { id });
export const skillNotFound = (id: string) => new AppError(404, "skill_not_found", `Skill ${id} does not exist.`, { id, value: id });
export const reasonNotFound = (id: string) => new AppError(404, "reason_not_found", `Not-ready reason ${id} does not exist.`, { id, value: id });
export const queueNameTaken = (value: string) => new AppError(409, "queue_name_taken", `A queue named ${value} exists already.`, { value });
export const skillNameTaken = (value: string) => new AppError(409, "skill_name_taken", `A skill named ${value} exists already.`, { value });
export const reasonCodeTaken = (value: string) => new AppError(409, "reason_code_taken", `A reason with code ${value} exists already.`, { value });
export const dispositionNotFound = (id: string) => new AppError(404, "disposition_not_found", `Disposition code ${id} does not exist.`, { id, value: id });
export const dispositionCodeTaken = (value: string) => new AppError(409, "disposition_code_taken", `A disposition code ${value} exists already.`, { value });
export const notYourCall = (callId: string) => new AppError(403, "not_your_call", `Call ${callId} is not your current or last call.`, { value: callId });
