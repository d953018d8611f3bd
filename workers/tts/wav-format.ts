/** What Asterisk plays from a .wav URL without transcoding: 8 kHz, mono, 16-bit signed PCM. */
export const TELEPHONY_WAV = { sampleRate: 8000, channels: 1, bitsPerSample: 16 } as const;

/** Part of the TTS cache key, so a format change never serves stale files. */
export const TELEPHONY_WAV_FORMAT_ID = "wav-pcm-s16le-8000-mono";

const PCM = 1;
const HEADER_BYTES = 44;

export interface WavInfo {
  audioFormat: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  dataOffset: number;
  dataBytes: number;
  durationMs: number;
}

/** A canonical 44-byte RIFF/WAVE header for PCM data in the telephony format. */
export function telephonyWavHeader(dataBytes: number): Buffer {
  const { sampleRate, channels, bitsPerSample } = TELEPHONY_WAV;
  const blockAlign = (channels * bitsPerSample) / 8;
  const h = Buffer.alloc(HEADER_BYTES);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write("WAVE", 8, "ascii");
  h.write("fmt ", 12, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(PCM, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * blockAlign, 28);
  h.writeUInt16LE(blockAlign, 32);
  h.writeUInt16LE(bitsPerSample, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export function telephonyWav(pcm: Buffer): Buffer {
  return Buffer.concat([telephonyWavHeader(pcm.length), pcm]);
}

/** Reads the fmt and data chunks of a RIFF/WAVE file; throws when the file is not one. */
export function parseWav(buf: Buffer): WavInfo {
  if (buf.length < 12 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a RIFF/WAVE file");
  }
  let fmt: Omit<WavInfo, "dataOffset" | "dataBytes" | "durationMs"> | null = null;
  let offset = 12;
  while (offset + 8 <= buf.length) {
    const id = buf.toString("ascii", offset, offset + 4);
    const size = buf.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === "fmt ") {
      if (size < 16 || body + 16 > buf.length) throw new Error("truncated fmt chunk");
      fmt = {
        audioFormat: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === "data") {
      if (!fmt) throw new Error("data chunk before fmt chunk");
      if (body + size > buf.length) throw new Error("data chunk is longer than the file");
      const bytesPerSecond = fmt.sampleRate * fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataOffset: body, dataBytes: size, durationMs: bytesPerSecond > 0 ? (size / bytesPerSecond) * 1000 : 0 };
    }
    offset = body + size + (size % 2);
  }
  throw new Error("no data chunk");
}

export function isTelephonyWav(info: WavInfo): boolean {
  return (
    info.audioFormat === PCM &&
    info.channels === TELEPHONY_WAV.channels &&
    info.sampleRate === TELEPHONY_WAV.sampleRate &&
    info.bitsPerSample === TELEPHONY_WAV.bitsPerSample
  );
}
