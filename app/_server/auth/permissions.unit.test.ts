import { describe, expect, it } from "vitest";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { can, canOnSomeKind, flowActions, grantedKinds, permissions } from "./permissions";
import { roles } from "./roles";

const kinds = flowKindSchema.options;

describe("permissions table", () => {
  it("lets admin do everything, and ops everything but managing users and API tokens", () => {
    for (const action of flowActions) for (const kind of kinds) expect(can("admin", action, kind), `admin ${action} ${kind}`).toBe(true);
    for (const action of flowActions) {
      const expected = action !== "user.manage" && action !== "apiToken.manage";
      for (const kind of kinds) expect(can("ops", action, kind), `ops ${action} ${kind}`).toBe(expected);
    }
  });

  it("lets ops review, publish and roll back; nobody else", () => {
    for (const action of ["flow.review", "flow.publish", "flow.rollback", "audit.view"] as const) {
      expect(canOnSomeKind("ops", action)).toBe(true);
      expect(canOnSomeKind("marketer", action)).toBe(false);
      expect(canOnSomeKind("agent", action)).toBe(false);
    }
  });

  it("lets admin, ops and marketers manage campaigns; not agents", () => {
    expect(roles.filter((role) => canOnSomeKind(role, "campaign.manage"))).toEqual(["admin", "ops", "marketer"]);
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
      expect(can("marketer", "flow.submitReview", kind)).toBe(kind === "campaign");
      expect(can("marketer", "flow.create", kind)).toBe(kind === "campaign");
      expect(can("marketer", "campaign.manage", kind)).toBe(true);
      for (const action of ["flow.rename", "flow.delete", "flow.restore", "flow.publish", "flow.review", "flow.rollback", "flow.import", "entryPoint.edit", "user.manage", "apiToken.manage"] as const) {
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
