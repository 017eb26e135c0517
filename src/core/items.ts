// Reading a list at an index the code itself guarantees (a month 1–12 in a 12-row table, the last
// entry of a chain that is never empty). A broken guarantee is a bug in this code, named as one,
// never a silent undefined; an index that comes from a user is checked where it is read instead.

/** A broken guarantee of the code, not a fault of the input: a bug to report. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

/** A list with at least one item: its first is always there. */
export type NonEmpty<T> = [T, ...T[]];

/** items[index], where the caller knows the index is in range; `what` names the list for the bug report. */
export function itemAt<T>(items: ArrayLike<T>, index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new InvariantError(`${what}: no item at index ${index} of ${items.length}`);
  return item;
}

/** The last item of a list the caller knows is not empty. */
export function lastItem<T>(items: ArrayLike<T>, what: string): T {
  return itemAt(items, items.length - 1, what);
}
