import type { Db } from "@/db/client";
import type { CapturedQuery, RawDriver } from "./raw-driver";

// The statements one call sends, and which waited for which: a statement sent
// when another's result came back (the reconnect list's health lookup waits
// for the list) hangs under that one. Replaying the tree bare — the roots
// together, each statement's children as soon as it returns — sends the same
// SQL with the call's own concurrency, without drizzle.
//
// Only statements sent through the traced session are in the tree: one sent
// on another session (a transaction's, as ensureFreshHealth opens on a day's
// first read) is logged by the driver but left out, so positions in the tree
// are counted in the tree itself, never in the driver's log.
export type TracedStatement = CapturedQuery & {
  /** The query function (in db/queries/) that sent it, when the stack shows one. */
  label: string;
  /**
   * Index in the tree of the statement whose result this one waited for,
   * always an earlier one; undefined for those sent at once.
   */
  parent: number | undefined;
};

type PreparedQuery = { execute: (...args: unknown[]) => Promise<unknown> };
type Session = { prepareQuery: (...args: unknown[]) => PreparedQuery };
type Builder = { session?: Session };

// Query builders that keep the session they will run on; the function that
// calls one of these is the one that sends the statement.
const BUILDER_METHODS = ["select", "selectDistinct", "selectDistinctOn", "$count"] as const;

// The first frame inside db/queries/ names the function that built the query.
function queryFunction(stack: string | undefined): string | undefined {
  for (const line of stack?.split("\n").slice(1) ?? []) {
    const match = /at (?:async )?([\w$.]+) \(.*db\/queries\/([\w-]+)\.ts/.exec(line);
    if (match) return `${match[1]} (${match[2]})`;
  }
  return undefined;
}

// Failing a stack, the table the statement reads first.
function firstTable(text: string): string {
  return `from ${/\bfrom\s+("[^"]+"|\S+)/i.exec(text)?.[1] ?? "?"}`;
}

export async function traceStatements(driver: RawDriver, run: (db: Db) => Promise<unknown>): Promise<TracedStatement[]> {
  const sink: CapturedQuery[] = [];
  const db = driver.capturing(sink);
  // drizzle builds every statement through its session's prepareQuery and
  // sends it with the prepared query's execute, which logs it first. The
  // builders are awaited later, from a microtask whose stack no longer shows
  // the query function, so each builder gets a session of its own that knows
  // who made it.
  const session = (db as unknown as { session: Session }).session;
  const prepareQuery = session.prepareQuery.bind(session);
  const statements: TracedStatement[] = [];
  let lastReturned: number | undefined;

  const tracedPrepare =
    (builtBy: string | undefined) =>
    (...args: unknown[]): PreparedQuery => {
      const prepared = prepareQuery(...args);
      const execute = prepared.execute.bind(prepared);
      const label = builtBy ?? queryFunction(new Error().stack);
      prepared.execute = (...executeArgs) => {
        const logIndex = sink.length;
        // A statement sent before anything returned is a root; a later one
        // was sent by the code that ran when the latest result came back.
        const parent = lastReturned;
        const result = execute(...executeArgs);
        const logged = sink[logIndex];
        if (sink.length !== logIndex + 1 || !logged) {
          throw new Error("traceStatements: drizzle did not log the statement it sent");
        }
        const index = statements.push({ ...logged, label: label ?? firstTable(logged.sql), parent }) - 1;
        return result.finally(() => {
          lastReturned = index;
        });
      };
      return prepared;
    };

  session.prepareQuery = tracedPrepare(undefined);
  const methods = db as unknown as Record<string, (...args: unknown[]) => Builder>;
  for (const method of BUILDER_METHODS) {
    const build = methods[method]?.bind(db);
    if (!build) continue;
    methods[method] = (...args) => {
      const builder = build(...args);
      const builtBy = queryFunction(new Error().stack);
      if (builtBy && builder.session) {
        const own = Object.create(builder.session) as Session;
        own.prepareQuery = tracedPrepare(builtBy);
        builder.session = own;
      }
      return builder;
    };
  }
  await run(db);
  return statements;
}

// A tree whose every parent comes before its child: traceStatements builds
// it so; anything else (a hand-made or corrupted list) is refused with the
// statement named, rather than replayed in part or followed round a cycle.
function checkTree(statements: readonly TracedStatement[]): void {
  for (const [index, { parent, label }] of statements.entries()) {
    if (parent === undefined) continue;
    if (!Number.isInteger(parent) || parent < 0 || parent >= index) {
      throw new Error(
        `statement tree: #${index + 1} ${label} waits for #${parent + 1}, which was not sent before it`,
      );
    }
  }
}

export function replayTree(driver: RawDriver, statements: readonly TracedStatement[]): Promise<unknown> {
  checkTree(statements);
  const childrenOf = (parent: number | undefined) =>
    statements.flatMap((statement, index) => (statement.parent === parent ? [index] : []));
  const send = (index: number): Promise<unknown> => {
    const statement = statements[index];
    if (!statement) return Promise.resolve();
    return driver
      .query(statement.sql, statement.params)
      .then(() => Promise.all(childrenOf(index).map(send)));
  };
  return Promise.all(childrenOf(undefined).map(send));
}

/** One line per statement: its position in the tree and the function that sent it. */
export function describeTree(statements: readonly TracedStatement[]): string[] {
  checkTree(statements);
  // Parents come first, so one pass in order knows every parent's depth.
  const depths: number[] = [];
  return statements.map((statement, index) => {
    const { parent } = statement;
    depths[index] = parent === undefined ? 0 : (depths[parent] ?? 0) + 1;
    const after = parent === undefined ? "sent at once" : `after #${parent + 1}`;
    return `${"  ".repeat(depths[index] ?? 0)}#${index + 1} ${statement.label} — ${after}`;
  });
}
