"use client";

import { useTranslations } from "next-intl";
import { ReadOnlyTestCases } from "@/components/test-cases/read-only-test-cases";
import type { Autosave } from "./autosave/autosave";
import { SettingsPanel } from "./forms/settings-panel";
import { ProblemsPanel } from "./problems/problems-panel";
import { useDesignerUi } from "./store/designer-ui-context";
import type { SidePanel as Panel } from "./store/designer-ui-store";
import { TestCallPanel } from "./test-call/test-call-panel";
import { VariablesPanel } from "./variables/variables-panel";

const PANELS: readonly Panel[] = ["settings", "problems", "variables", "test-call"];
// Only an IVR can be test-called (app/_server/flows/callable-kind.ts): other kinds get no test tab.
const panelsFor = (testable: boolean): readonly Panel[] => (testable ? PANELS : PANELS.filter((panel) => panel !== "test-call"));

/**
 * The right-hand panel: node settings, problems, variables and the test call, as tabs; someone who
 * may not test the draft gets the saved test cases to rerun in the last tab instead; a flow that
 * cannot be called (routing, campaign) has neither. "nokey":
 * keys typed here (Space in Monaco's EditContext input) are not canvas shortcuts for @xyflow/react.
 */
export function SidePanel({ flowId, autosave, canTest, testable }: { flowId: string; autosave: Autosave | null; canTest: boolean; testable: boolean }) {
  const t = useTranslations("designer.panels");
  const panel = useDesignerUi((state) => state.panel);
  const setPanel = useDesignerUi((state) => state.setPanel);
  const counts = useDesignerUi((state) => {
    const issues = state.validation?.issues ?? [];
    const errors = issues.filter((issue) => issue.severity === "error").length;
    return `${errors}/${issues.length - errors}`;
  });
  const [errors = "0", warnings = "0"] = counts.split("/");
  return (
    <aside className="side-panel nokey">
      <div className="tabs" role="tablist">
        {panelsFor(testable).map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="tab"
            aria-selected={panel === candidate}
            className={panel === candidate ? "is-active" : ""}
            data-testid={`tab-${candidate}`}
            onClick={() => setPanel(candidate)}
          >
            {candidate === "test-call" && !canTest ? t("test-cases") : t(candidate)}
            {candidate === "problems" && (errors !== "0" || warnings !== "0") && (
              <span className={`count ${errors !== "0" ? "error" : "warning"}`} data-testid="problem-count">
                {errors !== "0" ? errors : warnings}
              </span>
            )}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel">
        {panel === "settings" && <SettingsPanel />}
        {panel === "problems" && <ProblemsPanel />}
        {panel === "variables" && <VariablesPanel />}
        {panel === "test-call" && testable && (canTest && autosave !== null ? <TestCallPanel flowId={flowId} autosave={autosave} /> : <ReadOnlyTestCases flowId={flowId} />)}
      </div>
    </aside>
  );
}
