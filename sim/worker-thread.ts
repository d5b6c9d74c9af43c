// Start a TypeScript module in a worker thread (through the tsx bootstrap in ts-worker.mjs).
import { Worker, type WorkerOptions } from "node:worker_threads"

const BOOT = new URL("./ts-worker.mjs", import.meta.url)

export const tsWorker = (entry: URL, options: Omit<WorkerOptions, "argv"> = {}): Worker =>
  new Worker(BOOT, { ...options, argv: [entry.href] })
