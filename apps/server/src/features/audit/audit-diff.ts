/**
 * The fields that differ between two snapshots of an object, as the `before` and `after` of an
 * audit row: a change shows what it changed, not the whole object twice.
 */
export function auditDiff<T extends Record<string, unknown>>(before: T, after: T) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    changedBefore[key] = before[key] ?? null;
    changedAfter[key] = after[key] ?? null;
  }
  return { before: changedBefore, after: changedAfter };
}
