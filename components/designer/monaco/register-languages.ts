import type * as Monaco from "monaco-editor/editor/editor.api";
import { FUNCTION_NAMES } from "@/flows-runtime/expressions";
import { currentScope } from "./completion-scope";

export const EXPRESSION_LANGUAGE = "cc-expression";
export const TEMPLATE_LANGUAGE = "cc-template";
export const PATTERN_LANGUAGE = "cc-pattern";
export const THEME = "cc-flows";

type Rules = Monaco.languages.IMonarchLanguageRule[];

const functionPattern = new RegExp(`\\b(${FUNCTION_NAMES.join("|")})(?=\\s*\\()`);

const expressionRules: Rules = [
  [/\b(true|false|null)\b/, "keyword"],
  [functionPattern, "function"],
  [/\b(call|secret)(?=\.)/, "variable.predefined"],
  [/[A-Za-z_][A-Za-z0-9_]*/, "identifier"],
  [/\d+(\.\d+)?/, "number"],
  [/"([^"\\]|\\.)*"?/, "string"],
  [/'([^'\\]|\\.)*'?/, "string"],
  [/&&|\|\||[=!<>]=|[<>!?:+\-*/%]/, "operator"],
  [/[()[\].,]/, "delimiter"],
];

/** Text before `offset` is inside an unclosed {{ … }} hole. */
function insideHole(text: string): boolean {
  return text.lastIndexOf("{{") > text.lastIndexOf("}}");
}

function completionItems(monaco: typeof Monaco, model: Monaco.editor.ITextModel, position: Monaco.Position, template: boolean): Monaco.languages.CompletionList {
  const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
  if (template && !insideHole(before)) return { suggestions: [] };
  const word = model.getWordUntilPosition(position);
  const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn };
  const prefixMatch = /([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\.[A-Za-z0-9_]*$/.exec(before);
  const { CompletionItemKind, CompletionItemInsertTextRule } = monaco.languages;
  const scope = currentScope();
  if (prefixMatch !== null) {
    // After "call." (or "customer."), offer the members known under that path.
    const parent = `${prefixMatch[1]}.`;
    return {
      suggestions: scope
        .filter((variable) => variable.name.startsWith(parent))
        .map((variable) => ({ label: variable.name.slice(parent.length), kind: CompletionItemKind.Field, detail: variable.type, insertText: variable.name.slice(parent.length), range })),
    };
  }
  const roots = new Map<string, string>();
  for (const variable of scope) {
    const root = variable.name.split(".")[0] ?? variable.name;
    if (!roots.has(root)) roots.set(root, variable.name.includes(".") ? "object" : variable.type);
  }
  return {
    suggestions: [
      ...[...roots].map(([name, type]) => ({ label: name, kind: CompletionItemKind.Variable, detail: type, insertText: name, range })),
      ...FUNCTION_NAMES.map((name) => ({
        label: name,
        kind: CompletionItemKind.Function,
        insertText: `${name}($0)`,
        insertTextRules: CompletionItemInsertTextRule.InsertAsSnippet,
        range,
      })),
      ...["true", "false", "null"].map((name) => ({ label: name, kind: CompletionItemKind.Keyword, insertText: name, range })),
    ],
  };
}

let registered = false;

/** Highlighting and completion for flow expressions, templates and input patterns. */
export function registerFlowLanguages(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: EXPRESSION_LANGUAGE });
  monaco.languages.register({ id: TEMPLATE_LANGUAGE });
  monaco.languages.register({ id: PATTERN_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(EXPRESSION_LANGUAGE, { tokenizer: { root: expressionRules } });
  monaco.languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, {
    tokenizer: {
      root: [
        [/\\\{\{/, "string.escape"],
        [/\{\{/, { token: "delimiter.hole", next: "@hole" }],
        [/[^{\\]+/, "text"],
        [/./, "text"],
      ],
      hole: [[/\}\}/, { token: "delimiter.hole", next: "@pop" }], [/\s+/, "white"], ...expressionRules],
    },
  });
  monaco.languages.setMonarchTokensProvider(PATTERN_LANGUAGE, {
    tokenizer: { root: [[/\\./, "string.escape"], [/[[\](){}]/, "delimiter"], [/[*+?|^$]/, "operator"], [/./, "text"]] },
  });
  for (const [language, template] of [
    [EXPRESSION_LANGUAGE, false],
    [TEMPLATE_LANGUAGE, true],
  ] as const) {
    monaco.languages.setLanguageConfiguration(language, {
      brackets: [
        ["(", ")"],
        ["[", "]"],
      ],
      // Templates are mostly prose (quotes, brackets in sentences): nothing is closed for the writer there.
      autoClosingPairs: template
        ? []
        : [
            { open: "(", close: ")" },
            { open: "[", close: "]" },
            { open: '"', close: '"' },
            { open: "'", close: "'" },
          ],
      wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
    });
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: [".", "{", " "],
      provideCompletionItems: (model, position) => completionItems(monaco, model, position, template),
    });
  }
  monaco.editor.defineTheme(THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "keyword", foreground: "7a3e9d", fontStyle: "bold" },
      { token: "function", foreground: "795e26" },
      { token: "variable.predefined", foreground: "0e7090", fontStyle: "bold" },
      { token: "identifier", foreground: "1f5fbf" },
      { token: "number", foreground: "098658" },
      { token: "string", foreground: "a31515" },
      { token: "operator", foreground: "555555" },
      { token: "delimiter.hole", foreground: "c01048", fontStyle: "bold" },
      { token: "text", foreground: "1d2430" },
    ],
    colors: { "editor.background": "#ffffff", "editor.lineHighlightBackground": "#00000000" },
  });
}
