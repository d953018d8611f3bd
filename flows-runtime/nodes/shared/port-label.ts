import type { LocalizedText } from "../node-definition";

const FIXED: Record<string, LocalizedText> = {
  next: { en: "next", zh: "下一步" },
  timeout: { en: "timeout", zh: "超时" },
  invalid: { en: "invalid", zh: "无效输入" },
  success: { en: "success", zh: "成功" },
  error: { en: "error", zh: "出错" },
  failed: { en: "failed", zh: "失败" },
  open: { en: "open", zh: "营业时间内" },
  closed: { en: "closed", zh: "非营业时间" },
  else: { en: "else", zh: "否则" },
  full: { en: "full or closed", zh: "队列已满或已关闭" },
  "no-agents": { en: "no agent signed in", zh: "无坐席在线" },
};

/** Human name of a port id, used on the canvas and in issue messages. */
export function portLabel(portId: string): LocalizedText {
  const fixed = Object.hasOwn(FIXED, portId) ? FIXED[portId] : undefined;
  if (fixed !== undefined) return fixed;
  if (portId.startsWith("option:")) {
    const key = portId.slice("option:".length);
    return { en: `key ${key}`, zh: `按键 ${key}` };
  }
  if (portId.startsWith("condition:")) {
    const index = Number(portId.slice("condition:".length));
    if (Number.isInteger(index)) return { en: `condition ${index + 1}`, zh: `条件 ${index + 1}` };
  }
  return { en: portId, zh: portId };
}
