/**
 * One patch id for the call-cost changes (persistence as local activities, one activity per
 * prompt, a flow's hangup waiting for its event): every patch id costs each call a marker and a
 * search-attribute upsert in its history. Calls started before keep the old commands on replay.
 */
export const CALL_COST_PATCH = "call-cost-2026-12";
