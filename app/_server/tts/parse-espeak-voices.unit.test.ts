import { describe, expect, it } from "vitest";
import { voiceSpeaks } from "@/flows-runtime/nodes/shared/tts-languages";
import { parseEspeakVoices } from "./parse-espeak-voices";

// Lines as espeak-ng 1.51 prints them (`espeak-ng --voices`).
const OUTPUT = `Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)
 5  en-gb-scotland  --/M      English_(Scotland) gmw/en-GB-scotland   (en 4)
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)
 5  yue             --/M      Chinese_(Cantonese,_latin_as_Jyutping) sit/yue-Latn-jyutping (zh-yue 5)(zh 8)
 5  de              --/M      German             gmw/de
`;

describe("the installed espeak-ng voices", () => {
  it("reads each voice's id and the languages it speaks, once per id", () => {
    expect(parseEspeakVoices(OUTPUT)).toEqual([
      { id: "cmn", languages: ["cmn", "zh-cmn", "zh"] },
      { id: "en-gb-scotland", languages: ["en-gb-scotland", "en"] },
      { id: "en-us", languages: ["en-us", "en"] },
      { id: "yue", languages: ["yue", "zh-yue", "zh"] },
      { id: "de", languages: ["de"] },
    ]);
  });

  it("matches voices to prompt languages as the TTS worker picks them", () => {
    const voices = parseEspeakVoices(OUTPUT);
    expect(voices.filter((voice) => voiceSpeaks(voice, "zh-CN")).map((voice) => voice.id)).toEqual(["cmn", "yue"]);
    expect(voices.filter((voice) => voiceSpeaks(voice, "en-US")).map((voice) => voice.id)).toEqual(["en-gb-scotland", "en-us"]);
  });
});
