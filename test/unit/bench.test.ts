// Benchmark and population helpers (issue 9): fitted exponents, seeded groups and plans,
// the markdown table and SVG charts. No timing assertions.
import { describe, expect, it } from "vitest"
import { fitExponent } from "../../bench/growth.ts"
import { markdownTable, type SuiteResult } from "../../bench/lib/figures.ts"
import { growthChart, ratioChart } from "../../bench/report.ts"
import { dayPlan, generateGroups, groupsOfPartitions, msisdnOf, partitionGroups, SLOTS } from "../../sim/population.ts"
import { plainLoop, ratingFixture } from "../../bench/rating.ts"

describe("bench helpers", () => {
  it("fitExponent recovers the power of a power law", () => {
    const xs = [10_000, 100_000, 1_000_000]
    expect(
      fitExponent(
        xs,
        xs.map((x) => 3 * x),
      ),
    ).toBeCloseTo(1, 10)
    expect(
      fitExponent(
        xs,
        xs.map((x) => 0.5 * x * x),
      ),
    ).toBeCloseTo(2, 10)
  })

  it("groups cover every subscriber exactly once; families have an owner and at most 5 members (I4)", () => {
    const groups = generateGroups("7", 5_000)
    let next = 0
    for (const g of groups) {
      expect(g.first).toBe(next)
      next += g.size
      if (g.kind === "family") expect(g.size).toBeLessThanOrEqual(6)
      if (g.kind === "single") expect(g.size).toBe(1)
    }
    expect(next).toBe(5_000)
    const parts = [0, 1, 2].map((p) => partitionGroups(groups, p, 3))
    expect(parts.reduce((a, p) => a + p.length, 0)).toBe(groups.length)
    expect(generateGroups("7", 5_000)).toEqual(groups)
  })

  it("I7 a partition's groups built on their own equal its share of the whole population's, in any order", () => {
    for (const [subscribers, partitions] of [
      [1, 1],
      [5_000, 3],
      [12_345, 8],
    ] as const) {
      const all = generateGroups("7", subscribers)
      const each = Array.from({ length: partitions }, (_, p) => partitionGroups(all, p, partitions))
      const order = Array.from({ length: partitions }, (_, p) => partitions - 1 - p)
      expect(groupsOfPartitions("7", subscribers, partitions, order)).toEqual(order.map((p) => each[p]))
      expect(groupsOfPartitions("7", subscribers, partitions, [0])).toEqual([each[0]])
    }
    expect(groupsOfPartitions("7", 100, 4, [])).toEqual([])
    expect(() => groupsOfPartitions("7", 100, 4, [4])).toThrow(/partition: must be 0\.\.3, got 4/)
    expect(() => groupsOfPartitions("7", 100, 0, [])).toThrow(/partitions: must be a positive integer/)
    expect(() => groupsOfPartitions("7", 0, 4, [0])).toThrow(/subscribers: must be/)
  })

  it("day plans are a pure function of seed, day and groups", () => {
    const groups = partitionGroups(generateGroups("7", 500), 1, 2)
    const a = dayPlan("7", 4, groups)
    expect(a.slots).toHaveLength(SLOTS)
    expect(dayPlan("7", 4, groups)).toEqual(a)
    expect(dayPlan("8", 4, groups)).not.toEqual(a)
    const mine = new Set(groups.flatMap((g) => Array.from({ length: g.size }, (_, k) => msisdnOf(g.first + k))))
    for (const slot of a.slots) for (const act of slot) if ("msisdn" in act) expect(mine.has(act.msisdn)).toBe(true)
  })

  it("the plain loop and the twin rate the same commands (the rating benchmark compares like with like)", () => {
    const { twin, cmds } = ratingFixture(60, 600)
    const loop = plainLoop(twin.cat, [...twin.state.subscribers.keys()])
    expect(loop(cmds)).toBe(600)
    let rated = 0
    for (const c of cmds) {
      const r = twin.execute(c)
      if (r._tag === "Success" && r.success.events.some((e) => e.type === "UsageRated")) rated++
    }
    expect(rated).toBe(600)
  })

  it("renders the table and charts from results", () => {
    const r: SuiteResult = {
      suite: "rating",
      title: "t",
      figures: [
        {
          suite: "rating",
          name: "x",
          value: 2_000_000,
          unit: "events/s",
          limit: { name: "plain", value: 8_000_000, unit: "events/s" },
          ratio: 0.25,
          target: "≥ 1/6 (16.7%) of the plain loop",
          pass: true,
        },
      ],
    }
    const md = markdownTable([r])
    expect(md).toContain("| rating | x | 2,000,000 events/s | 8,000,000 events/s (plain) | 25.0% |")
    expect(md).toContain("PASS")
    const svg = ratioChart([r])
    expect(svg.startsWith("<svg")).toBe(true)
    expect(svg).toContain("25.0%")
    const g = growthChart(
      [
        {
          subscribers: 10_000,
          days: 30,
          seconds: 3,
          secondsPerSubscriberDay: 1e-5,
          bytesPerSubscriber: 1500,
          heapBytes: 15e6,
        },
        {
          subscribers: 100_000,
          days: 30,
          seconds: 30,
          secondsPerSubscriberDay: 1e-5,
          bytesPerSubscriber: 1500,
          heapBytes: 150e6,
        },
      ],
      1,
      1,
    )
    expect(g).toContain("fitted exponents: time 1.00, memory 1.00")
  })
})
