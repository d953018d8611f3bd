import { AppError } from "./app-error";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function crossSite(from: string): AppError {
  return new AppError(403, "cross_site_request", `Refused a ${from} request: changes must come from the app's own pages.`, { from });
}

/**
 * The one CSRF guard of every state-changing route (withSession calls it first). The session cookie is
 * SameSite=Lax, which still lets a page on another port of the same host (same-site) send it, and a
 * route without a body needs no JSON content type that would force a preflight. So a browser request
 * must say it comes from this origin: Sec-Fetch-Site "same-origin", or, from a browser without it, an
 * Origin equal to the app's. A bearer-token call carries no ambient credential and passes; a client
 * that sends neither header is not a browser a page could drive.
 */
export function assertSameOrigin(req: Request, env: Record<string, string | undefined> = process.env): void {
  if (safeMethods.has(req.method.toUpperCase())) return;
  if (req.headers.has("authorization")) return;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin") return;
    throw crossSite(site);
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const allowed = [env.NEXTAUTH_URL, `http://${req.headers.get("host") ?? ""}`, `https://${req.headers.get("host") ?? ""}`].flatMap((url) => (url && URL.canParse(url) ? [new URL(url).origin] : []));
  if (!allowed.includes(origin)) throw crossSite(origin === "null" ? "opaque-origin" : "cross-origin");
}
