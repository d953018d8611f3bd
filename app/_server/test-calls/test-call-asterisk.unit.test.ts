import { afterEach, describe, expect, it, vi } from "vitest";
import { callWorkflowId } from "@/workers/workflows/call-workflow-id";
import { testCallAsteriskId } from "./simulator";

describe("the Asterisk a designer test call runs on", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is the default one unless ARI_SIM_ASTERISK_ID names the simulator's bridge", () => {
    vi.stubEnv("ARI_SIM_ASTERISK_ID", "");
    expect(callWorkflowId("1.2", testCallAsteriskId())).toBe("call-1.2");
    vi.stubEnv("ARI_SIM_ASTERISK_ID", "lab");
    expect(callWorkflowId("1.2", testCallAsteriskId())).toBe("call@lab:1.2");
  });

  it("refuses an id no bridge can have, naming the variable", () => {
    vi.stubEnv("ARI_SIM_ASTERISK_ID", "Lab-1");
    expect(() => testCallAsteriskId()).toThrow(/^ARI_SIM_ASTERISK_ID: an Asterisk id is 1–32 lowercase letters, digits or _$/);
  });
});
