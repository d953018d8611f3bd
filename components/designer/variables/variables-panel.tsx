"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { z } from "zod";
import { variableDeclarationSchema, type VariableDeclaration } from "@/flows-runtime/graph/schema";
import { fieldSpecOf } from "../forms/field-spec";
import { FormContext, pathKey, type FormContextValue, type Hint } from "../forms/form-context";
import { SchemaField } from "../forms/schema-field";
import { useEditor } from "../store/editor-context";
import { useDesignerUi } from "../store/designer-ui-context";
import type { LiveIssue } from "../validation/validation-messages";

const variablesSchema = z.array(variableDeclarationSchema);

const looseSchema = z.object({
  name: z.string().catch(""),
  type: variableDeclarationSchema.shape.type.catch("any"),
  initial: z.unknown(),
  description: z.string().optional().catch(undefined),
});

/** A declaration as typed so far: the validator, not the form, says what is wrong with it. */
function looseVariable(item: unknown): VariableDeclaration {
  const parsed = looseSchema.parse(typeof item === "object" && item !== null ? item : {});
  return {
    name: parsed.name,
    type: parsed.type,
    ...(parsed.initial === undefined ? {} : { initial: parsed.initial }),
    ...(parsed.description === undefined ? {} : { description: parsed.description }),
  };
}

/** The flow's declared variables (name, type, initial value), edited with the same generated form. */
export function VariablesPanel() {
  const t = useTranslations("designer.variables");
  const locale = useLocale();
  const variables = useEditor((state) => state.meta.variables);
  const readOnly = useEditor((state) => state.readOnly);
  const actions = useEditor((state) => state.actions);
  const general = useDesignerUi((state) => state.validation?.general);

  const context = useMemo<FormContextValue>(() => {
    const label = (text: string): Hint => ({ widget: "text", label: { en: text, zh: text } });
    const issuesByPath = new Map<string, LiveIssue[]>();
    for (const issue of general ?? []) {
      if (issue.path[0] !== "variables") continue;
      const key = pathKey(issue.path);
      issuesByPath.set(key, [...(issuesByPath.get(key) ?? []), issue]);
    }
    return {
      nodeId: "",
      nodeType: "",
      locale,
      hints: {
        variables: label(t("title")),
        "variables.name": label(t("name")),
        "variables.type": label(t("type")),
        "variables.initial": label(t("initial")),
        "variables.description": label(t("description")),
      },
      issuesByPath,
      expressionRefs: new Map(),
      readOnly,
    };
  }, [general, locale, readOnly, t]);

  return (
    <FormContext.Provider value={context}>
      <div className="variables-panel" data-testid="variables-panel">
        <p className="field-help">{t("help", { example: "{{name}}" })}</p>
        <SchemaField
          spec={fieldSpecOf(variablesSchema)}
          value={variables}
          path={["variables"]}
          onChange={(next, key) => {
            // The form may hold half-typed entries; the validator reports them, so keep them as typed.
            if (Array.isArray(next)) actions.setVariables(next.map(looseVariable), key);
          }}
        />
      </div>
    </FormContext.Provider>
  );
}
