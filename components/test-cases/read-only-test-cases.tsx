"use client";

import { useTranslations } from "next-intl";
import { SavedCaseRow } from "./saved-case-row";
import { useSavedCases } from "./use-saved-cases";

/** The flow's saved test cases for someone who may view the flow but not edit it: each can be rerun. */
export function ReadOnlyTestCases({ flowId }: { flowId: string }) {
  const t = useTranslations("testCases");
  const { cases, reload } = useSavedCases(flowId);
  return (
    <section className="test-cases" data-testid="test-cases">
      <p className="field-help">{t("readOnlyIntro")}</p>
      {cases.length === 0 ? (
        <p className="muted small">{t("none")}</p>
      ) : (
        <ul className="saved-cases">
          {cases.map((testCase) => (
            <SavedCaseRow key={`${testCase.id}:${testCase.updatedAt}`} flowId={flowId} testCase={testCase} onUse={null} onChanged={() => void reload()} httpNodes={[]} defaultTimeZone="Asia/Shanghai" />
          ))}
        </ul>
      )}
    </section>
  );
}
