import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listUsers } from "@/app/_server/users/list-users";
import { UserActiveToggle } from "@/components/admin/user-active-toggle";
import { UserRoleSelect } from "@/components/admin/user-role-select";
import { AppShell } from "@/components/app-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminUsers");
  return { title: t("title") };
}

export default async function UsersPage() {
  const session = await requirePageSession("user.manage", "/admin/users");
  const users = await listUsers();
  const t = await getTranslations("adminUsers");
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <div className="card">
          <table className="data" data-testid="user-table">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("email")}</th>
                <th>{t("role")}</th>
                <th>{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid="user-row" data-email={user.email}>
                  <td>
                    {user.name} {user.id === session.userId && <span className="muted">({t("you")})</span>}
                  </td>
                  <td>{user.email}</td>
                  <td>
                    <UserRoleSelect userId={user.id} name={user.name} role={user.role} disabled={user.id === session.userId} />
                  </td>
                  <td>
                    <UserActiveToggle userId={user.id} active={user.active} disabled={user.id === session.userId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </AppShell>
  );
}
