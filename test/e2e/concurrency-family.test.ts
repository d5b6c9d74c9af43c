// Concurrency: simultaneous commands on one «МЫ МТС» family group — owner and members acting
// from different channels (LK, app, USSD, SMS, IVR, the network) at once — never break I1 or I4.
// The whole burst is one QA step, so every checker (I1–I7, I9) runs over all its events.
import { describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { makeTelephonyDriver } from "../../channels/telephony-driver.ts"
import { makeWebDrivers } from "../../channels/web-driver.ts"
import type { Fetcher } from "../../channels/driver.ts"
import { CORE_INVARIANTS, defaultQaCatalog, inboxCode, openQaTwin, QaRun, type Executor } from "../../qa/index.ts"

const O = "79990000001"
const M = ["79990000002", "79990000003", "79990000004", "79990000005", "79990000006", "79990000007"]

describe("concurrency on one family group", () => {
  it("I1, I4: simultaneous owner/member commands from LK, app, USSD, SMS, IVR and the network keep money and family limits", async () => {
    const t = openQaTwin(defaultQaCatalog(), "5")
    try {
      const app = makeApp({ registry: t.registry })
      const f: Fetcher = (r) => Promise.resolve(app.fetch(r))
      const tel = makeTelephonyDriver(f, "qa")
      const web = makeWebDrivers(f, "qa")
      let burst: () => Promise<unknown> = () => Promise.resolve()
      const exec: Executor = {
        twin: t.twin,
        execute: async () => ({ ok: true, code: null, via: "burst", detail: String(await burst()) }),
      }
      t.twin.execute({ _tag: "CreateSubscriber", msisdn: O, name: "Владелец", tariff: "my-mts", balance: 300_000 })
      for (const m of M)
        t.twin.execute({
          _tag: "CreateSubscriber",
          msisdn: m,
          name: `Участник ${m.slice(-1)}`,
          tariff: "smart",
          balance: 20_000,
        })
      for (const m of M.slice(0, 2)) {
        t.twin.execute({ _tag: "FamilyInvite", msisdn: O, member: m, minutes: 200, sms: 50, dataMb: 5_000 })
        t.twin.execute({ _tag: "FamilyReply", msisdn: m, accept: true })
      }
      for (const ch of ["lk", "app"] as const) {
        await web[ch].perform(O, "request-code", {})
        expect((await web[ch].perform(O, "login", { code: inboxCode(t.twin, O, "3339") ?? "" })).ok).toBe(true)
      }
      const run = new QaRun(exec, t.start, CORE_INVARIANTS)
      let replies = 0
      let errors5xx = 0
      const count = async (p: Promise<{ status: number }>): Promise<void> => {
        const r = await p
        replies++
        if (r.status >= 500) errors5xx++
      }
      burst = async () => {
        const jobs: Array<Promise<void>> = []
        for (let round = 0; round < 3; round++) {
          // The owner invites everyone (more than the limit) from LK and app at once, with shares that together exceed the package.
          for (const m of M.slice(2)) {
            jobs.push(count(web.lk.perform(O, "family-invite", { member: m, minutes: 600, sms: 100, data: "20000MB" })))
            jobs.push(
              count(web.app.perform(O, "family-invite", { member: m, minutes: 400, sms: 100, data: "15000MB" })),
            )
          }
          // Members answer «Да» by SMS while using the shared packages and checking the balance.
          for (const m of M) {
            jobs.push(count(tel.smsSend(m, "MTS", "Да")))
            jobs.push(count(tel.ussdDial(m, "*100#")))
            jobs.push(
              count(
                Promise.resolve(
                  app.fetch(
                    new Request("http://twin.local/api/twins/qa/commands", {
                      method: "POST",
                      headers: { "content-type": "application/json" },
                      body: JSON.stringify({ _tag: "Usage", msisdn: m, usage: { _tag: "data", kb: 3_000_000 } }),
                    }),
                  ),
                ),
              ),
            )
          }
          jobs.push(count(web.lk.perform(O, "topup", { amount: "150" })))
          jobs.push(count(web.app.perform(O, "transfer", { to: M[0], amount: "99" })))
          jobs.push(count(web.lk.perform(O, "family-remove", { member: M[1] })))
          jobs.push(count(tel.ivrCall(O, "111", "11")))
          jobs.push(
            count(
              Promise.resolve(
                app.fetch(
                  new Request("http://twin.local/api/twins/qa/advance", {
                    method: "POST",
                    headers: { "content-type": "application/json" },
                    body: JSON.stringify({ by: "10d" }),
                  }),
                ),
              ),
            ),
          )
        }
        await Promise.all(jobs)
        return jobs.length
      }
      const out = await run.step({ t: "http", entry: "concurrent family burst", method: "POST", path: "(many)" })
      console.log(
        `[qa] concurrency: ${out.detail} simultaneous requests on one family group, ${replies} answered, ${errors5xx} 5xx; I1–I7, I9 hold`,
      )
      expect(errors5xx).toBe(0)
      expect(replies).toBe(Number(out.detail))
      const fam = t.twin.state.subscribers.get(O)?.family
      expect(fam?.role === "owner" ? fam.members.length : 0).toBeLessThanOrEqual(5)
    } finally {
      t.registry.store.close()
    }
  })
})
