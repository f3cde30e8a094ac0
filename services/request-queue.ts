/**
 * One request at a time (SQLite has one writer, TypeORM's better-sqlite3 driver one
 * connection, and an unlock must not interleave with a lock), in the order they came.
 * A request waiting on work elsewhere (a report being built in its worker thread) may
 * give its turn up meanwhile and take a new one at the back of the queue when it resumes.
 */
export type GiveWayWhile = <T>(work: () => Promise<T>) => Promise<T>;

export class RequestQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for a turn; resolves to the function that ends it. */
  private takeTurn(): Promise<() => void> {
    let endTurn!: () => void;
    const turnEnded = new Promise<void>((resolve) => (endTurn = resolve));
    const turn = this.tail.then(() => endTurn);
    this.tail = this.tail.then(() => turnEnded);
    return turn;
  }

  async run<T>(work: (giveWayWhile: GiveWayWhile) => Promise<T>): Promise<T> {
    let endTurn = await this.takeTurn();
    const giveWayWhile: GiveWayWhile = async (elsewhere) => {
      endTurn();
      try {
        return await elsewhere();
      } finally {
        endTurn = await this.takeTurn();
      }
    };
    try {
      return await work(giveWayWhile);
    } finally {
      endTurn();
    }
  }
}
