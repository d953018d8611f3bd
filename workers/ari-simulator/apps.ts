import type WebSocket from "ws";
import { asteriskTime, now } from "./clock";

/**
 * Stasis applications and the WebSocket each one is registered on.
 * An app whose socket dropped is inactive: events for it are dropped (as Asterisk does) and
 * Stasis() for new channels fails, but its channels stay in Stasis.
 */
export class AppRegistry {
  private readonly sockets = new Map<string, WebSocket>();
  private readonly known = new Set<string>();

  constructor(private readonly asteriskId: string) {}

  isActive(app: string): boolean {
    const ws = this.sockets.get(app);
    return !!ws && ws.readyState === 1;
  }

  names(): string[] {
    return [...this.known];
  }

  /** Registers apps on a new socket; a previous socket for the same app gets ApplicationReplaced. */
  attach(apps: string[], ws: WebSocket): void {
    for (const app of apps) {
      const old = this.sockets.get(app);
      if (old && old !== ws && old.readyState === 1) {
        old.send(
          JSON.stringify({
            type: "ApplicationReplaced",
            timestamp: asteriskTime(),
            application: app,
            asterisk_id: this.asteriskId,
          }),
        );
      }
      this.sockets.set(app, ws);
      this.known.add(app);
    }
  }

  detach(ws: WebSocket): void {
    for (const [app, s] of this.sockets) if (s === ws) this.sockets.delete(app);
  }

  /** Sends one event to the app's socket; returns the time it left, or null when dropped. */
  send(app: string, event: Record<string, unknown>): number | null {
    const ws = this.sockets.get(app);
    if (!ws || ws.readyState !== 1) return null;
    ws.send(JSON.stringify({ ...event, asterisk_id: this.asteriskId, application: app }));
    return now();
  }

  closeAll(): void {
    for (const ws of new Set(this.sockets.values())) ws.terminate();
    this.sockets.clear();
  }
}
