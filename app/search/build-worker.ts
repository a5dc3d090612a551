/**
 * Builds a search index off the main thread: lunr's build is one long synchronous call, and
 * requests must not wait for it. Writes the persisted file too, then hands the index back.
 */
import fs from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";

import type { SearchDoc } from "./documents.server";
import { buildEngine, packEngine, transferablesOf } from "./engine.server";
import { PERSIST_VERSION } from "./persist";

const { docs, persistPath, fingerprint } = workerData as { docs: SearchDoc[]; persistPath: string | null; fingerprint: string };
const engine = buildEngine(docs);
if (persistPath) {
  const tmp = `${persistPath}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify({ version: PERSIST_VERSION, fingerprint, engine, docs }));
  await fs.rename(tmp, persistPath); // atomic: a reader sees the old file or the new one
}
// Typed arrays move to the main thread instead of being copied: taking over is nearly free.
const packed = packEngine(engine);
parentPort!.postMessage(packed, transferablesOf(packed));
