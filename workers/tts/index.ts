export { createEspeakEngine, type EspeakEngineOptions } from "./espeak-engine";
export { createMediaServer, type MediaServer, type MediaServerConfig } from "./media-server";
export { TtsError, type TtsEngine } from "./tts-engine";
export { createTtsService, type TtsService, type TtsServiceConfig } from "./tts-service";
export { parseWav, telephonyWav, TELEPHONY_WAV } from "./wav-format";
