import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "@/app/_server/auth/session";
import { mapEntryPoint } from "@/app/_server/flows/map-entry-point";
import { saveDraft } from "@/app/_server/flows/save-draft";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { decideReview } from "@/app/_server/reviews/decide-review";
import { submitReview } from "@/app/_server/reviews/submit-review";
import { publishVersion } from "@/app/_server/versions/publish-version";
import { rollbackFlow } from "@/app/_server/versions/rollback-flow";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { promptsHeard } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

function hotline(version: string) {
  return ivrGraph({
    name: "rollback hotline",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "menu", type: "menu", data: { prompt: [tts(`hotline ${version}: press 1`)], options: [{ key: "1" }], timeoutSeconds: 30, maxRetries: 0 } },
      { id: "say", type: "play", data: { media: [tts(`goodbye from ${version}`)] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", "say"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ["say", "next", "bye"],
    ],
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("rolling back while calls are running", () => {
  let stack: DevStack;
  let author: Session;
  let reviewer: Session;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
    const person = async (name: string): Promise<Session> => {
      const user = await stack.prisma.user.create({ data: { email: `${name}@rollback.test`, name, role: "ops", passwordHash: "unused", locale: "en" } });
      return { userId: user.id, role: "ops", locale: "en", name, email: user.email, ip: "127.0.0.1" };
    };
    author = await person("author");
    reviewer = await person("reviewer");
  });
  afterAll(() => stack?.stop());

  /** The whole path a change takes: the author saves and submits, a second person approves and publishes. */
  async function release(flowId: string, version: string) {
    const { draftRevision } = await stack.prisma.flow.findUniqueOrThrow({ where: { id: flowId } });
    await saveDraft(author, flowId, { graph: hotline(version), baseRevision: draftRevision }, "en", stack.prisma);
    const { review } = await submitReview(author, flowId, { note: `release ${version}` }, "en", stack.prisma);
    await decideReview(reviewer, flowId, review.id, "approved", undefined, stack.prisma);
    return publishVersion(reviewer, flowId, { versionId: review.versionId }, stack.prisma);
  }

  it("lets a running call finish on its version while new calls get the rolled-back one", async () => {
    const flow = await stack.prisma.flow.create({ data: { name: "rollback hotline", kind: "ivr", draftGraph: toJsonObject(hotline("draft")), createdById: author.userId, updatedById: author.userId } });
    await mapEntryPoint(flow.id, { kind: "did", value: "6201" }, stack.prisma);
    const v1 = await release(flow.id, "one");
    const v2 = await release(flow.id, "two");
    expect([v1.number, v2.number]).toEqual([1, 2]);

    // A caller on v2 waits at the menu while v2 is rolled back to v1.
    const onV2 = await stack.placeCall({ to: "6201", from: "100", script: "wait prompt; wait 5s; press 1; expect hangup" });
    await until("the v2 call to reach the menu", async () => (await promptsHeard(stack, onV2)).length > 0);
    const rolledBack = await rollbackFlow(reviewer, flow.id, { versionId: v1.versionId, expectedLiveVersionId: v2.versionId, note: "v2 is wrong" }, stack.prisma);
    expect(rolledBack).toMatchObject({ versionId: v1.versionId, previousLiveVersionId: v2.versionId });
    expect(await promptsHeard(stack, onV2)).toHaveLength(1);

    const newCall = await stack.placeCall({ to: "6201", from: "101", script: "wait prompt; press 1; expect hangup" });
    const newOutcome = await stack.waitForCall(newCall);
    expect(newOutcome.result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, newCall)).toEqual([["tts:hotline one: press 1"], ["tts:goodbye from one"]]);
    expect((await stack.getExecution(newCall))?.flowVersionId).toBe(v1.versionId);

    const oldOutcome = await stack.waitForCall(onV2);
    expect(oldOutcome.result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, onV2)).toEqual([["tts:hotline two: press 1"], ["tts:goodbye from two"]]);
    expect((await stack.getExecution(onV2))?.flowVersionId).toBe(v2.versionId);

    const audit = await stack.prisma.auditEntry.findMany({ where: { flowId: flow.id, action: { in: ["version.publish", "version.rollback"] } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.targetId])).toEqual([
      ["version.publish", v1.versionId],
      ["version.publish", v2.versionId],
      ["version.rollback", v1.versionId],
    ]);
  });
});
