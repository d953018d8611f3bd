import { validateGraphForEditor } from "@/flows-runtime/compiler/validate";
import type { Graph } from "@/flows-runtime/graph/schema";
import { validationResponseSchema, type LiveValidation, type ValidationContext } from "./validation-messages";

export interface ValidationRunner {
  /** Only the latest request's result is delivered; older ones still running are dropped. */
  validate(graph: Graph, context: ValidationContext): void;
  dispose(): void;
}

function mainThreadRunner(onResult: (validation: LiveValidation) => void): ValidationRunner {
  return { validate: (graph, context) => onResult(validateGraphForEditor(graph, context)), dispose: () => undefined };
}

/** Validates in a Web Worker; falls back to the main thread where workers cannot start. */
export function createValidationRunner(onResult: (validation: LiveValidation) => void): ValidationRunner {
  let worker: Worker;
  try {
    // A classic worker: Turbopack bootstraps worker chunks with importScripts, which module workers lack.
    worker = new Worker(new URL("./validation.worker.ts", import.meta.url));
  } catch {
    return mainThreadRunner(onResult);
  }
  let latest = 0;
  let fallback: ValidationRunner | null = null;
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const response = validationResponseSchema.safeParse(event.data);
    if (response.success && response.data.id === latest) onResult(response.data.result);
  };
  worker.onerror = () => {
    fallback = mainThreadRunner(onResult);
  };
  return {
    validate(graph, context) {
      if (fallback !== null) return fallback.validate(graph, context);
      latest += 1;
      worker.postMessage({ id: latest, graph, context });
    },
    dispose: () => worker.terminate(),
  };
}
