// `twin catalog`: tariffs, services, countries with the «Забугорище» fee (R3), and every limit and
// period (R2 family size and invitation lapse, R24/R27 lockouts, R25 idle timeout, R22 code validity).
import { execFileSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { defaultCatalogIndex } from "../../core/catalog/load.ts"
import { catalogFacts, formatCatalogFacts } from "../../scenarios/catalog-facts.ts"

const ROOT = fileURLToPath(new URL("../../", import.meta.url))

describe("twin catalog (R2, R3, R22, R24, R25, R27)", () => {
  const cat = defaultCatalogIndex()
  const facts = catalogFacts(cat)

  it("lists every tariff, service, package, country and its «Забугорище» fee in rubles as scenario files write them", () => {
    expect(facts.tariffs.map((t) => t.id)).toEqual([...cat.tariffs.keys()])
    expect(facts.services.map((s) => s.id)).toEqual([...cat.services.keys()])
    expect(facts.packages.map((p) => p.id)).toEqual([...cat.oneOff.keys()])
    const smart = facts.tariffs.find((t) => t.id === "smart")
    expect(smart?.monthlyFee).toBe("650.00")
    expect(smart?.packages.data).toBe("25GB")
    const tr = facts.countries.find((c) => c.code === "TR")
    expect(tr?.popular).toBe(true)
    expect(tr?.zabugorishcheDailyFee).toBe("390.00")
    expect(facts.countries.filter((c) => !c.popular).every((c) => c.zabugorishcheDailyFee === "490.00")).toBe(true)
  })

  it("names every limit and period with its unit", () => {
    const d = cat.data
    expect(facts.limits["family: members at most (R2)"]).toBe(String(d.family.maxMembers))
    expect(facts.limits["family: invitation lapses after (R2)"]).toBe(`${d.family.inviteTtlHours}h`)
    expect(facts.limits["LK login: wrong codes before lockout (R24)"]).toBe(String(d.auth.lkMaxFailures))
    expect(facts.limits["LK / app session: idle timeout (R25)"]).toBe(`${d.auth.sessionIdleMinutes}m`)
    expect(facts.limits["SMS password from 3339: valid for (R22)"]).toBe(`${d.auth.otpValidHours}h`)
    expect(facts.limits["kiosk: lockout lasts (R27)"]).toBe(`${d.auth.kioskLockHours}h`)
    expect(facts.limits["IVR 111: digit timeout (R28)"]).toBe(`${d.channels.ivrDigitTimeoutSeconds}s`)
    const text = formatCatalogFacts(facts)
    expect(text).toContain("«Смарт»")
    expect(text).toContain("Турция")
  })

  it("the command prints the same facts as JSON", () => {
    const out = execFileSync(process.execPath, ["bin/twin.mjs", "catalog", "--json"], { cwd: ROOT, encoding: "utf8" })
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(facts)))
  })
})
