import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldMessage } from "@/app/_i18n/field-message";
import { loadMessages } from "@/app/_i18n/load-messages";
import { agentActionInputSchema, agentProfileInputSchema, dispositionCodeInputSchema, ownAgentStateInputSchema, queueInputSchema, reasonInputSchema, skillInputSchema, wrapUpInputSchema } from "./queue-inputs";

const zh = loadMessages("zh-CN").fieldMessages;
const tZh = (key: keyof typeof zh) => zh[key];
const problems = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => ({ field: i.path.join("."), message: i.message })) ?? [];

describe("queue administration input", () => {
  it("names every wrong field, in words the Chinese UI translates", () => {
    const found = [
      ...problems(queueInputSchema, {
        name: "After Sales",
        displayNameZh: "",
        displayNameEn: "x".repeat(101),
        requiredSkills: [{ skillId: "s", minProficiency: 6 }],
        serviceLevelPercent: 0,
        serviceLevelSeconds: 1.5,
        maxWaiting: 0,
        maxWaitSeconds: 100_000,
        offerTimeoutSeconds: 2,
      }),
      ...problems(queueInputSchema, { name: "a", displayNameZh: "甲", displayNameEn: "A", whenFull: { kind: "queue", queue: "a" }, requiredSkills: [{ skillId: "s", minProficiency: 1 }, { skillId: "s", minProficiency: 2 }] }),
      ...problems(agentProfileInputSchema, { extension: "1", endpoint: "no slash", languages: ["Chinese"], maxVoiceCalls: 2, wrapUpSeconds: 601 }),
      ...problems(ownAgentStateInputSchema, { state: "not_ready" }),
      ...problems(skillInputSchema, { name: "-x", displayNameZh: "技", displayNameEn: "S" }),
      ...problems(reasonInputSchema, { code: "Break", nameZh: "休", nameEn: "" }),
    ];
    expect(found.map((p) => p.field)).toEqual([
      "name",
      "displayNameZh",
      "displayNameEn",
      "requiredSkills.0.minProficiency",
      "serviceLevelPercent",
      "serviceLevelSeconds",
      "maxWaiting",
      "maxWaitSeconds",
      "offerTimeoutSeconds",
      "whenFull.queue",
      "requiredSkills",
      "extension",
      "endpoint",
      "languages.0",
      "maxVoiceCalls",
      "wrapUpSeconds",
      "reasonId",
      "name",
      "code",
      "nameEn",
    ]);
    for (const problem of found) expect(fieldMessage(problem.message, "zh-CN", tZh), problem.message).toMatch(/\p{Script=Han}/u);
  });

  it("names every wrong field of a wrap-up, an agent action and a disposition code, in words the Chinese UI translates", () => {
    const found = [
      ...problems(wrapUpInputSchema, { callId: "", dispositionId: "d", note: "x".repeat(2001), then: "not_ready" }),
      ...problems(wrapUpInputSchema, { callId: "c", then: "offline", reasonId: null }),
      ...problems(agentActionInputSchema, { callId: "c", action: "answer" }),
      ...problems(dispositionCodeInputSchema, { code: "Resolved!", nameZh: "", nameEn: "Resolved" }),
    ];
    expect(found.map((p) => p.field)).toEqual(["callId", "note", "reasonId", "dispositionId", "then", "action", "code", "nameZh"]);
    for (const problem of found) expect(fieldMessage(problem.message, "zh-CN", tZh), problem.message).toMatch(/\p{Script=Han}/u);
  });

  it("fills a wrap-up's defaults: no note, available afterwards", () => {
    expect(wrapUpInputSchema.parse({ callId: "c", dispositionId: "d" })).toEqual({ callId: "c", dispositionId: "d", note: "", then: "available", reasonId: null });
    expect(wrapUpInputSchema.parse({ callId: "c", dispositionId: "d", note: "  客户满意  ", then: "not_ready", reasonId: "reason-break" }).note).toBe("客户满意");
  });

  it("fills the defaults of a new queue: always open, 80 % within 20 s, voicemail when full or closed", () => {
    expect(queueInputSchema.parse({ name: "after-sales", displayNameZh: "售后", displayNameEn: "After-sales" })).toMatchObject({
      hours: null,
      serviceLevelPercent: 80,
      serviceLevelSeconds: 20,
      offerTimeoutSeconds: 15,
      whenFull: { kind: "voicemail" },
      whenClosed: { kind: "voicemail" },
    });
  });
});
