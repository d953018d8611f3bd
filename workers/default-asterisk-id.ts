/** The id of the one Asterisk of a single-server deployment (ARI_URL, or the simulator); also what calls started before there were several ran on. */
export const DEFAULT_ASTERISK_ID = "default";
