import { once } from "node:events";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demoBrowsers, type Browser } from "./helpers/http";
import { startServer, type RunningServer } from "./helpers/server";

/**
 * WEB_CONCURRENCY=2 (app/server/cluster.server.ts): two worker processes under one primary on
 * one port. Each has its own page cache and search index, so what matters is that a write
 * through one is seen by the other before the writer is answered, and that the workers stop
 * with the primary however it stops.
 */

/** The server processes whose parent is `pid` (Linux /proc); not tsx's esbuild helper, say. */
function workersOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The name in parentheses may hold spaces; the parent pid is the second field after it.
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === pid && fs.readFileSync(`/proc/${name}/cmdline`, "utf8").includes("app/cli/start.ts");
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** A GET on a connection of its own: the primary hands new connections to the workers in turn. */
function getOnNewConnection(url: string, timeoutMs = 5_000): Promise<{ cache: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ cache: res.headers["x-cache"] as string | undefined, body }));
      })
      .on("error", reject)
      .setTimeout(timeoutMs, function (this: http.ClientRequest) {
        this.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`));
      });
  });
}

async function startTwoWorkers(): Promise<RunningServer> {
  const server = await startServer({ env: { WEB_CONCURRENCY: "2" } });
  // /healthz answers as soon as one worker listens; the primary says when both do.
  if (!(await until(() => server.output().includes("(2 processer)"), 60_000))) throw new Error(`The workers did not start:\n${server.output()}`);
  return server;
}

describe("two worker processes", () => {
  let server: RunningServer;
  let editor: Browser;

  beforeAll(async () => {
    server = await startTwoWorkers();
    ({ editor } = await demoBrowsers(server, ["editor"]));
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("run under the primary, and a write through one empties the other's page cache before it is answered", async () => {
    expect(workersOf(server.pid)).toHaveLength(2);

    // Both workers keep the page: two misses, then hits.
    const before = [];
    for (let i = 0; i < 6; i++) before.push(await getOnNewConnection(`${server.url}/themes`));
    expect(before.filter((r) => r.cache === "miss").length).toBeLessThanOrEqual(2);
    expect(before.filter((r) => r.cache === "hit").length).toBeGreaterThanOrEqual(4);
    expect(before.every((r) => !r.body.includes("Klustertema"))).toBe(true);

    const created = await editor.post("/manage/themes", { name: "Klustertema", name_en: "Cluster theme" });
    expect(created.status).toBe(302);

    // No pause: whichever worker answers, the page already has the new theme.
    const after = [];
    for (let i = 0; i < 6; i++) after.push(await getOnNewConnection(`${server.url}/themes`));
    expect(after.map((r) => r.body.includes("Klustertema"))).toEqual([true, true, true, true, true, true]);
  });

  it("and search in the other worker finds a practice as soon as its publishing is answered", async () => {
    const created = await editor.post("/practices/new", {
      title: "Klustermetoden för svetsfogar",
      summary: "Hur två verkstäder delade på klustermetoden.",
      body: "Vi provade **klustermetoden** i svetsningen.",
      themes: "data-och-sensorer",
      organisation: "olmeviks-hydraulik",
      intent: "submit",
    });
    expect(created.status).toBe(302);
    const slug = created.headers.get("Location")!.split("/")[2];
    const { id, version } = await editor.editState(`/practices/${slug}/edit`);
    expect((await editor.post(`/records/${id}/workflow`, { intent: "publish", version })).status).toBe(302);

    const found = [];
    for (let i = 0; i < 4; i++) {
      const { body } = await getOnNewConnection(`${server.url}/api/search?q=klustermetoden`);
      found.push((JSON.parse(body) as { results: { slug: string }[] }).results.some((r) => r.slug === slug));
    }
    expect(found).toEqual([true, true, true, true]);
  });

  it("stop on SIGTERM, each after its requests, and the primary exits 0", async () => {
    const workers = workersOf(server.pid);
    expect(workers).toHaveLength(2);
    // A request under way when SIGTERM comes: its body arrives only afterwards.
    const socket = net.connect(Number(new URL(server.url).port), "127.0.0.1");
    await once(socket, "connect");
    const body = "lang=en&redirectTo=%2F";
    socket.write(`POST /language HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`);
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((r) => setTimeout(r, 300));
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    socket.end(body.slice(5));
    await once(socket, "close");
    expect(answer).toMatch(/^HTTP\/1\.1 302/);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(workers.filter(alive)).toEqual([]);
    expect(server.output()).toContain("Lärdom har stängts.");
  });
});

describe("a worker that dies", () => {
  it("is replaced by a new one", async () => {
    const server = await startTwoWorkers();
    try {
      const [dying, staying] = workersOf(server.pid);
      process.kill(dying!, "SIGKILL");
      const replaced = () => workersOf(server.pid).length === 2 && !workersOf(server.pid).includes(dying!);
      expect(await until(replaced, 10_000)).toBe(true);
      expect(workersOf(server.pid)).toContain(staying);
      expect(server.output()).toMatch(new RegExp(`"event":"worker exited","pid":${dying},"code":null,"signal":"SIGKILL"`));
    } finally {
      await server.stop();
    }
  }, 180_000);
});

describe("a killed primary", () => {
  it("takes its workers with it, so nothing serves on without it", async () => {
    const server = await startTwoWorkers();
    try {
      const workers = workersOf(server.pid);
      expect(workers).toHaveLength(2);
      server.kill("SIGKILL");
      await server.exited;
      expect(await until(() => workers.every((pid) => !alive(pid)), 5_000)).toBe(true);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    } finally {
      await server.stop();
    }
  }, 180_000);
});
