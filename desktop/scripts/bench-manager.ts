/**
 * Benchmark (not a test): how long the backend manager takes from spawn to "ready" (ready line
 * + authenticated /health) and to stop gracefully, for the dev and the frozen backend.
 * Prints medians of N runs: `node --import tsx scripts/bench-manager.ts [runs]`.
 */
import { BackendManager } from "../src/backend/manager";
import { backendsUnderTest } from "../test/helpers";

const runs = Number(process.argv[2] ?? 5);

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  console.log(`| backend | start → ready (median of ${runs}) | graceful stop (median) |`);
  console.log("| --- | --- | --- |");
  for (const backend of backendsUnderTest()) {
    if (!backend.launch) {
      console.log(`| ${backend.name} | skipped: ${backend.skip} | |`);
      continue;
    }
    const ready: number[] = [];
    const stop: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const manager = new BackendManager({ launch: backend.launch, preferredPort: 0 });
      let t = performance.now();
      await manager.start();
      ready.push(performance.now() - t);
      t = performance.now();
      await manager.stop();
      stop.push(performance.now() - t);
    }
    console.log(`| ${backend.name} | ${(median(ready) / 1000).toFixed(2)} s | ${(median(stop) / 1000).toFixed(2)} s |`);
  }
}

void main();
