import { createStore, type StoreApi } from "zustand/vanilla";
import type { LiveValidation } from "../validation/validation-messages";

export type SidePanel = "settings" | "problems" | "variables" | "test-call";

export interface FocusRequest {
  nodeId: string;
  path: (string | number)[];
  /** Bumped on every request, so clicking the same problem twice focuses again. */
  seq: number;
}

export interface TestCallHighlight {
  activeNodeId: string | null;
  visitedNodeIds: ReadonlySet<string>;
  /** "source port" keys of the connections the call followed. */
  takenPorts: ReadonlySet<string>;
}

/** Designer state that is not the graph: validation results, panels, test-call highlights. */
export interface DesignerUiState {
  validation: LiveValidation | null;
  panel: SidePanel;
  focus: FocusRequest | null;
  helpOpen: boolean;
  highlight: TestCallHighlight;
  setValidation(validation: LiveValidation): void;
  setPanel(panel: SidePanel): void;
  requestFocus(nodeId: string, path: (string | number)[]): void;
  setHelpOpen(open: boolean): void;
  setHighlight(highlight: TestCallHighlight): void;
}

export type DesignerUiStore = StoreApi<DesignerUiState>;

export const noHighlight: TestCallHighlight = { activeNodeId: null, visitedNodeIds: new Set(), takenPorts: new Set() };

export const portKey = (nodeId: string, port: string): string => `${nodeId} ${port}`;

export function createDesignerUiStore(): DesignerUiStore {
  return createStore<DesignerUiState>()((set, get) => ({
    validation: null,
    panel: "settings",
    focus: null,
    helpOpen: false,
    highlight: noHighlight,
    setValidation: (validation) => set({ validation }),
    setPanel: (panel) => set({ panel }),
    requestFocus: (nodeId, path) => set({ focus: { nodeId, path, seq: (get().focus?.seq ?? 0) + 1 }, panel: "settings" }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    setHighlight: (highlight) => set({ highlight }),
  }));
}
