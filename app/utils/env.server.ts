import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ invalid_type_error: "PORT måste vara ett heltal" })
      .int()
      .min(1)
      .max(65535)
      .default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    DATABASE_PATH: z.string().trim().min(1, "DATABASE_PATH får inte vara tom").default("data/lardom.db"),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET måste vara minst 32 tecken").optional(),
    // Server processes on PORT (app/server/cluster.server.ts): one renders a page at a time.
    WEB_CONCURRENCY: z.coerce
      .number({ invalid_type_error: "WEB_CONCURRENCY måste vara ett heltal" })
      .int("WEB_CONCURRENCY måste vara ett heltal")
      .min(1, "WEB_CONCURRENCY måste vara minst 1")
      .max(64, "WEB_CONCURRENCY får vara högst 64")
      .default(1),
    // Behind a proxy that rewrites Host: the site's own origin, the only one writes may come from.
    PUBLIC_ORIGIN: z
      .string()
      .url("PUBLIC_ORIGIN måste vara en adress som https://lardom.example.se")
      .transform((url) => new URL(url).origin)
      .optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.SESSION_SECRET, {
    message: "SESSION_SECRET krävs i produktion",
    path: ["SESSION_SECRET"],
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The environment, checked once. Throws one readable message naming every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "miljö"}: ${i.message}`);
    throw new Error(`Ogiltig miljö:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between files; this forgets the cached copy. */
export function resetEnvCache(): void {
  cached = undefined;
}

/**
 * The secret that signs the session cookie. Production must set SESSION_SECRET; elsewhere one is
 * generated once and kept beside the database, so sessions survive restarts.
 */
export function getSessionSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
