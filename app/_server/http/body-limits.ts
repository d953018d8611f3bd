/** Graph-carrying bodies (draft saves, imports); the graph schema itself allows 5,000 nodes. */
export const graphBodyLimit = 5 * 1024 * 1024;
/** Everything else: names, entry points, locale. */
export const smallBodyLimit = 16 * 1024;
