// Issue 14, weakness 5, from the attacker's side: an outsider who gets the operator's records (the
// database file, its snapshots, the control API's events, inbox and exports) must find no clear
// code in them. Only the handset's own inbox (/sms/inbox, behind the control token when served)
// shows a code. The test issues SMS passwords, kiosk codes and link codes, then scans.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { makeApp } from "../../server/app.ts"
import { Registry } from "../../core/engine/registry.ts"
import { inboxOf } from "../../core/engine/views.ts"
import { addSub, codeFrom, fastCatalog, run, T0 } from "../helpers/twin.ts"

const A = "79161120001"
const B = "79161120002"
const dir = mkdtempSync(join(tmpdir(), "twin-records-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A code standing alone (not inside a longer number, hash or id). */
const alone = (code: string): RegExp => new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`)

describe("issue 14 · weakness 5: no clear code in the operator's records (attacker's view)", () => {
  it("R22, R27, R20: the database file, snapshots, events, inbox and TMF answers of the control API hold no clear code", async () => {
    const db = join(dir, "twin.db")
    const reg = Registry.open(db, { createDefault: false, catalog: fastCatalog() })
    // A fixed secret keeps the codes the same every run: a 4-digit code may otherwise coincide by
    // chance with other digits in the records (a passport series), which is not a leak.
    const twin = reg.create({ id: "r", seed: "5", demo: false, start: T0, secret: "records-test-secret-0001" })
    addSub(twin, A)
    addSub(twin, B)
    run(twin, { _tag: "ConnectService", msisdn: A, service: "e-assistant" })
    const codes: string[] = []
    const clearTexts: string[] = []
    for (let i = 0; i < 2; i++) {
      run(twin, { _tag: "RequestOtp", msisdn: A })
      codes.push(codeFrom(twin, A, "3339"))
      run(twin, { _tag: "RequestKioskCode", msisdn: A })
      codes.push(codeFrom(twin, A, "6262"))
    }
    run(twin, { _tag: "LinkRequest", msisdn: A, target: B })
    codes.push(codeFrom(twin, B, "MTS"))
    for (const m of [A, B])
      for (const s of inboxOf(twin, m)) if (codes.some((c) => s.text.includes(c))) clearTexts.push(s.text)
    expect(clearTexts.length).toBe(codes.length) // the handset does see every code

    // The API answers an outsider with the operator's records would read.
    const app = makeApp({ registry: reg })
    const get = async (path: string): Promise<string> => {
      const r = await app.request(path, { headers: { accept: "application/json" } })
      expect(r.status).toBe(200)
      return r.text()
    }
    const answers = [
      await get("/api/twins/r/events?limit=5000"),
      await get(`/api/twins/r/subscribers/${A}/inbox`),
      await get(`/api/twins/r/subscribers/${B}/inbox`),
      await get(`/api/twins/r/subscribers/${A}`),
      await get(`/api/twins/r`),
      await get("/api/twins/r/state"),
      await get(`/api/twins/r/tmf654/accountBalance?msisdn=${A}`),
      await get(`/api/twins/r/subscribers/${A}/ledger`),
      await get("/api/twins"),
    ]
    for (const a of answers) {
      for (const c of codes) expect(a).not.toMatch(alone(c))
      for (const t of clearTexts) expect(a).not.toContain(t)
    }
    // The operator's inbox record says a code was sent, masked.
    expect(answers[1]).toContain("Пароль для входа в Личный кабинет: ••••")

    // The database file (and its WAL), after a snapshot and the shutdown snapshot.
    twin.snapshot()
    reg.close()
    const files = readdirSync(dir).filter((f) => f.startsWith("twin.db"))
    expect(files).toContain("twin.db")
    for (const f of files) {
      const bytes = readFileSync(join(dir, f))
      for (const t of clearTexts) expect(bytes.includes(Buffer.from(t, "utf8"))).toBe(false)
      for (const c of codes) expect(bytes.includes(Buffer.from(`: ${c}.`, "utf8"))).toBe(false)
    }
  })
})
