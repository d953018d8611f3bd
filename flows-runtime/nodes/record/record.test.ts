import { describe, expect, it } from "vitest";
import { CallHangupError } from "../../interpreter/effects";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { recordDefinition } from "./definition";
import { recordSchema } from "./schema";

describe("record node", () => {
  it("fills defaults and writes the recording and its length", () => {
    const config = recordSchema.parse({});
    expect(config).toEqual({ prompt: [], maxDurationSeconds: 120, beep: true, maxSilenceSeconds: 5, terminateOn: "#", variable: "recording" });
    expect(recordDefinition.defaults()).toEqual(config);
    expect(recordDefinition.writes(config)).toEqual([
      { name: "recording", type: "string", path: ["variable"] },
      { name: "recording_duration", type: "number", path: ["variable"] },
    ]);
    expect(recordDefinition.ports(config)).toEqual([{ id: "next", label: { en: "next", zh: "下一步" }, required: false, silent: true }]);
  });

  it("explains bad limits", () => {
    expect(nodeIssues("record", { maxDurationSeconds: 0, maxSilenceSeconds: 61, variable: "" }).map((issue) => issue.message)).toEqual([
      'Record message "Test node": "Maximum length (seconds)" must be at least 1',
      'Record message "Test node": "Stop after silence (seconds)" must be at most 60',
      'Record message "Test node": "Store recording in" is required',
    ]);
  });

  it("compiles its options", () => {
    expect(compileNode("record", { maxDurationSeconds: 60, terminateOn: null, variable: "vm" }).compiled).toEqual({
      prompt: [],
      maxDurationSeconds: 60,
      beep: true,
      maxSilenceSeconds: 5,
      terminateOn: null,
      variable: "vm",
    });
  });

  it("plays the prompt, records and stores the result", async () => {
    const { result, effects, vars } = await executeNode(
      "record",
      { prompt: [{ kind: "tts", text: "Leave a message" }], variable: "vm" },
      { script: { record: { recordingName: "rec-42", durationSeconds: 33, ended: "dtmf" } } },
    );
    expect(result).toEqual({ port: "next" });
    expect(effects.plays).toEqual([expect.objectContaining({ bargeIn: false, media: [{ kind: "tts", text: "Leave a message", language: "en-US" }] })]);
    expect(effects.calls.map((call) => call.effect)).toEqual(["play", "record"]);
    expect(vars.get("vm")).toBe("rec-42");
    expect(vars.get("vm_duration")).toBe(33);
  });

  it("keeps the message and then ends the call when the caller hangs up to finish it", async () => {
    const promise = executeNode("record", {}, { script: { record: { ended: "hangup" } } });
    await expect(promise).rejects.toBeInstanceOf(CallHangupError);
  });
});
