import { describe, expect, it } from "vitest";
import { flowChoicesResponseSchema, subflowChoices } from "./subflow-choices";

const live = { versionId: "v1", number: 1, publishedAt: "2025-01-01T00:00:00.000Z" };
const flows = flowChoicesResponseSchema.parse({
  flows: [
    { id: "self", name: "This flow", live, kind: "ivr" },
    { id: "pin", name: "PIN check", live, kind: "ivr" },
    { id: "draft", name: "Draft only", live: null, kind: "ivr" },
    { id: "survey", name: "After-call survey", live, kind: "ivr" },
  ],
}).flows;

describe("subflowChoices", () => {
  it("offers the other published flows by name", () => {
    expect(subflowChoices(flows, "self", "", "en")).toEqual({
      options: [
        { id: "survey", name: "After-call survey" },
        { id: "pin", name: "PIN check" },
      ],
      unlisted: null,
    });
  });

  it("keeps a chosen flow that is no longer published visible, by name when known", () => {
    expect(subflowChoices(flows, "self", "draft", "en").unlisted).toEqual({ id: "draft", name: "Draft only" });
    expect(subflowChoices(flows, "self", "deleted-flow", "en").unlisted).toEqual({ id: "deleted-flow", name: null });
    expect(subflowChoices(flows, "self", "pin", "en").unlisted).toBeNull();
  });
});
