/**
 * The two servers `bench/load.ts` measures: Lärdom started as `npm start` starts it (in production
 * mode, on a temporary database that gets the demo content), and a bare node:http reference in a
 * process of its own that answers with bytes fetched from Lärdom beforehand.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Child {
  url: string;
  /** The last part of what the process printed, for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

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

/** SIGTERM, then wait for the exit; SIGKILL if the process is still there after `graceMs`. */
function stopper(child: ChildProcess, graceMs = 15_000): () => Promise<void> {
  // A crash of the benchmark must not leave servers behind.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  return async () => {
    process.removeListener("exit", kill);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(kill, graceMs);
    await exited;
    clearTimeout(timer);
  };
}

/** Keeps the first and the last 20 kB: the demo accounts come first, a crash comes last. */
function recorder(child: ChildProcess) {
  let head = "";
  let tail = "";
  const add = (d: Buffer) => {
    if (head.length < 20_000) head += d;
    else tail = (tail + d).slice(-20_000);
  };
  child.stdout?.on("data", add);
  child.stderr?.on("data", add);
  return () => head + (tail ? `\n…\n${tail}` : "");
}

export async function startLardom({ timeoutMs = 300_000, workers = 1 } = {}): Promise<Child> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-load-"));
  const child = spawn(process.execPath, ["--import", "tsx", "app/cli/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: path.join(dir, "lardom.db"),
      NODE_ENV: "production",
      WEB_CONCURRENCY: String(workers),
      SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = recorder(child);
  const stopChild = stopper(child);
  const stop = async () => {
    await stopChild();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs; // the first run may build the app
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Lärdom exited (${child.exitCode}):\n${output()}`);
    }
    // /healthz answers once one worker listens; the start-up line says when all do.
    if (/Lärdom är igång/.test(output()) && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Lärdom was not healthy after ${timeoutMs} ms:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output, stop };
}

/** The demo accounts `npm start` printed when it seeded the empty database (as tests/helpers/http.ts reads them). */
export function demoAccounts(output: string): Record<string, { email: string; password: string }> {
  const accounts: Record<string, { email: string; password: string }> = {};
  for (const m of output.matchAll(/^\s+(member|contributor|organiser|editor|admin)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    accounts[m[1]] = { email: m[2], password: m[3] };
  }
  return accounts;
}

/** Signs in by the login form; returns the `lardom_session=…` pair to send as Cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
  if (response.status !== 302 || !cookie.startsWith("lardom_session=")) {
    throw new Error(`Signing in as ${email} failed: ${response.status}`);
  }
  return cookie;
}

export interface Page {
  /** Path on the reference server. */
  path: string;
  /** Lärdom's response headers, lower-case names, to be sent alike. */
  headers: [string, string][];
  body: Buffer;
}

/** Starts bench/load-reference.ts in its own process, so it does not share a core with autocannon. */
export async function startReference(pages: Page[]): Promise<Child> {
  const child = fork(path.join(ROOT, "bench/load-reference.ts"), [], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output = recorder(child);
  const stop = stopper(child, 5_000);
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve(Number(m)));
    child.once("exit", (code) => reject(new Error(`The reference server exited (${code}):\n${output()}`)));
    // Buffers do not survive IPC's JSON; base64 does.
    child.send(pages.map((p) => ({ ...p, body: p.body.toString("base64") })));
  });
  return { url: `http://127.0.0.1:${port}`, output, stop };
}
