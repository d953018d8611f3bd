import type { ReactNode } from "react";

/** A form's submit button, `createLabel` for a new row or `saveLabel` while editing one, then a cancel button while editing. */
export function SaveOrCancel({ editing, createLabel, saveLabel, cancelLabel, onCancel, saveTestId }: { editing: boolean; createLabel: ReactNode; saveLabel: ReactNode; cancelLabel: ReactNode; onCancel: () => void; saveTestId?: string }) {
  return (
    <div className="row">
      <button type="submit" className="primary" data-testid={saveTestId}>
        {editing ? saveLabel : createLabel}
      </button>
      {editing && (
        <button type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
