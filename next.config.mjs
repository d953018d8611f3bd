import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

/**
 * Sent with every response. The CSP allows only this origin: Next's bootstrap scripts are inline
 * ('unsafe-inline'; no nonces, so pages stay statically cacheable), React Flow and Monaco set inline
 * styles, Monaco's worker is a same-origin script (blob: kept for its fallback), and the dev server
 * needs eval for hot reload. Framing is refused (frame-ancestors, X-Frame-Options). HSTS belongs to
 * the TLS-terminating proxy (README, "Exposure and TLS").
 */
export function securityHeaders(dev) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ];
}

/** @type {(phase: string) => import("next").NextConfig} */
const nextConfig = (phase) =>
  withNextIntl({
    poweredByHeader: false,
    // forbidden() renders app/forbidden.tsx with HTTP 403 for signed-in users whose role lacks access.
    experimental: { authInterrupts: true },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
    },
  });

export default nextConfig;
