// OpenAPI 3.1 document generated from the Effect Schemas, and the readable /docs page.
import { describe, expect, it } from "vitest"
import { setup, textOf } from "./web-helpers.ts"

describe("OpenAPI", () => {
  it("GET /openapi.json is OpenAPI 3.1 with every core command and every web route's body", async () => {
    const w = setup()
    const res = await w.http.request("/openapi.json")
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } }
    expect(doc.openapi).toBe("3.1.0")
    for (const tag of ["Login", "RequestOtp", "TopUp", "ChangeTariff", "KioskLogin", "FamilyInvite", "LinkConfirm"]) expect(doc.components.schemas[tag]).toBeDefined()
    expect(doc.components.schemas.TopUp?.required).toEqual(expect.arrayContaining(["_tag", "msisdn", "amount", "method"]))
    expect(doc.paths["/lk/api/topup"]?.post?.requestBody?.content["application/json"]?.schema.$ref).toBe("#/components/schemas/TopUpRequest")
    expect(doc.components.schemas.TopUpRequest?.required).toEqual(["amount"])
    for (const p of ["/lk/api/login", "/app/api/tabs/{tab}", "/kiosk/api/topup-cash", "/api/twins/{id}/tmf654/bucket", "/api/twins/{id}/commands"]) expect(doc.paths[p]).toBeDefined()
    // every $ref resolves
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? "")
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined()
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
    expect(t).toContain("Core commands")
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'")
  })
})
