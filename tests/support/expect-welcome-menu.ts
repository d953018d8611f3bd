import { expect } from "vitest";
import type { DevStack } from "@/workers/dev-stack";
import { WELCOME_MENU_STEPS } from "./lost-events";

/** Every call ran the welcome menu to its end: the flow hung up, the caller's script completed, every step traced. */
export async function expectWelcomeMenuFollowed(stack: DevStack, callIds: string[]): Promise<void> {
  const outcomes = await Promise.all(callIds.map((id) => stack.waitForCall(id, 90_000)));
  for (const { status, result } of outcomes) {
    expect(result?.outcome).toBe("completed");
    expect(status.hungUpBy).toBe("app");
    expect(status.script?.status).toBe("completed");
  }
  for (const callId of callIds) {
    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("completed");
    expect(execution?.steps.map((s) => [s.nodeId, s.port, s.input])).toEqual(WELCOME_MENU_STEPS);
  }
}
