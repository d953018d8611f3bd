import type { NodeDefinition } from "../node-definition";
import { voicemailSchema, type VoicemailConfig } from "./schema";

export const voicemailDefinition: NodeDefinition<VoicemailConfig> = {
  type: "voicemail",
  kinds: ["routing"],
  category: "call-control",
  label: { en: "Voicemail", zh: "转语音信箱" },
  description: {
    en: "Takes the call out of the queue and back to the IVR, which continues through its transfer's failed exit (where it records the message).",
    zh: "让来电离开队列回到 IVR，IVR 从转接节点的“失败”分支继续（在那里录音留言）。",
  },
  icon: "voicemail",
  schema: voicemailSchema,
  endsCall: true,
  defaults: () => ({}),
  ports: () => [],
  expressions: () => [],
  writes: () => [],
};
