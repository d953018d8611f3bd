import { describe, expect, it } from "vitest";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { nodeSummary } from "../model/node-summary";
import { fieldSuggestions, languageName, settingName } from "./field-suggestions";

describe("settings named in the UI's language", () => {
  it("offers time zones by their localized names, keeping the IANA id as the value", () => {
    const zones = fieldSuggestions("timezone", "zh-CN");
    const shanghai = zones.find((zone) => zone.value === "Asia/Shanghai");
    expect(shanghai?.label).toMatch(/\p{Script=Han}/u);
    expect(zones.filter((zone) => !/\p{Script=Han}/u.test(zone.label))).toEqual([]);
    expect(fieldSuggestions("timezone", "en").find((zone) => zone.value === "Asia/Shanghai")?.label).toMatch(/China/);
  });

  it("names language codes and zones shown on nodes, and leaves other text alone", () => {
    expect(languageName("en-US", "zh-CN")).toBe("英语（美国）");
    expect(languageName("zh-CN", "en")).toBe("Chinese (Mandarin)");
    expect(settingName("Asia/Shanghai", "zh-CN")).toMatch(/\p{Script=Han}/u);
    expect(settingName("after-sales", "zh-CN")).toBe("after-sales");
  });

  it("summarises a queue transfer by the queue's name, not the target's kind", () => {
    const transfer = getNodeDefinition("transfer");
    if (transfer === undefined) throw new Error("no transfer node type");
    expect(nodeSummary(transfer, { target: { kind: "queue", queue: "after-sales", priority: 5, skills: [] } })).toBe("after-sales");
  });

  it("summarises a routing queue step by its queue, not by its priority", () => {
    const queue = getNodeDefinition("queue");
    if (queue === undefined) throw new Error("no queue node type");
    expect(nodeSummary(queue, { queue: "after-sales", priority: "5", skills: [], waitSeconds: 60 })).toBe("after-sales");
    expect(nodeSummary(queue, { queue: "", priority: "5", skills: [], waitSeconds: 60 })).toBe("");
  });
});
