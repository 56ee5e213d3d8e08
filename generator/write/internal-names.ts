// Names of the files the writer keeps for itself in the output folder. A leaf module, so
// that the stamp's fast path can test for a journal without loading the writer.

/** Files the writer uses for itself, not output: the lock, the stamp, the journal, staged files. */
export const INTERNAL_PREFIX = ".polar-codegen";
/** A file staged by a run under this name is renamed into place or removed, unless the run was killed. */
export const STAGED_PREFIX = `${INTERNAL_PREFIX}-tmp-`;
/** Present only while a commit is under way, or after a run was killed inside one (see journal.ts). */
export const JOURNAL_FILE = `${INTERNAL_PREFIX}-journal.json`;
