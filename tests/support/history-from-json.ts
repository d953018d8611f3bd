import { createRequire } from "node:module";
import type { temporal } from "@temporalio/proto";

type History = temporal.api.history.v1.IHistory;

/**
 * JSON history (as `temporal workflow show --output json` writes it) → History.
 * @temporalio/common's historyFromJSON fails in this install: npm keeps two copies of protobufjs 8
 * (one under @temporalio/proto, one under @temporalio/common) and its `instanceof Type` check fails
 * across them. This does the same with the copy @temporalio/proto's own types were built with.
 */
const requireHere = createRequire(import.meta.url);
const requireFromProto = createRequire(requireHere.resolve("@temporalio/proto"));
const { fromJson } = requireFromProto("protobufjs/ext/protojson");
const { patchProtobufRoot } = requireHere("@temporalio/proto/lib/patch-protobuf-root");
const historyType = patchProtobufRoot(requireHere("@temporalio/proto")).lookupType("temporal.api.history.v1.History");

function isHistory(value: unknown): value is History {
  return typeof value === "object" && value !== null && Array.isArray(Reflect.get(value, "events"));
}

export function historyFromJson(json: unknown): History {
  const history: unknown = fromJson(historyType, json, { ignoreUnknownFields: true });
  if (!isHistory(history)) throw new Error("not a workflow history");
  return history;
}
