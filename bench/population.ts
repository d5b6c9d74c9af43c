// Suite 3: the population simulation with the durable event log (SQLite, one file per
// partition), on 2 worker threads: subscriber-days/s, the 100,000 × 30 days time, and heap per
// subscriber. The limit next to it, measured in the same run: the same simulation with the log
// switched off (the model alone), so the cost of durability is visible.
import os from "node:os"
import type { SuiteResult } from "./lib/figures.ts"
import { simulate, type SimResult } from "../sim/run.ts"

export const TARGET_SUBSCRIBERS = 100_000
export const TARGET_DAYS = 30
export const TARGET_SECONDS = 60
export const TARGET_BYTES = 2048

/** The durable 2-thread run of this process, reused by the growth suite. */
export const cache = new Map<string, SimResult>()
export const cacheKey = (subscribers: number, days: number, threads: number): string =>
  `${subscribers}x${days}/t${threads}`

export const runPopulation = async (opts: { quick: boolean; full: boolean }): Promise<SuiteResult> => {
  const threads = Math.max(1, Math.min(2, os.cpus().length))
  const subscribers = opts.quick ? 20_000 : TARGET_SUBSCRIBERS
  // Default: 10 of the 30 days, and the 30-day time projected at the measured rate (bounded run);
  // --full runs the whole 100,000 × 30 days.
  const days = opts.quick ? 5 : opts.full ? TARGET_DAYS : 10
  const durable = await simulate({ seed: "1", subscribers, days, threads, log: "sqlite", measureMemory: true })
  cache.set(cacheKey(subscribers, days, threads), durable)
  // The limit: the same population with the log off (the model alone). A third of the days in a
  // full run, to keep `npm run bench` bounded; the rate per subscriber-day is what is compared.
  const modelDays = opts.full ? Math.ceil(days / 3) : days
  const model = await simulate({ seed: "1", subscribers, days: modelDays, threads, log: "null" })
  if (modelDays === days && model.hash !== durable.hash)
    throw new Error(
      `population: the hash with the log off (${model.hash}) differs from the durable run (${durable.hash})`,
    )
  const targetSubDays = TARGET_SUBSCRIBERS * TARGET_DAYS
  const projected = targetSubDays / durable.subscriberDaysPerSec
  const full = subscribers === TARGET_SUBSCRIBERS && days === TARGET_DAYS
  const bytes = durable.bytesPerSubscriber ?? Number.NaN
  const sum = durable.summary
  return {
    suite: "population",
    title: `3. Population simulation: ${subscribers.toLocaleString("en-US")} subscribers × ${days} days, durable log, ${threads} threads`,
    figures: [
      {
        suite: "population",
        name: "subscriber-days/s (durable log)",
        value: durable.subscriberDaysPerSec,
        unit: "sub-days/s",
        limit: {
          name: `same population, log off (model only${modelDays === days ? "" : `, ${modelDays} days`})`,
          value: model.subscriberDaysPerSec,
          unit: "sub-days/s",
        },
        ratio: durable.subscriberDaysPerSec / model.subscriberDaysPerSec,
        target: `≥ ${(targetSubDays / TARGET_SECONDS).toLocaleString("en-US")} sub-days/s (100k × 30 d in 60 s)`,
        pass: durable.subscriberDaysPerSec >= targetSubDays / TARGET_SECONDS,
      },
      {
        suite: "population",
        name: full ? "100,000 subscribers × 30 days (durable)" : "100,000 × 30 days, projected from this run",
        value: full ? durable.seconds : projected,
        unit: "s",
        target: "≤ 60 s on 2 cores",
        pass: (full ? durable.seconds : projected) <= TARGET_SECONDS,
        ...(full ? {} : { note: "projected at the measured rate" }),
      },
      {
        suite: "population",
        name: "rated events/s inside the simulation (durable)",
        value: durable.eventsPerSec,
        unit: "events/s",
        target: "—",
        pass: null,
      },
      {
        suite: "population",
        name: "heap per subscriber (end of run)",
        value: bytes,
        unit: "B",
        target: "≤ 2 KB (2048 B)",
        pass: bytes <= TARGET_BYTES,
      },
    ],
    data: { durable, model },
    notes: [
      `${durable.events.toLocaleString("en-US")} events from ${durable.commands.toLocaleString("en-US")} ` +
        `commands (${(durable.events / (subscribers * days)).toFixed(2)} events per subscriber-day); setup ` +
        `(creating subscribers, families, autopay) ${durable.setupSeconds.toFixed(1)} s of ${durable.seconds.toFixed(1)} s.`,
      `Same seed, log on and off: the same combined hash ${durable.hash.slice(0, 16)}…`,
      `Revenue ${(sum.revenue / 100).toLocaleString("ru-RU")} ₽; ` +
        `roaming ${((sum.roaming.zabugorishche + sum.roaming.payg) / 100).toLocaleString("ru-RU")} ₽; ` +
        `blocked ${sum.blocked.financial + sum.blocked.voluntary}; lockouts ${sum.lockouts}.`,
      "Heap per subscriber: heap held by the partitions' state (twin state, job heap, population descriptors) " +
        "after a full GC at the end of the run, divided by subscribers; the SQLite page cache is outside the JS heap.",
    ],
  }
}
