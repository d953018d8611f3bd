import type { SimSwitch } from "../switch";
import { type AriResponse, error } from "./ari-http";

/**
 * File extensions of Asterisk's format modules (the `.exts` of formats/format_*.c) and their media
 * type; a stored recording's extension must be one of them.
 */
const FORMAT_EXTENSIONS: ReadonlyArray<{ exts: readonly string[]; type: "audio" | "video" }> = [
  { exts: ["wav"], type: "audio" },
  { exts: ["wav16"], type: "audio" },
  { exts: ["WAV", "wav49"], type: "audio" },
  { exts: ["gsm"], type: "audio" },
  { exts: ["pcm", "ulaw", "ul", "mu", "ulw"], type: "audio" },
  { exts: ["alaw", "al", "alw"], type: "audio" },
  { exts: ["g722"], type: "audio" },
  { exts: ["g719"], type: "audio" },
  { exts: ["g723", "g723sf"], type: "audio" },
  { exts: ["g726-40"], type: "audio" },
  { exts: ["g726-32"], type: "audio" },
  { exts: ["g726-24"], type: "audio" },
  { exts: ["g729"], type: "audio" },
  { exts: ["ilbc"], type: "audio" },
  { exts: ["siren7"], type: "audio" },
  { exts: ["siren14"], type: "audio" },
  { exts: ["sln", "slin", "raw"], type: "audio" },
  { exts: ["sln12"], type: "audio" },
  { exts: ["sln16"], type: "audio" },
  { exts: ["vox"], type: "audio" },
  { exts: ["ogg"], type: "audio" },
  { exts: ["spx"], type: "audio" },
  { exts: ["spx16"], type: "audio" },
  { exts: ["spx32"], type: "audio" },
  { exts: ["h263"], type: "video" },
  { exts: ["h264"], type: "video" },
];

/** The file Asterisk writes for a recording format: the format's name, except wav49, written as .WAV (main/file.c). */
export const storedExtension = (format: string): string => (format === "wav49" ? "WAV" : format);

/**
 * GET /recordings/stored/{recordingName}/file as ast_ari_recordings_get_stored_file
 * (res/ari/resource_recordings.c): 404 "Recording not found", 500 when no format module claims the
 * file's extension, else 200 with the file and `Content-Type: <media type>/<extension>` (audio/wav,
 * audio/gsm, audio/ulaw, audio/WAV, …).
 */
export function storedRecordingFile(sw: SimSwitch, name: string): AriResponse {
  const stored = sw.storedRecordings.get(name);
  if (!stored) return error(404, "Recording not found");
  const extension = storedExtension(stored.format);
  const format = FORMAT_EXTENSIONS.find((candidate) => candidate.exts.includes(extension));
  if (!format) return error(500, "Format specified by recording not available or loaded");
  return { status: 200, raw: { data: stored.data, contentType: `${format.type}/${extension}` } };
}
