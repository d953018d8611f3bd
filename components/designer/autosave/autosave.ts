import { createStore, type StoreApi } from "zustand/vanilla";
import { z } from "zod";
import { graphSchema } from "@/flows-runtime/graph/schema";
import type { ApiError, ApiResult } from "@/components/api-request";
import type { EditorStore } from "../store/editor-store";

export type SaveState = "saved" | "pending" | "saving" | "error" | "conflict";

export interface SaveStatus {
  state: SaveState;
  /** The draft revision this editor's content is based on. */
  revision: number;
  error: ApiError | null;
  savedAt: string | null;
}

export type Request = (url: string, init?: { method?: string; body?: unknown }) => Promise<ApiResult>;

export interface Autosave {
  status: StoreApi<SaveStatus>;
  /** Saves now if anything is unsaved; false when the draft could not be saved. */
  flush(): Promise<boolean>;
  /** Replaces the canvas with the draft as saved on the server (after a conflict). */
  reload(): Promise<boolean>;
  dispose(): void;
}

const savedSchema = z.object({ draft: z.object({ revision: z.number().int(), updatedAt: z.string() }) });
const draftSchema = z.object({ draft: z.object({ revision: z.number().int(), graph: graphSchema, updatedAt: z.string() }) });

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

/**
 * Saves the draft shortly after each change with the revision it started from. A 409 means someone
 * else saved in between: saving stops and nothing is overwritten until the person decides.
 */
export function createAutosave(options: { flowId: string; revision: number; editor: EditorStore; request: Request; debounceMs?: number }): Autosave {
  const { flowId, editor, request } = options;
  const url = `/api/flows/${encodeURIComponent(flowId)}/draft`;
  const status = createStore<SaveStatus>()(() => ({ state: "saved", revision: options.revision, error: null, savedAt: null }));
  let savedVersion = editor.getState().graphVersion;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<boolean> | null = null;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = (delay: number) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      void save();
    }, delay);
  };

  async function saveOnce(): Promise<boolean> {
    const version = editor.getState().graphVersion;
    status.setState({ state: "saving" });
    const result = await request(url, { method: "PUT", body: { graph: editor.getState().actions.graph(), baseRevision: status.getState().revision } });
    if (result.ok) {
      const saved = savedSchema.safeParse(result.data);
      if (!saved.success) {
        status.setState({ state: "error", error: { code: "internal_error", message: "Unexpected answer from the server." } });
        return false;
      }
      savedVersion = version;
      const dirty = editor.getState().graphVersion !== savedVersion;
      status.setState({ state: dirty ? "pending" : "saved", revision: saved.data.draft.revision, error: null, savedAt: saved.data.draft.updatedAt });
      if (dirty) schedule(options.debounceMs ?? DEBOUNCE_MS);
      return true;
    }
    if (result.error.code === "draft_conflict") {
      status.setState({ state: "conflict", error: result.error });
      return false;
    }
    status.setState({ state: "error", error: result.error });
    // Connection trouble is retried; a refusal (deleted flow, no permission) waits for the next edit.
    if (result.status === 0 || result.status >= 500) schedule(RETRY_MS);
    return false;
  }

  function save(): Promise<boolean> {
    if (status.getState().state === "conflict") return Promise.resolve(false);
    if (editor.getState().graphVersion === savedVersion && status.getState().state !== "error") return running ?? Promise.resolve(true);
    if (running !== null) return running.then(() => save());
    running = saveOnce().finally(() => {
      running = null;
    });
    return running;
  }

  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.graphVersion === previous.graphVersion || state.graphVersion === savedVersion) return;
    if (status.getState().state === "conflict") return;
    if (status.getState().state !== "saving") status.setState({ state: "pending" });
    schedule(options.debounceMs ?? DEBOUNCE_MS);
  });

  return {
    status,
    async flush() {
      clearTimer();
      if (running !== null) await running;
      return save();
    },
    async reload() {
      clearTimer();
      const result = await request(url);
      const draft = result.ok ? draftSchema.safeParse(result.data) : null;
      if (!draft?.success) {
        status.setState({ state: "error", error: result.ok ? { code: "internal_error", message: "Unexpected answer from the server." } : result.error });
        return false;
      }
      editor.getState().actions.loadGraph(draft.data.draft.graph);
      savedVersion = editor.getState().graphVersion;
      status.setState({ state: "saved", revision: draft.data.draft.revision, error: null, savedAt: draft.data.draft.updatedAt });
      return true;
    },
    dispose() {
      // Leaving the canvas some other way (the browser's back button): the pending edit is still sent.
      const pending = timer !== null;
      clearTimer();
      unsubscribe();
      if (pending) void save();
    },
  };
}
