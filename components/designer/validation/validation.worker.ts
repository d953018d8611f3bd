import { validateGraphForEditor } from "@/flows-runtime/compiler/validate";
import { validationRequestSchema } from "./validation-messages";

// Runs the full validator off the main thread: 2,000 nodes take ~100 ms, which must not block typing or dragging.
self.onmessage = (event: MessageEvent<unknown>) => {
  const request = validationRequestSchema.safeParse(event.data);
  if (!request.success) return;
  const { id, graph, context } = request.data;
  self.postMessage({ id, result: validateGraphForEditor(graph, context) });
};
