import type { MediaItem } from "../../interpreter/effects";
import type { ExecContext, Variables } from "../node-definition";
import { DEFAULT_LANGUAGE } from "./languages";
import type { CompiledMediaList } from "./media-compiled";

export function currentLanguage(vars: Variables): string {
  const language = vars.get("call.language");
  return typeof language === "string" && language !== "" ? language : DEFAULT_LANGUAGE;
}

function toNumber(value: unknown): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw new Error(`cannot read out ${JSON.stringify(value) ?? String(value)} as a number`);
}

/** Turns compiled prompt items into what the effects play, with templates rendered now. */
export function renderMedia(list: CompiledMediaList, ctx: ExecContext): MediaItem[] {
  return list.map((item): MediaItem => {
    switch (item.kind) {
      case "tts": {
        const text = ctx.render(item.text);
        const language = item.language ?? currentLanguage(ctx.vars);
        return item.voice === null ? { kind: "tts", text, language } : { kind: "tts", text, language, voice: item.voice };
      }
      case "sound":
        return { kind: "sound", name: item.name };
      case "digits":
        return { kind: "digits", value: ctx.render(item.value) };
      case "number":
        return { kind: "number", value: toNumber(ctx.evaluate(item.value)) };
    }
  });
}
