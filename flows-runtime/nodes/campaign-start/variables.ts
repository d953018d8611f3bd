import type { WrittenVariable } from "../node-definition";

/**
 * What a campaign call knows when its flow starts, besides call.*: `contact` (name, phone, fields — the
 * marketer's own columns) and `campaign` (id, attempt, dialResult). Objects, so flows read contact.name.
 */
export const CAMPAIGN_CALL_VARIABLES: readonly WrittenVariable[] = [
  { name: "contact", type: "object" },
  { name: "campaign", type: "object" },
];
