import { withSession } from "@/app/_server/auth/require-session";
import { listUsers } from "@/app/_server/users/list-users";

export const GET = withSession("user.manage", async () => {
  return Response.json({ users: await listUsers() });
});
