/**
 * The reference for `bench/load.ts`: a bare node:http server that answers each path with the
 * headers and body Lärdom gave, held in memory. Started by startReference (bench/load-server.ts), which sends the pages over
 * IPC and is told the port in return.
 */
import http from "node:http";
import type net from "node:net";

// Node writes these itself, or they described the framing of Lärdom's answer.
const OWN = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

// If the benchmark dies without stopping us, the IPC channel closes: go too.
process.once("disconnect", () => process.exit(0));
process.once("message", (message) => {
  const pages = new Map<string, { headers: [string, string][]; body: Buffer }>();
  for (const p of message as { path: string; headers: [string, string][]; body: string }[]) {
    const body = Buffer.from(p.body, "base64");
    const headers = p.headers.filter(([name]) => !OWN.has(name));
    pages.set(p.path, { headers: [...headers, ["content-length", String(body.length)]], body });
  }
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, page.headers.flat()).end(page.body);
  });
  server.listen(0, "127.0.0.1", () => process.send!((server.address() as net.AddressInfo).port));
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
});
