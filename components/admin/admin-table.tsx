import type { ReactNode } from "react";

/** An admin list in a card: `empty` when there are no rows, else a data table with `headers` and a last, unlabelled column for the row's buttons. */
export function AdminTable<T>({ rows, empty, headers, testId, children }: { rows: readonly T[]; empty: ReactNode; headers: ReactNode[]; testId?: string; children: (row: T) => ReactNode }) {
  return (
    <div className="card">
      {rows.length === 0 ? (
        <div className="muted" style={{ padding: 20 }}>
          {empty}
        </div>
      ) : (
        <table className="data" data-testid={testId}>
          <thead>
            <tr>
              {headers.map((header, i) => (
                <th key={i}>{header}</th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>{rows.map(children)}</tbody>
        </table>
      )}
    </div>
  );
}
