/** Graph-carrying bodies (draft saves, imports); the graph schema itself allows 5,000 nodes. */
export const graphBodyLimit = 5 * 1024 * 1024;
/** Everything else: names, entry points, locale. */
export const smallBodyLimit = 16 * 1024;
/** An uploaded CSV file (100,000 customers take about 8 MB). */
export const csvImportBodyLimit = 32 * 1024 * 1024;
