import type { DiffMessages } from "./catalog";

// Punctuation follows the rest of the product's Chinese text: ASCII ":,()" with “” quotes.
const quote = (text: string): string => `“${text}”`;
/** Chinese sets numbers and Latin words off from Han characters with a space; Han and quoted text need none. */
const LATIN_START = /^[A-Za-z0-9#*+\-.$_@]/;
const LATIN_END = /[A-Za-z0-9#*+\-.$_@]$/;
const lead = (text: string): string => (LATIN_START.test(text) ? ` ${text}` : text);
const trail = (text: string): string => (LATIN_END.test(text) ? `${text} ` : text);
const around = (text: string): string => trail(lead(text));
const via = (port: string | undefined): string => (port === undefined ? "" : `“${port}”分支`);

export const zhCN: DiffMessages = {
  quote,
  list: (items) => items.join("、"),
  values: { empty: "（空）", notSet: "（未设置）", none: "无", on: "开启", off: "关闭" },
  variableTypes: { string: "文本", number: "数字", boolean: "是/否", object: "对象", any: "任意类型" },
  variableFields: { type: "类型", initial: "初始值", description: "说明" },
  itemNouns: {
    options: "选项",
    conditions: "条件",
    assignments: "赋值",
    headers: "请求头",
    responseMapping: "响应字段",
    inputs: "输入",
    outputs: "输出",
    "target.skills": "技能",
    weekly: "营业时间段",
    holidays: "节假日",
    extraOpenDays: "调休上班日",
  },

  content: ({ text, menuKeys: keys }) => {
    const keyText = keys === undefined ? "" : `按键 ${keys.join("、")}`;
    if (text === undefined) return `（${keyText}）`;
    return keyText === "" ? quote(text) : `${quote(text)}（${keyText}）`;
  },
  subject: ({ type, label, content, id }) => (label !== undefined ? `${type}${quote(label)}` : content !== undefined ? `${type}${content}` : `${type} ${id}`),
  reference: ({ type, label, content, id }) => (label !== undefined ? quote(label) : content !== undefined ? `${type}${content}` : `${type} ${id}`),
  fieldOf: (parent, child) => `${trail(parent)}的${lead(child)}`,
  item: (noun, id) => `${trail(noun)}${lead(id)}`,
  fieldName: (label) => label,

  nodeAdded: ({ name, type }) => `新增节点${lead(name)}（${type}）`,
  nodeRemoved: ({ name, type }) => `删除节点${lead(name)}（${type}）`,
  nodeReplaced: ({ name, type, newName, newType }) => `节点${lead(name)}（${type}）替换为${lead(newName)}（${newType}）`,
  nodeRenamed: ({ subject, newName }) => `${trail(subject)}重命名为${lead(newName)}`,

  fieldChanged: ({ subject, field, before, after }) => `${subject}：${trail(field)}从${around(before)}改为${lead(after)}`,
  fieldSet: ({ subject, field, after }) => `${subject}：${trail(field)}设为${lead(after)}`,
  fieldCleared: ({ subject, field, before }) => `${subject}：删除${lead(field)}（原为${lead(before)}）`,
  itemAdded: ({ subject, item }) => `${subject}：新增${item}`,
  itemAddedGoesTo: ({ subject, item, target }) => `${subject}：新增${item}，转到${lead(target)}`,
  itemRemoved: ({ subject, item }) => `${subject}：删除${item}`,
  itemRemovedWentTo: ({ subject, item, target }) => `${subject}：删除${item}（原转到${lead(target)}）`,
  itemRekeyed: ({ subject, item, newItem }) => `${subject}：${trail(item)}改为${lead(newItem)}`,
  listReordered: ({ subject, field }) => `${subject}：${trail(field)}顺序已调整`,

  edgeAdded: ({ subject, port, target }) => `${subject}：${via(port)}现在转到${lead(target)}`,
  edgeRemoved: ({ subject, port, target }) => `${subject}：${via(port)}不再转到${lead(target)}`,
  edgeRetargeted: ({ subject, port, before, after }) => `${subject}：${via(port)}改为转到${lead(after)}（原为${lead(before)}）`,

  variableAdded: ({ name, type }) => `新增变量${quote(name)}（${type}）`,
  variableRemoved: ({ name, type }) => `删除变量${quote(name)}（${type}）`,
  variableFieldChanged: ({ name, field, before, after }) => `变量${quote(name)}：${trail(field)}从${around(before)}改为${lead(after)}`,
  variableFieldSet: ({ name, field, after }) => `变量${quote(name)}：${trail(field)}设为${lead(after)}`,
  variableFieldCleared: ({ name, field, before }) => `变量${quote(name)}：删除${lead(field)}（原为${lead(before)}）`,

  nodesMoved: ({ names }) => `${trail(names.join("、"))}已移动`,
  nodesMovedCount: ({ count }) => `${count} 个节点已移动`,
};
