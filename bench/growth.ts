// Suite 5: cost growth. The durable simulation at 10k, 100k and 1M subscribers: time per
// simulated day and heap, with exponents fitted by least squares on log-log (1.0 = linear).
// The 1M point simulates fewer days to stay bounded; time is compared per simulated day.
import os from "node:os"
import type { SuiteResult } from "./lib/figures.ts"
import type { GrowthPoint } from "./report.ts"
import { cache, cacheKey } from "./population.ts"
import { simulate } from "../sim/run.ts"

/** Least-squares slope of log(y) on log(x). */
export const fitExponent = (xs: readonly number[], ys: readonly number[]): number => {
  const lx = xs.map(Math.log)
  const ly = ys.map(Math.log)
  const n = lx.length
  const mx = lx.reduce((a, b) => a + b, 0) / n
  const my = ly.reduce((a, b) => a + b, 0) / n
  let num = 0
  let den = 0
  for (let i = 0; i < n; i++) {
    num += ((lx[i] as number) - mx) * ((ly[i] as number) - my)
    den += ((lx[i] as number) - mx) ** 2
  }
  return num / den
}

export const runGrowth = async (opts: { quick: boolean; full: boolean }): Promise<SuiteResult> => {
  const threads = Math.max(1, Math.min(2, os.cpus().length))
  const plan: Array<[number, number]> = opts.quick
    ? [
        [5_000, 5],
        [20_000, 5],
        [100_000, 2],
      ]
    : opts.full
      ? [
          [10_000, 30],
          [100_000, 30],
          [1_000_000, 3],
        ]
      : [
          [10_000, 10],
          [100_000, 10],
          [1_000_000, 1],
        ]
  const points: GrowthPoint[] = []
  for (const [subscribers, days] of plan) {
    const r =
      cache.get(cacheKey(subscribers, days, threads)) ??
      (await simulate({ seed: "1", subscribers, days, threads, log: "sqlite", measureMemory: true }))
    const run = r.seconds - r.setupSeconds
    points.push({
      subscribers,
      days,
      seconds: run,
      secondsPerSubscriberDay: run / (subscribers * days),
      bytesPerSubscriber: r.bytesPerSubscriber,
      heapBytes: r.heapBytes,
    })
    console.log(
      `  growth: ${subscribers.toLocaleString("en-US")} × ${days} d: ${run.toFixed(1)} s simulating ` +
        `(+${r.setupSeconds.toFixed(1)} s setup), heap ${r.heapBytes === null ? "?" : `${(r.heapBytes / 2 ** 20).toFixed(0)} MB`}`,
    )
  }
  const xs = points.map((p) => p.subscribers)
  const timeExponent = fitExponent(
    xs,
    points.map((p) => p.seconds / p.days),
  )
  const heaps = points.map((p) => p.heapBytes)
  const memoryExponent = heaps.every((h): h is number => h !== null && h > 0) ? fitExponent(xs, heaps) : null
  return {
    suite: "growth",
    title: "5. Cost growth: durable simulation at growing populations",
    figures: [
      ...points.map((p) => ({
        suite: "growth",
        name: `${p.subscribers.toLocaleString("en-US")} subscribers × ${p.days} d: time per simulated day`,
        value: p.seconds / p.days,
        unit: "s/day",
        target: "—",
        pass: null,
      })),
      ...points.map((p) => ({
        suite: "growth",
        name: `${p.subscribers.toLocaleString("en-US")} subscribers: heap`,
        value: (p.heapBytes ?? Number.NaN) / 2 ** 20,
        unit: "MB",
        target: "—",
        pass: null,
      })),
      {
        suite: "growth",
        name: "time exponent (per simulated day vs subscribers)",
        value: timeExponent,
        unit: "",
        target: "≤ 1.10 (linear)",
        pass: timeExponent <= 1.1,
      },
      ...points.slice(1).map((p, k) => {
        const q = points[k] as GrowthPoint
        const e = fitExponent([q.subscribers, p.subscribers], [q.seconds / q.days, p.seconds / p.days])
        return {
          suite: "growth",
          name: `time exponent of the step ${q.subscribers.toLocaleString("en-US")} → ${p.subscribers.toLocaleString("en-US")}`,
          value: e,
          unit: "",
          target: "— (diagnostic)",
          pass: null,
        }
      }),
      {
        suite: "growth",
        name: "memory exponent (heap vs subscribers)",
        value: memoryExponent ?? Number.NaN,
        unit: "",
        target: "≤ 1.10 (linear)",
        pass: memoryExponent === null ? false : memoryExponent <= 1.1,
      },
    ],
    data: { points, timeExponent, memoryExponent },
    notes: [
      `Points: ${plan.map(([s, d]) => `${s.toLocaleString("en-US")} × ${d} days`).join(", ")}; the largest ` +
        `point simulates fewer days to keep the run bounded, so time is compared per simulated day (setup excluded).`,
      "Exponents are least-squares slopes on log-log; 1.00 means cost proportional to subscribers. The fit over " +
        "all points can hide a superlinear last step (fixed costs weigh more at the small end), so each step's " +
        "exponent is listed too.",
      "A point with few days carries more JIT warm-up and first-day cost per day than a 10- or 30-day point.",
    ],
  }
}
