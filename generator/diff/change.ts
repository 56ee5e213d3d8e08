// One difference between two versions of the selected operations, classified for a
// client of those operations: breaking when a client that worked against the old spec
// may fail against the new one.

export interface Change {
  /** The operationId, or `*` for a change to every selected operation (a server, the API version). */
  operation: string;
  kind: string;
  breaking: boolean;
  message: string;
  /** Where in the operation: `parameter anonymize`, `200 body /prices/0`, ... */
  location?: string;
}

export function change(fields: Change): Change {
  return fields;
}

export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      a.operation.localeCompare(b.operation) ||
      Number(b.breaking) - Number(a.breaking) ||
      (a.location ?? "").localeCompare(b.location ?? "") ||
      a.kind.localeCompare(b.kind),
  );
}
