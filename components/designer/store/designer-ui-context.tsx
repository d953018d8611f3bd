"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { DesignerUiState, DesignerUiStore } from "./designer-ui-store";

const DesignerUiContext = createContext<DesignerUiStore | null>(null);

export function DesignerUiProvider({ store, children }: { store: DesignerUiStore; children: ReactNode }) {
  return <DesignerUiContext.Provider value={store}>{children}</DesignerUiContext.Provider>;
}

export function useDesignerUiApi(): DesignerUiStore {
  const store = useContext(DesignerUiContext);
  if (store === null) throw new Error("useDesignerUi needs a DesignerUiProvider");
  return store;
}

export function useDesignerUi<T>(selector: (state: DesignerUiState) => T): T {
  return useStore(useDesignerUiApi(), selector);
}
