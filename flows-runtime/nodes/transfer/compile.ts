import type { NodeCompiler } from "../node-definition";
import { compileTemplate } from "../shared/compile-source";
import type { TransferCompiled } from "./compiled";
import type { TransferConfig } from "./schema";

export const compileTransfer: NodeCompiler<TransferConfig, TransferCompiled> = ({ target }) => {
  switch (target.kind) {
    case "queue":
      return { target: { kind: "queue", queue: target.queue, priority: target.priority, skills: [...target.skills] } };
    case "number":
      return {
        target: { kind: "number", number: compileTemplate(target.number), callerId: target.callerId, timeoutSeconds: target.timeoutSeconds },
      };
    case "endpoint":
      return { target: { kind: "endpoint", endpoint: target.endpoint, timeoutSeconds: target.timeoutSeconds } };
  }
};
