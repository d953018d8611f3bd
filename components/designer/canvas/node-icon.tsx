import { memo } from "react";

/** Stroke icons (24×24) for the icon names node definitions use; drawn inline, no icon font to fetch. */
const PATHS: Record<string, string[]> = {
  "phone-incoming": ["M15 9l5 -5", "M15 5v4h4", "M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5l1.5 -2.5l5 2v4a2 2 0 0 1 -2 2a16 16 0 0 1 -15 -15a2 2 0 0 1 2 -2"],
  volume: ["M15 8a5 5 0 0 1 0 8", "M17.7 5a9 9 0 0 1 0 14", "M6 15h-2a1 1 0 0 1 -1 -1v-4a1 1 0 0 1 1 -1h2l3.5 -4.5a.8 .8 0 0 1 1.5 .5v14a.8 .8 0 0 1 -1.5 .5l-3.5 -4.5"],
  "grid-dots": ["M5 5h.01", "M12 5h.01", "M19 5h.01", "M5 12h.01", "M12 12h.01", "M19 12h.01", "M5 19h.01", "M12 19h.01", "M19 19h.01"],
  dialpad: ["M4 3h2v2h-2z", "M11 3h2v2h-2z", "M18 3h2v2h-2z", "M4 10h2v2h-2z", "M11 10h2v2h-2z", "M18 10h2v2h-2z", "M11 17h2v2h-2z"],
  "git-branch": ["M7 18m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0", "M7 6m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0", "M17 6m-2 0a2 2 0 1 0 4 0a2 2 0 1 0 -4 0", "M7 8v8", "M9 18h6a2 2 0 0 0 2 -2v-5", "M14 14l3 -3l3 3"],
  variable: ["M5 4c-2.5 5 -2.5 10 0 16", "M19 4c2.5 5 2.5 10 0 16", "M9 9h1c1 0 1 1 2.016 3.527c.984 2.473 .984 3.473 1.984 3.473h1", "M8 16c1.5 0 3 -2 4 -3.5s2.5 -3.5 4 -3.5"],
  clock: ["M3 12a9 9 0 1 0 18 0a9 9 0 0 0 -18 0", "M12 7v5l3 3"],
  world: ["M3 12a9 9 0 1 0 18 0a9 9 0 0 0 -18 0", "M3.6 9h16.8", "M3.6 15h16.8", "M11.5 3a17 17 0 0 0 0 18", "M12.5 3a17 17 0 0 1 0 18"],
  "arrows-right-left": ["M21 7l-18 0", "M18 10l3 -3l-3 -3", "M6 20l-3 -3l3 -3", "M3 17l18 0"],
  microphone: ["M9 2m0 3a3 3 0 0 1 3 -3a3 3 0 0 1 3 3v5a3 3 0 0 1 -3 3a3 3 0 0 1 -3 -3z", "M5 10a7 7 0 0 0 14 0", "M8 21l8 0", "M12 17l0 4"],
  language: ["M4 5h7", "M9 3v2c0 4.418 -2.239 8 -5 8", "M5 9c0 2.144 2.952 3.908 6.7 4", "M12 20l4 -9l4 9", "M19.1 18h-6.2"],
  stack: ["M12 4l-8 4l8 4l8 -4l-8 -4", "M4 12l8 4l8 -4", "M4 16l8 4l8 -4"],
  route: ["M3 19a2 2 0 1 0 4 0a2 2 0 0 0 -4 0", "M19 7a2 2 0 1 0 0 -4a2 2 0 0 0 0 4z", "M11 19h5.5a3.5 3.5 0 0 0 0 -7h-8a3.5 3.5 0 0 1 0 -7h4.5"],
  users: ["M9 7m-4 0a4 4 0 1 0 8 0a4 4 0 1 0 -8 0", "M3 21v-2a4 4 0 0 1 4 -4h4a4 4 0 0 1 4 4v2", "M16 3.13a4 4 0 0 1 0 7.75", "M21 21v-2a4 4 0 0 0 -3 -3.85"],
  target: ["M12 12m-1 0a1 1 0 1 0 2 0a1 1 0 1 0 -2 0", "M12 12m-5 0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0", "M12 12m-9 0a9 9 0 1 0 18 0a9 9 0 1 0 -18 0"],
  voicemail: ["M6 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", "M18 12m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", "M6 15l12 0"],
  "phone-outgoing": ["M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5l1.5 -2.5l5 2v4a2 2 0 0 1 -2 2a16 16 0 0 1 -15 -15a2 2 0 0 1 2 -2", "M15 9l5 -5", "M16 4h4v4"],
  "clipboard-check": ["M9 5h-2a2 2 0 0 0 -2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2 -2v-12a2 2 0 0 0 -2 -2h-2", "M9 3m0 2a2 2 0 0 1 2 -2h2a2 2 0 0 1 2 2v0a2 2 0 0 1 -2 2h-2a2 2 0 0 1 -2 -2z", "M9 14l2 2l4 -4"],
  "phone-off": ["M3 21l18 -18", "M5.831 14.161a15.946 15.946 0 0 1 -2.831 -8.161a2 2 0 0 1 2 -2h4l2 5l-2.5 1.5c.108 .22 .223 .435 .345 .645", "M9.159 18.169a15.946 15.946 0 0 0 8.841 2.831a2 2 0 0 0 2 -2v-4l-5 -2l-1.5 2.5c-.22 -.108 -.435 -.223 -.645 -.345"],
  "user-search": ["M8 7a4 4 0 1 0 8 0a4 4 0 0 0 -8 0", "M6 21v-2a4 4 0 0 1 4 -4h1.5", "M18 18m-3 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", "M20.2 20.2l1.8 1.8"],
};

const FALLBACK = ["M12 12m-8 0a8 8 0 1 0 16 0a8 8 0 1 0 -16 0"];

export const NodeIcon = memo(function NodeIcon({ name, size = 18 }: { name: string; size?: number }) {
  const paths = Object.hasOwn(PATHS, name) ? (PATHS[name] ?? FALLBACK) : FALLBACK;
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
});
