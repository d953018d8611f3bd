// Monaco's editor worker (diffing, word suggestions), bundled with the app: nothing loads from a CDN.
import "monaco-editor/editor/editor.worker";
