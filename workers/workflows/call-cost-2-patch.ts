/**
 * The second round of call-cost changes: the trace written in few batches (BatchedTrace) and barge-in
 * prompts marked in their playback id, so the bridge skips the PlaybackFinished of a prompt the
 * workflow stopped itself. Checked once when a run starts; runs started before keep the old commands.
 */
export const CALL_COST_2_PATCH = "call-cost-2-2026-12";
