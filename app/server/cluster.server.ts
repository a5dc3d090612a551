/**
 * Several server processes on one port (WEB_CONCURRENCY > 1), with node:cluster. A page is
 * rendered on one core; more processes use more cores. Each worker has its own database
 * connection, page cache and search index; a write in one tells the others at once, through
 * the primary, so their caches and indexes do not wait for the next data_version poll. See
 * docs/decisions/011-worker-processes.md.
 */
import cluster, { type Worker } from "node:cluster";

import { log } from "./log.server";

/**
 * What workers and the primary say to each other. A worker that wrote sends `changed`; the
 * primary passes it to every other worker, each answers `seen` once it has emptied its page
 * cache and updated its search index, and the primary then answers the writer `acked`.
 */
type Message =
  | { lardom: "changed"; id: number }
  | { lardom: "seen"; id: number }
  | { lardom: "acked"; id: number };

function isMessage(message: unknown): message is Message {
  return typeof message === "object" && message !== null && typeof (message as Message).lardom === "string" && typeof (message as Message).id === "number";
}

/** A writer waits at most this long for the others (one may be dying). */
const ACK_TIMEOUT_MS = 1_000;
/** A crashed worker is replaced, but not faster than this (a crash at start would spin). */
const RESTART_DELAY_MS = 1_000;
/** How long the primary waits on SIGTERM for workers to finish their requests. */
const STOP_GRACE_MS = 15_000;

/**
 * The primary: forks `count` workers, relays each one's writes to the others, replaces a
 * worker that dies, and on SIGTERM or SIGINT stops them all (each finishes its requests) and
 * exits. `onListening` runs once, when every worker listens.
 */
export function runWorkers(count: number, { onListening }: { onListening: () => void }): void {
  let stopping = false;
  let listening = 0;
  /** Relayed writes not yet seen by every other worker: the writer, its id, how many are left. */
  const relays = new Map<number, { writer: Worker; id: number; left: number }>();
  let nextRelay = 0;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message: unknown) => {
      if (!isMessage(message)) return;
      if (message.lardom === "changed") {
        const others = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w !== worker && w.isConnected());
        if (others.length === 0) return void worker.send({ lardom: "acked", id: message.id } satisfies Message);
        const relay = ++nextRelay;
        relays.set(relay, { writer: worker, id: message.id, left: others.length });
        for (const other of others) other.send({ lardom: "changed", id: relay } satisfies Message);
      } else if (message.lardom === "seen") {
        const relay = relays.get(message.id);
        if (!relay || --relay.left > 0) return;
        relays.delete(message.id);
        if (relay.writer.isConnected()) relay.writer.send({ lardom: "acked", id: relay.id } satisfies Message);
      }
    });
    worker.once("listening", () => {
      listening++;
      if (listening === count) onListening();
    });
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      log("error", "worker exited", { pid: worker.process.pid, code, signal });
      // Not unref'd: with every worker gone, this timer is what keeps the primary alive.
      setTimeout(() => stopping || fork(), RESTART_DELAY_MS);
    });
  };
  for (let i = 0; i < count; i++) fork();

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stänger Lärdom …`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    let left = workers.length;
    const done = () => {
      if (--left > 0) return;
      console.log("Lärdom har stängts.");
      process.exit(0);
    };
    if (left === 0) return done();
    for (const worker of workers) {
      worker.once("exit", done);
      worker.process.kill("SIGTERM");
    }
    setTimeout(() => workers.forEach((w) => w.process.kill("SIGKILL")), STOP_GRACE_MS).unref();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * A worker's side. `announce()` tells the other workers this one wrote, and resolves once they
 * have forgotten what the write changed (or after a second), so the writer answers only then;
 * `onPeerWrite` is what this worker does when another one wrote. A worker whose primary is gone
 * (killed, not stopped) exits at once rather than serve on alone.
 */
export function joinWorkers({ onPeerWrite }: { onPeerWrite: () => Promise<void> }): { announce: () => Promise<void> } {
  const waiting = new Map<number, () => void>();
  let nextId = 0;
  process.on("message", (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.lardom === "changed") {
      void onPeerWrite().finally(() => process.connected && process.send?.({ lardom: "seen", id: message.id } satisfies Message));
    } else if (message.lardom === "acked") {
      waiting.get(message.id)?.();
    }
  });
  process.on("disconnect", () => process.exit(1));
  return {
    announce: () =>
      new Promise<void>((resolve) => {
        if (!process.connected || !process.send) return resolve();
        const id = ++nextId;
        const done = () => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        };
        const timer = setTimeout(done, ACK_TIMEOUT_MS);
        waiting.set(id, done);
        process.send({ lardom: "changed", id } satisfies Message);
      }),
  };
}
