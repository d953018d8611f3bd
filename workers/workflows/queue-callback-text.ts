/** What the queued callback says (README "Queues and agents"), in the call's language: Chinese for zh*, else English. */

const isChinese = (language: string) => language.toLowerCase().startsWith("zh");

/** A number read digit by digit ("1 3 8 …"), as TTS should say it. */
export function spokenDigits(number: string): string {
  return [...number.replace(/[^0-9]/g, "")].join(" ");
}

/** Appended to the position announcement once the caller may ask for a callback. */
export function callbackOfferText(key: string, language: string): string {
  return isChinese(language) ? `如需回拨，请按${key}，您的排队位置将保留。` : ` To be called back, press ${key}; you keep your place in the queue.`;
}

export function callbackConfirmText(number: string, language: string): string {
  const digits = spokenDigits(number);
  return isChinese(language) ? `我们将回拨您的号码 ${digits}，确认请按1，输入其他号码请按2。` : `We will call you back at ${digits}. Press 1 to confirm, 2 to enter another number.`;
}

export function callbackEnterNumberText(language: string): string {
  return isChinese(language) ? "请输入回拨号码，以井号键结束。" : "Please enter the number to call back, then press the hash key.";
}

export function callbackGoodbyeText(language: string): string {
  return isChinese(language) ? "好的，我们会尽快回拨您，您的排队位置已保留。再见。" : "Thank you. We will call you back soon; you keep your place in the queue. Goodbye.";
}

/** Keys of the IVR's variables that name the order, first found wins (as the agent page labels them). */
const ORDER_KEYS = ["orderNumber", "order_number", "order"];

/** What the agent hears before the customer is called: who it is and what the IVR collected. */
export function callbackAgentText(number: string, variables: Record<string, unknown>, language: string): string {
  const order = ORDER_KEYS.map((key) => variables[key]).find((value) => typeof value === "string" || typeof value === "number");
  const digits = spokenDigits(number);
  if (isChinese(language)) return `回拨客户 ${digits}${order === undefined ? "" : `，订单号 ${spokenDigits(String(order)) || String(order)}`}，正在为您接通。`;
  return `Callback to customer ${digits}${order === undefined ? "" : `, order number ${String(order)}`}. Connecting you now.`;
}

/**
 * Keys pressed for another number, up to "#": the number, or null while it is not a number yet
 * (3 to 20 digits; "*" and letters do not dial).
 */
export function callbackNumberOf(keys: string): string | null {
  const number = keys.replace(/#.*$/, "");
  return /^[0-9]{3,20}$/.test(number) ? number : null;
}
