import type { OriginateOptions } from "@/workers/ari";

export interface OriginateCallerRequest {
  /** Local/<exten>@<context>: the context plays the caller's side (Answer, SendDTMF, Wait, Hangup). */
  endpoint: string;
  /** Our Stasis application: the Local channel's ;1 half runs Stasis(app, to). */
  app: string;
  to: string;
  from: string;
  channelId: string;
}

/** What the runner asks Asterisk for: the flow's entry point is the Stasis argument `to`. */
export function originateCallerRequest(req: OriginateCallerRequest): OriginateOptions {
  return { endpoint: req.endpoint, app: req.app, appArgs: req.to, callerId: req.from, channelId: req.channelId, timeout: 30 };
}

/** Places the caller through POST /channels; resolves with the channel id the call's workflow is named by. */
export async function originateCaller(
  channels: { originate(options: OriginateOptions): Promise<unknown> },
  req: OriginateCallerRequest,
): Promise<string> {
  await channels.originate(originateCallerRequest(req));
  return req.channelId;
}

/** The context of Local/<exten>@<context>[/n]. */
export function localContextOf(endpoint: string): string {
  const at = endpoint.indexOf("@");
  return endpoint.slice(at + 1).replace(/\/[a-z]+$/i, "");
}
