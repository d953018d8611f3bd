// Types of next.config.mjs for the TypeScript code (tests) that imports it.
import type { NextConfig } from "next";

export declare function securityHeaders(dev: boolean): { key: string; value: string }[];
declare const nextConfig: (phase: string) => NextConfig;
export default nextConfig;
