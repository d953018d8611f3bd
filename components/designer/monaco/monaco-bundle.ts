// The editor API plus only the features our small code fields use; everything is bundled locally.
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard";
import "monaco-editor/editor/contrib/contextmenu/browser/contextmenu";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations";
import "monaco-editor/editor/contrib/snippet/browser/snippetController2";
import { registerFlowLanguages } from "./register-languages";

globalThis.MonacoEnvironment = {
  // Classic worker: see validation-runner.ts.
  getWorker: () => new Worker(new URL("./editor.worker.ts", import.meta.url)),
};

registerFlowLanguages(monaco);

export { monaco };
