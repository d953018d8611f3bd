"use client";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

/** A phone keypad: each press is sent to the test call as DTMF. */
export function Keypad({ onPress, disabled, label }: { onPress: (key: string) => void; disabled: boolean; label: string }) {
  return (
    <div className="keypad dial" role="group" aria-label={label}>
      {KEYS.map((key) => (
        <button type="button" key={key} className="keypad-key" disabled={disabled} data-testid={`dial-${key}`} onClick={() => onPress(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
