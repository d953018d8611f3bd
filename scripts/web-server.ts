/**
 * The web app's HTTP server (`npm run setup` and the browser tests start it): Next's request handler
 * behind node:http, so the socket peer is known. X-Forwarded-For is believed only from TRUSTED_PROXIES
 * (app/_server/http/forwarded-for.ts), which is what the audit log and the sign-in throttle rely on.
 *
 *   node --import tsx scripts/web-server.ts [--dev] [--port 3000] [--host 127.0.0.1]
 *
 * Listens on loopback unless told otherwise (--host or WEB_HOST, e.g. 0.0.0.0 behind a TLS-terminating
 * proxy on another machine). Port 0 picks a free one; the address is printed either way.
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { z } from "zod";
import { forwardedFor, peerCheckedEnv } from "@/app/_server/http/forwarded-for";
import { trustedProxies } from "@/app/_server/http/trusted-proxies";

const argsSchema = z.object({
  dev: z.boolean(),
  port: z.coerce.number().int().min(0).max(65_535),
  host: z.string().min(1),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = { dev: false, port: process.env.PORT ?? "3000", host: process.env.WEB_HOST ?? "127.0.0.1" };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--dev") raw.dev = true;
    else if ((arg === "--port" || arg === "--host") && argv[i + 1] !== undefined) raw[arg.slice(2)] = argv[++i] ?? "";
    else throw new Error(`unknown argument: ${arg} (usage: web-server.ts [--dev] [--port N] [--host ADDRESS])`);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid arguments: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const trusted = trustedProxies();
  // Tells app/_server/http/client-ip.ts, in this process, that X-Forwarded-For has been checked.
  process.env[peerCheckedEnv] = "1";
  const app = next({ dev: args.dev, dir: path.resolve(import.meta.dirname, ".."), hostname: args.host, port: args.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    forwardedFor(req.headers, req.socket.remoteAddress, trusted);
    handle(req, res).catch((error: unknown) => {
      console.error("[web] request failed", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(args.port, args.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : args.port;
    console.log(`[web] listening on http://${args.host}:${port} (${args.dev ? "dev" : "production"}; trusted proxies: ${[...trusted].join(", ") || "none"})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(`[web] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
