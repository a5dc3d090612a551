import type { RunningServer } from "./server";

/** A browser without JavaScript: one session cookie, form posts, no redirects followed. */
export class Browser {
  cookie = "";
  constructor(private server: RunningServer) {}

  async get(path: string): Promise<Response> {
    return fetch(`${this.server.url}${path}`, { redirect: "manual", headers: this.cookie ? { Cookie: this.cookie } : {} });
  }

  async post(path: string, fields: Record<string, string | string[]> | [string, string][] = {}): Promise<Response> {
    const body = new URLSearchParams();
    const pairs = Array.isArray(fields) ? fields : Object.entries(fields).flatMap(([k, v]) => [v].flat().map((item) => [k, item]));
    for (const [k, v] of pairs) body.append(k, v);
    const response = await fetch(`${this.server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(this.cookie ? { Cookie: this.cookie } : {}) },
    });
    const set = response.headers.get("Set-Cookie");
    if (set?.startsWith("lardom_session=")) this.cookie = /Max-Age=0/i.test(set) ? "" : set.split(";")[0];
    return response;
  }

  /** A record's id and version, as its edit page (`/practices/slug/edit` …) holds them for the workflow form. */
  async editState(editPath: string): Promise<{ id: string; version: string }> {
    const html = await (await this.get(editPath)).text();
    return {
      id: /\/records\/(\d+)\/workflow/.exec(html)![1]!,
      version: /name="version" value="(\d+)"/.exec(html)![1]!,
    };
  }

  async signIn(email: string, password: string): Promise<void> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302 || !this.cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  }
}

/** The demo accounts `npm start` printed when it seeded the empty database: role → {email, password}. */
export function demoAccounts(output: string): Record<string, { email: string; password: string }> {
  const accounts: Record<string, { email: string; password: string }> = {};
  for (const match of output.matchAll(/^\s+(member|contributor|organiser|editor|admin)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) {
    accounts[match[1]] = { email: match[2], password: match[3] };
  }
  return accounts;
}

type DemoRole = "member" | "contributor" | "organiser" | "editor" | "admin";

/** One Browser per demo role, each signed in with the account the server printed at start. */
export async function demoBrowsers<R extends DemoRole>(server: RunningServer, roles: R[]): Promise<Record<R, Browser>> {
  const demo = demoAccounts(server.output());
  const browsers = {} as Record<R, Browser>;
  for (const role of roles) {
    browsers[role] = new Browser(server);
    await browsers[role].signIn(demo[role].email, demo[role].password);
  }
  return browsers;
}
