import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { ROOT } from "./db";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  databasePath: string;
  /** The process that runs app/cli/start.ts (`node --import tsx`, as `npm start` does), the primary when there are workers. */
  pid: number;
  output: () => string;
  /** Sends a signal to the server process itself (`pid`), without waiting: see `exited`. */
  kill: (signal: NodeJS.Signals) => void;
  /** Settles when the server has exited, with how it exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the server (SIGTERM) and removes its data directory, unless the caller gave the database. */
  stop: () => Promise<void>;
}

function signalProcess(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export interface StartOptions {
  timeoutMs?: number;
  /** Use this database file (and its directory) instead of a fresh temporary one; `stop` keeps it. */
  databasePath?: string;
  port?: number;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** How often to ask /healthz while the server starts. */
  pollMs?: number;
}

/**
 * Starts Lärdom the way `npm start` does (building if stale, migrating, seeding an empty
 * database) on a free port of 127.0.0.1, with its own database unless given one. The server
 * stops with `stop`, and at the latest when the test process exits.
 */
export async function startServer({ timeoutMs = 120_000, databasePath: given, port: givenPort, env = {}, pollMs = 250 }: StartOptions = {}): Promise<RunningServer> {
  const port = givenPort ?? (await freePort());
  const dir = given ? path.dirname(given) : fs.mkdtempSync(path.join(os.tmpdir(), "lardom-server-"));
  const databasePath = given ?? path.join(dir, "lardom.db");
  let log = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: databasePath, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  // With WEB_CONCURRENCY > 1 the workers exit with the primary (app/server/cluster.server.ts).
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      // Tests that start many servers would otherwise pile up exit listeners.
      process.removeListener("exit", kill);
      resolve({ code, signal });
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      kill();
      throw new Error(`The server did not become healthy in ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return {
    url,
    databasePath,
    pid: child.pid!,
    output: () => log,
    kill: (signal) => signalProcess(child.pid!, signal),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      if (!given) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
