"use client";

import { createContext, useContext } from "react";

/** The id of the flow open in the designer (null outside one). */
export const CurrentFlowContext = createContext<string | null>(null);

export const useCurrentFlowId = (): string | null => useContext(CurrentFlowContext);
