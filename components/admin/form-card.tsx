import type { InputHTMLAttributes, ReactNode } from "react";

/** An admin form in a card; `onSubmit` runs instead of the browser's own submit. */
export function FormCard({ onSubmit, testId, children }: { onSubmit: () => void; testId?: string; children: ReactNode }) {
  return (
    <form
      className="card stack"
      style={{ padding: 16 }}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** A row of form fields, lined up on their inputs. */
export function FieldRow({ children }: { children: ReactNode }) {
  return (
    <div className="row" style={{ alignItems: "flex-end" }}>
      {children}
    </div>
  );
}

/** A labelled text input that hands back its new value. */
export function TextField({ label, value, onChange, ...input }: { label: ReactNode; value: string; onChange: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "onChange">) {
  return (
    <label>
      {label}
      <input type="text" value={value} onChange={(event) => onChange(event.target.value)} {...input} />
    </label>
  );
}
