import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-label";

describe("fieldLabel names a changed setting as the form does", () => {
  const play = { media: [{ kind: "tts", text: "Hello" }] };
  const menu = { prompt: [{ kind: "tts", text: "Choose" }], options: [{ key: "1", label: "" }, { key: "3", label: "Sales" }] };

  it("a one-item prompt list reads as the prompt's text, in both languages", () => {
    expect(fieldLabel("play", ["media", 0, "text"], play, play, "en")).toBe("Prompt text");
    expect(fieldLabel("play", ["media", 0, "text"], play, play, "zh-CN")).toBe("提示音的文本");
  });

  it("a keyed menu option is named by its key", () => {
    expect(fieldLabel("menu", ["options", { by: "key", value: "3" }, "label"], menu, menu, "en")).toBe("Option 3 meaning");
    expect(fieldLabel("menu", ["options", { by: "key", value: "3" }, "label"], menu, menu, "zh-CN")).toBe("选项 3 的含义");
  });

  it("a switch uses its form label", () => {
    expect(fieldLabel("play", ["bargeIn"], play, play, "en")).toBe("Caller can interrupt");
    expect(fieldLabel("play", ["bargeIn"], play, play, "zh-CN")).toBe("允许按键打断");
  });

  it("a nested transfer setting uses its own label, never a JSON path", () => {
    const transfer = { target: { kind: "queue", queue: "sales", priority: 5, skills: [] } };
    const en = fieldLabel("transfer", ["target", "priority"], transfer, transfer, "en");
    expect(en).toBe("Priority");
    expect(fieldLabel("transfer", ["target", "priority"], transfer, transfer, "zh-CN")).toBe("优先级");
    expect(en).not.toMatch(/\$|\[|\./);
  });
});
