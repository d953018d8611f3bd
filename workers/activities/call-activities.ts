import type { AriClient } from "../ari";
import type { PrismaClient } from "../../prisma/client";
import type { PlanCache } from "../persistence/plan-cache";
import type { SecretStore } from "../secrets/secret-store";
import type { TtsService } from "../tts/tts-service";
import { createAriActivities, type AriActivitiesConfig } from "./ari-activities";
import { createHttpActivities } from "./http-activity";
import { createPersistenceActivities } from "./persistence-activities";
import { createTtsActivities } from "./tts-activities";

export interface CallActivitiesDeps {
  ari: AriClient;
  ariConfig: AriActivitiesConfig;
  prisma: PrismaClient;
  /** Published plans and live versions kept in the worker (see createPlanCache). */
  plans?: PlanCache;
  tts: TtsService;
  secrets: SecretStore;
}

/** Every activity the call workflow uses, bound to its clients. */
export function createCallActivities(deps: CallActivitiesDeps) {
  return {
    ...createAriActivities(deps.ari, deps.ariConfig),
    ...createPersistenceActivities(deps.prisma, deps.plans),
    ...createTtsActivities(deps.tts),
    ...createHttpActivities({ secrets: deps.secrets }),
  };
}

export type CallActivities = ReturnType<typeof createCallActivities>;
