/**
 * Coalesces lookups by key made during one turn of the event loop into one query: under load the
 * requests read from the sockets together ask together, so a route that authenticates every call
 * pays one round trip per turn instead of one per request. Alone, a lookup waits only for the end
 * of the current turn.
 *
 * @example
 * const tokens = new BatchedLookup((hashes) => findTokens(db, hashes), (row) => row.tokenHash);
 * const found = await tokens.load(hash); // undefined when absent
 */
export class BatchedLookup<Key, Row> {
  readonly #fetch: (keys: Key[]) => Promise<Row[]>;
  readonly #keyOf: (row: Row) => Key;
  readonly #maxKeys: number;
  #waiting = new Map<Key, { resolve: (row: Row | undefined) => void; reject: (error: unknown) => void }[]>();
  #scheduled = false;

  constructor(fetch: (keys: Key[]) => Promise<Row[]>, keyOf: (row: Row) => Key, maxKeys = 200) {
    this.#fetch = fetch;
    this.#keyOf = keyOf;
    this.#maxKeys = maxKeys;
  }

  load(key: Key): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      const callers = this.#waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.#waiting.set(key, [{ resolve, reject }]);
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#run());
      }
    });
  }

  #run() {
    this.#scheduled = false;
    const waiting = this.#waiting;
    this.#waiting = new Map();
    const keys = [...waiting.keys()];
    for (let start = 0; start < keys.length; start += this.#maxKeys) {
      const part = keys.slice(start, start + this.#maxKeys);
      this.#fetch(part).then(
        (rows) => {
          const byKey = new Map(rows.map((row) => [this.#keyOf(row), row]));
          for (const key of part) for (const caller of waiting.get(key)!) caller.resolve(byKey.get(key));
        },
        (error: unknown) => {
          for (const key of part) for (const caller of waiting.get(key)!) caller.reject(error);
        },
      );
    }
  }
}
