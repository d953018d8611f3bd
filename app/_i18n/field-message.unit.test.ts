import { describe, expect, it } from "vitest";
import { z } from "zod";
import { entryPointInputSchema } from "@/app/_server/flows/entry-point-input";
import { issueApiTokenInputSchema } from "@/app/_server/api-tokens/manage-api-tokens";
import { submitReviewInputSchema } from "@/app/_server/reviews/submit-review";
import { fieldMessage } from "./field-message";
import { loadMessages } from "./load-messages";

const zh = loadMessages("zh-CN").fieldMessages;
const tZh = (key: keyof typeof zh) => zh[key];
const messagesOf = (schema: z.ZodType, value: unknown): string[] => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe("field problems from the API in Chinese", () => {
  it("translates the schemas' own messages and zod's", () => {
    const english = [
      ...messagesOf(entryPointInputSchema, { kind: "did", value: "12ab" }),
      ...messagesOf(entryPointInputSchema, { kind: "stasis-arg", value: "has space" }),
      ...messagesOf(entryPointInputSchema, { kind: "sip", value: "1" }),
      ...messagesOf(submitReviewInputSchema, { note: " " }),
      ...messagesOf(issueApiTokenInputSchema, { name: "", scopes: [] }),
      ...messagesOf(z.object({ name: z.string() }), { name: 1 }),
    ];
    expect(english.length).toBeGreaterThanOrEqual(7);
    for (const message of english) {
      const chinese = fieldMessage(message, "zh-CN", tZh);
      expect(chinese, message).toMatch(/\p{Script=Han}/u);
      expect(fieldMessage(message, "en", tZh)).toBe(message);
    }
    expect(fieldMessage("must be a phone number: 2 to 32 digits with an optional leading +", "zh-CN", tZh)).toBe(zh.phoneNumber);
  });
});
