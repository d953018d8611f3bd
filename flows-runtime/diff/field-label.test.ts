import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-label";
import { nodeName } from "./node-name";

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

describe("nodeName names a node on the review canvas", () => {
  const at = { x: 0, y: 0 };
  it("prefers the label, then what the node says, then its id", () => {
    expect(nodeName({ id: "p1", type: "play", label: "Welcome", position: at, data: { media: [{ kind: "tts", text: "Hi" }] } })).toBe("Welcome");
    expect(nodeName({ id: "p1", type: "play", label: "", position: at, data: { media: [{ kind: "tts", text: "您好" }] } })).toBe("您好");
    expect(nodeName({ id: "m1", type: "menu", position: at, data: { prompt: [], options: [{ key: "1" }, { key: "2" }] } })).toBe("1 2");
    expect(nodeName({ id: "h1", type: "hangup", position: at, data: {} })).toBe("h1");
  });
});
