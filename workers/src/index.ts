/** Job workers for the standard Zaakstroom job types; filled in by the workers issue. */
export const jobTypes: readonly string[] = [];
