import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeEach, vi } from "vitest";

// Each test file (forks pool: one process per file) gets its own database file, so files can run
// in parallel without seeing each other's writes.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lardom-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");
process.env.NODE_ENV = "test";

// A test that makes the code log an error fails, unless it expects the error and says so by
// mocking console.error itself.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
  return () => vi.restoreAllMocks();
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
