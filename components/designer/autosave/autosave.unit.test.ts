import { describe, expect, it } from "vitest";
import { z } from "zod";
import { graphSchema } from "@/flows-runtime/graph/schema";
import fixture from "@/flows-runtime/fixtures/after-sales-ivr.json";
import type { ApiResult } from "@/components/api-request";
import { createEditorStore } from "../store/editor-store";
import { createAutosave, type Request } from "./autosave";

const graph = () => graphSchema.parse(fixture);

/** A fake draft endpoint with optimistic concurrency, like the real one. */
function fakeServer() {
  const server: { revision: number; graph: unknown; puts: number } = { revision: 1, graph: graph(), puts: 0 };
  const request: Request = async (_url, init = {}): Promise<ApiResult> => {
    if (init.method === "PUT") {
      server.puts += 1;
      const body = z.object({ graph: z.unknown(), baseRevision: z.number() }).parse(init.body);
      if (body.baseRevision !== server.revision) {
        return { ok: false, status: 409, error: { code: "draft_conflict", message: "conflict", updatedBy: { name: "Li" } } };
      }
      server.revision += 1;
      server.graph = body.graph;
      return { ok: true, status: 200, data: { draft: { revision: server.revision, updatedAt: new Date().toISOString() } } };
    }
    return { ok: true, status: 200, data: { draft: { revision: server.revision, graph: server.graph, updatedAt: new Date().toISOString() } } };
  };
  return { server, request };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("autosave", () => {
  it("saves after edits with the revision it started from", async () => {
    const { server, request } = fakeServer();
    const editor = createEditorStore(graph());
    const autosave = createAutosave({ flowId: "f1", revision: 1, editor, request, debounceMs: 10 });
    editor.getState().actions.updateNodeData("main_menu", { label: "Menu A" });
    expect(autosave.status.getState().state).toBe("pending");
    await wait(50);
    expect(autosave.status.getState()).toMatchObject({ state: "saved", revision: 2 });
    expect(JSON.stringify(server.graph)).toContain("Menu A");
    autosave.dispose();
  });

  it("stops on a conflict and overwrites nothing until reloaded", async () => {
    const { server, request } = fakeServer();
    const editor = createEditorStore(graph());
    const autosave = createAutosave({ flowId: "f1", revision: 1, editor, request, debounceMs: 10 });
    server.revision = 5;
    server.graph = { ...graph(), name: "theirs" };
    editor.getState().actions.updateNodeData("main_menu", { label: "mine" });
    expect(await autosave.flush()).toBe(false);
    expect(autosave.status.getState().state).toBe("conflict");
    editor.getState().actions.updateNodeData("main_menu", { label: "mine again" });
    await wait(50);
    expect(server.puts).toBe(1);
    expect(JSON.stringify(server.graph)).toContain("theirs");
    expect(await autosave.reload()).toBe(true);
    expect(editor.getState().meta.name).toBe("theirs");
    expect(autosave.status.getState()).toMatchObject({ state: "saved", revision: 5 });
    editor.getState().actions.updateNodeData("main_menu", { label: "after reload" });
    expect(await autosave.flush()).toBe(true);
    expect(server.revision).toBe(6);
    autosave.dispose();
  });

  it("still sends the last edit when the canvas is left before the debounce ran out", async () => {
    const { server, request } = fakeServer();
    const editor = createEditorStore(graph());
    const autosave = createAutosave({ flowId: "f1", revision: 1, editor, request, debounceMs: 10_000 });
    editor.getState().actions.updateNodeData("main_menu", { label: "typed just before leaving" });
    autosave.dispose();
    await wait(50);
    expect(server.puts).toBe(1);
    expect(JSON.stringify(server.graph)).toContain("typed just before leaving");
  });
});
