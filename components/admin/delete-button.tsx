import type { ReactNode } from "react";

/** The link-styled, red button that deletes (or revokes) one row of an admin table. */
export function DeleteButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="link danger" onClick={onClick}>
      {children}
    </button>
  );
}
