/** Bump when the analysis or the stored shape changes: older files are then rebuilt. */
export const PERSIST_VERSION = 2;
