import type { AriClient } from "../ari";
import type { PrismaClient } from "../../prisma/client";
import type { SecretStore } from "../secrets/secret-store";
import type { TtsService } from "../tts/tts-service";
import { createAriActivities, type AriActivitiesConfig } from "./ari-activities";
import { createHttpActivities } from "./http-activity";
import { createPersistenceActivities } from "./persistence-activities";
import { createPromptActivities } from "./prompt-activities";
import { createTtsActivities } from "./tts-activities";

export interface CallActivitiesDeps {
  ari: AriClient;
  ariConfig: AriActivitiesConfig;
  prisma: PrismaClient;
  tts: TtsService;
  secrets: SecretStore;
}

/** Every activity the call workflow uses, bound to its clients. */
export function createCallActivities(deps: CallActivitiesDeps) {
  const ari = createAriActivities(deps.ari, deps.ariConfig);
  return {
    ...ari,
    ...createPromptActivities(ari.playMedia, deps.tts),
    ...createPersistenceActivities(deps.prisma),
    ...createTtsActivities(deps.tts),
    ...createHttpActivities({ secrets: deps.secrets }),
  };
}

export type CallActivities = ReturnType<typeof createCallActivities>;
