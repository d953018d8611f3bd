export { createAriClient } from "./client";
export type { AriClient, AriClientConfig, ContinueOptions, OriginateOptions, PlayOptions, RecordOptions } from "./client";
export { AriHttpError } from "./errors";
export { createAriEventStream, eventsUrl } from "./event-stream";
export type { AriEventStream, AriEventStreamConfig } from "./event-stream";
export { AriEventSchemas, isKnownEvent, parseAriEvent } from "./events";
export type * from "./events";
export type * from "./models";
