// Worker threads start without the TypeScript loader the server runs under; register it, then
// run the real worker.
import { register } from "tsx/esm/api";

register();
await import("./build-worker.ts");
