import { describe, expect, it } from "vitest";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { can, canOnSomeKind, flowActions, grantedKinds, permissions } from "./permissions";
import { roles } from "./roles";

const kinds = flowKindSchema.options;

describe("permissions table", () => {
  it("lets admin and ops do everything on every kind", () => {
    for (const role of ["admin", "ops"] as const) for (const action of flowActions) for (const kind of kinds) expect(can(role, action, kind), `${role} ${action} ${kind}`).toBe(true);
  });

  it("gives agents no flow access at all", () => {
    for (const action of flowActions) {
      expect(canOnSomeKind("agent", action)).toBe(false);
      for (const kind of kinds) expect(can("agent", action, kind)).toBe(false);
    }
  });

  it("lets marketers view everything but edit only campaign drafts", () => {
    for (const kind of kinds) {
      expect(can("marketer", "flow.view", kind)).toBe(true);
      expect(can("marketer", "flow.editDraft", kind)).toBe(kind === "campaign");
      for (const action of ["flow.create", "flow.rename", "flow.delete", "flow.restore", "flow.publish", "flow.import", "entryPoint.edit"] as const) {
        expect(can("marketer", action, kind), `${action} ${kind}`).toBe(false);
      }
    }
    expect(grantedKinds("marketer", "flow.editDraft")).toEqual(["campaign"]);
    expect(grantedKinds("marketer", "flow.view")).toBeNull();
    expect(grantedKinds("marketer", "flow.publish")).toEqual([]);
  });

  it("has a row for every role and names only known actions", () => {
    expect(Object.keys(permissions).sort()).toEqual([...roles].sort());
    for (const role of roles) for (const action of Object.keys(permissions[role])) expect(flowActions).toContain(action);
  });
});
