import type { SimSwitch } from "../switch";
import { type AriResponse, type Params, error } from "./ari-http";

export type Method = "GET" | "POST" | "PUT" | "DELETE";
export interface RouteContext {
  sw: SimSwitch;
  params: Params;
  vars: Record<string, string>;
  /** When the request reached the simulator (high-resolution epoch ms). */
  receivedAt: number;
}
export type Handler = (ctx: RouteContext) => AriResponse | Promise<AriResponse>;

interface Node {
  segment: string;
  wildcard: boolean;
  children: Node[];
  handlers: Partial<Record<Method, Handler>>;
}

/** Order ast_get_http_method walks (GET, POST, HEAD, PUT, DELETE) for the Allow header. */
const METHOD_ORDER: Method[] = ["GET", "POST", "PUT", "DELETE"];

/** Route tree with res_ari's matching: an explicit segment beats a {wildcard}. */
export class Router {
  private readonly root: Node = { segment: "ari", wildcard: false, children: [], handlers: {} };

  add(pattern: string, handlers: Partial<Record<Method, Handler>>): this {
    let node = this.root;
    for (const seg of pattern.split("/").filter(Boolean)) {
      const wildcard = seg.startsWith("{");
      const name = wildcard ? seg.slice(1, -1) : seg;
      let child = node.children.find((c) => c.segment === name && c.wildcard === wildcard);
      if (!child) {
        child = { segment: name, wildcard, children: [], handlers: {} };
        node.children.push(child);
      }
      node = child;
    }
    Object.assign(node.handlers, handlers);
    return this;
  }

  /** Resolves a path below /ari to a handler, or Asterisk's 404 / 405 response. */
  resolve(path: string, method: string): { handler: Handler; vars: Record<string, string> } | AriResponse {
    let node = this.root;
    const vars: Record<string, string> = {};
    for (const raw of path.replace(/^\//, "").split("/")) {
      if (raw.length === 0) break;
      let seg: string;
      try {
        seg = decodeURIComponent(raw.replace(/\+/g, " "));
      } catch {
        seg = raw;
      }
      const explicit = node.children.find((c) => !c.wildcard && c.segment === seg);
      const wild = node.children.find((c) => c.wildcard);
      const next = explicit ?? wild;
      if (!next) return error(404, "Resource not found");
      if (!explicit && wild) vars[wild.segment] = seg;
      node = next;
    }
    const allow = "OPTIONS" + METHOD_ORDER.filter((m) => node.handlers[m]).map((m) => `,${m}`).join("");
    if (method === "OPTIONS") return { status: 204, headers: { Allow: allow } };
    const handler = node.handlers[method as Method];
    if (!handler) return error(405, "Invalid method", { Allow: allow });
    return { handler, vars };
  }
}
