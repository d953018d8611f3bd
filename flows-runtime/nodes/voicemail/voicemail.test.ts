import { describe, expect, it } from "vitest";
import { executeNode, nodeIssues } from "../../testing/node-harness";
import { ScriptedRouting } from "../../testing/scripted-routing";
import { voicemailDefinition } from "./definition";

describe("voicemail node", () => {
  it("has no exits and ends the routing", () => {
    expect(voicemailDefinition.ports({})).toEqual([]);
    expect(voicemailDefinition.endsCall).toBe(true);
    expect(nodeIssues("voicemail", {}, { kind: "routing" })).toEqual([]);
  });

  it("hands the call back to the IVR's failed path", async () => {
    const routing = new ScriptedRouting();
    expect((await executeNode("voicemail", {}, { routing })).result).toEqual({ end: "completed" });
    expect(routing.calls).toEqual([{ kind: "voicemail" }]);
  });
});
