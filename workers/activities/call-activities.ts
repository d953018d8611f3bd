import type { PrismaClient } from "../../prisma/client";
import type { PlanCache } from "../persistence/plan-cache";
import type { SecretStore } from "../secrets/secret-store";
import type { TtsService } from "../tts/tts-service";
import { createAriActivities, type AriActivitiesConfig, type AsteriskConnection } from "./ari-activities";
import { createHttpPolicyReader } from "../http-allow-list/http-policy-reader";
import { createHttpActivities } from "./http-activity";
import type { OwnService, Resolver } from "./http-destination";
import { createPersistenceActivities } from "./persistence-activities";
import { createPromptActivities } from "./prompt-activities";
import { createTtsActivities } from "./tts-activities";
import { createQueueMediaActivities } from "./queue-media-activities";
import { createQueueCallActivities, type QueueHoldSettings } from "../queues/queue-call-activities";
import { createRoutingActivities } from "../queues/routing-activities";
import { createCustomerActivities } from "../customers/customer-activities";
import { createCampaignActivities } from "../campaigns/campaign-activities";

export interface CallActivitiesDeps {
  /** One ARI client per Asterisk id: every ARI activity names the Asterisk of its call. */
  asterisks: ReadonlyMap<string, AsteriskConnection>;
  ariConfig: AriActivitiesConfig;
  prisma: PrismaClient;
  /** Published plans and live versions kept in the worker (see createPlanCache). */
  plans?: PlanCache;
  tts: TtsService;
  secrets: SecretStore;
  /** Host and port of this product's services (see workers/http-allow-list/own-services.ts). */
  ownServices?: readonly OwnService[];
  /** DNS for the HTTP activity; default: the system resolver. */
  resolve?: Resolver;
  /** How queued callers are held; default class "default", a position announcement every 30 s. */
  queueHold?: QueueHoldSettings;
}

/** Every activity the call workflow uses, bound to its clients. */
export function createCallActivities(deps: CallActivitiesDeps) {
  const ari = createAriActivities(deps.asterisks, deps.ariConfig);
  return {
    ...ari,
    ...createPromptActivities(ari.playMedia, deps.tts, ari.stopPlayback),
    ...createPersistenceActivities(deps.prisma, deps.plans),
    ...createTtsActivities(deps.tts),
    ...createQueueCallActivities(deps.prisma, deps.queueHold ?? { mohClass: "default", announceEverySeconds: 30 }),
    ...createRoutingActivities(deps.prisma),
    ...createQueueMediaActivities(deps.asterisks, deps.tts),
    ...createCustomerActivities(deps.prisma),
    ...createCampaignActivities(deps.prisma, deps.asterisks, deps.ariConfig.app),
    ...createHttpActivities({
      secrets: deps.secrets,
      policy: createHttpPolicyReader(deps.prisma),
      ownServices: deps.ownServices,
      resolve: deps.resolve,
    }),
  };
}

export type CallActivities = ReturnType<typeof createCallActivities>;
