"use client";

import { useState } from "react";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

const show = (value: unknown): string => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

/** A value of any type (a variable's initial value): JSON when it parses as JSON, else text. */
export function UnknownInput({ value, path, onChange }: { value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const [text, setText] = useState(show(value));
  const key = pathKey(path);
  return (
    <input
      id={`field-${key}`}
      data-field-path={key}
      type="text"
      value={text}
      readOnly={readOnly}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value === "") return onChange(undefined, key);
        try {
          onChange(JSON.parse(event.target.value), key);
        } catch {
          onChange(event.target.value, key);
        }
      }}
    />
  );
}
