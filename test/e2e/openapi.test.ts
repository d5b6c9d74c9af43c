// OpenAPI 3.1 document generated from the Effect Schemas, and the readable /docs page.
import { describe, expect, it } from "vitest"
import { setup, textOf } from "./web-helpers.ts"

describe("OpenAPI", () => {
  it("GET /openapi.json is OpenAPI 3.1 with every core command and every web route's body", async () => {
    const w = setup()
    const res = await w.http.request("/openapi.json")
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> }
    }
    expect(doc.openapi).toBe("3.1.0")
    for (const tag of ["Login", "RequestOtp", "TopUp", "ChangeTariff", "KioskLogin", "FamilyInvite", "LinkConfirm"])
      expect(doc.components.schemas[tag]).toBeDefined()
    expect(doc.components.schemas.TopUp?.required).toEqual(
      expect.arrayContaining(["_tag", "msisdn", "amount", "method"]),
    )
    expect(doc.paths["/lk/api/topup"]?.post?.requestBody?.content["application/json"]?.schema.$ref).toBe(
      "#/components/schemas/TopUpRequest",
    )
    expect(doc.components.schemas.TopUpRequest?.required).toEqual(["amount"])
    for (const p of [
      "/lk/api/login",
      "/app/api/tabs/{tab}",
      "/kiosk/api/topup-cash",
      "/api/twins/{id}/tmf654/bucket",
      "/api/twins/{id}/commands",
    ])
      expect(doc.paths[p]).toBeDefined()
    // every $ref resolves
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "")
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined()
  })

  it("every endpoint, USSD, IVR and SMS included, has an example request (when it takes a body) and answer", async () => {
    const w = setup()
    const doc = (await (await w.http.request("/openapi.json")).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { example?: unknown }> }
            responses: Record<string, { content?: Record<string, { example?: unknown }> }>
          }
        >
      >
    }
    for (const p of [
      "/ussd/dial",
      "/ussd/reply",
      "/ussd",
      "/ivr/calls",
      "/ivr/calls/{id}/dtmf",
      "/ivr/calls/{id}",
      "/sms/send",
      "/sms/inbox/{msisdn}",
    ])
      expect(doc.paths[p], p).toBeDefined()
    let count = 0
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        count++
        if (op.requestBody !== undefined)
          expect(op.requestBody.content["application/json"]?.example, `${method} ${path} request`).toBeDefined()
        const answers = Object.entries(op.responses)
          .filter(([code]) => code !== "4XX")
          .flatMap(([, r]) => Object.values(r.content ?? {}))
        expect(
          answers.some((a) => a.example !== undefined),
          `${method} ${path} answer`,
        ).toBe(true)
      }
    }
    expect(count).toBeGreaterThan(100)
    // The recorded USSD answer is the real balance screen.
    expect(JSON.stringify(doc.paths["/ussd/dial"]?.post?.responses)).toContain("Баланс")
  })

  it("GET /docs is a readable server-rendered page with no scripts", async () => {
    const w = setup()
    const res = await w.http.request("/docs")
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain("<script")
    const t = textOf(html)
    expect(t).toContain("/lk/api/login")
    expect(t).toContain("TopUpRequest")
    expect(t).toContain("Команды ядра")
    // The page speaks Russian and shows the telephony channels too.
    for (const h of [
      "Голосовое меню (IVR)",
      "USSD",
      "SMS",
      "Пример: запрос и ответ",
      "/ussd/dial",
      "/ivr/calls/{id}/dtmf",
      "/sms/send",
    ])
      expect(t).toContain(h)
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'")
  })
})
