// GET /openapi.json (the generated OpenAPI 3.1 document) and GET /docs (a readable,
// server-rendered page of the same document: no CDN, no scripts).
import { Hono } from "hono"
import { OPERATIONS, openApiDocument } from "./openapi.ts"

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const obj = (v: Json | undefined): { [k: string]: Json } => (v !== null && typeof v === "object" && !Array.isArray(v) ? v : {})

const typeOf = (s: Json | undefined): string => {
  const o = obj(s)
  if (typeof o.$ref === "string") return o.$ref.replace("#/components/schemas/", "")
  if (Array.isArray(o.enum)) return o.enum.map((x) => JSON.stringify(x)).join(" | ")
  if (Array.isArray(o.anyOf)) return o.anyOf.map(typeOf).join(" | ")
  if (o.type === "array") return `${typeOf(o.items)}[]`
  return typeof o.type === "string" ? o.type : Array.isArray(o.type) ? o.type.join(" | ") : "any"
}

const Fields = (props: { name: string }) => {
  const doc = openApiDocument()
  const s = obj(obj(obj(doc.components).schemas)[props.name])
  const req = new Set(Array.isArray(s.required) ? s.required.map(String) : [])
  const props2 = Object.entries(obj(s.properties))
  return (
    <table>
      <caption>{props.name}{typeof s.description === "string" ? ` — ${s.description}` : ""}</caption>
      <thead><tr><th scope="col">field</th><th scope="col">type</th><th scope="col">required</th></tr></thead>
      <tbody>{props2.map(([k, v]) => <tr><td><code>{k}</code></td><td>{typeOf(v)}</td><td>{req.has(k) ? "yes" : ""}</td></tr>)}</tbody>
    </table>
  )
}

const CSS = `body{font-family:Arial,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1d2023}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}
caption{text-align:left;font-weight:bold}.m{font-weight:bold;text-transform:uppercase}code{background:#f4f4f4;padding:0 3px}`

export const docsRouter = (): Hono => {
  const r = new Hono()
  r.get("/openapi.json", (c) => c.json(openApiDocument()))
  r.get("/docs/docs.css", (c) => c.body(CSS, 200, { "content-type": "text/css; charset=utf-8" }))
  r.get("/docs", (c) => {
    const tags = [...new Set(OPERATIONS.map((o) => o.tag))]
    return c.html(
      <html lang="ru">
        <head><meta charset="utf-8" /><title>API цифрового двойника ССО</title><link rel="stylesheet" href="/docs/docs.css" /></head>
        <body>
          <h1>API цифрового двойника ССО</h1>
          <p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, generated from the Effect Schemas). Money is integer kopecks; time is twin time (Europe/Moscow).
            Pick a twin with the <code>x-twin</code> header or <code>?twin=</code>. Answers carry <code>text</code>: what the subscriber sees, in Russian; errors carry <code>error.code</code>, <code>error.field</code>, <code>error.message</code> and <code>error.ru</code>.</p>
          <nav aria-label="Разделы"><ul>{tags.map((t) => <li><a href={`#${t.replace(/\s/g, "-")}`}>{t}</a></li>)}</ul></nav>
          {tags.map((t) => (
            <section id={t.replace(/\s/g, "-")}>
              <h2>{t}</h2>
              {OPERATIONS.filter((o) => o.tag === t).map((o) => (
                <article>
                  <h3><span class="m">{o.method}</span> <code>{o.path}</code></h3>
                  <p>{o.summary}{o.rules !== undefined ? ` (${o.rules})` : ""}{o.auth !== undefined ? " · bearer token" : ""}{o.query !== undefined ? ` · query: ${o.query.join(", ")}` : ""}</p>
                  {o.body !== undefined && o.body !== "Command" ? <Fields name={o.body} /> : null}
                  {o.body === "Command" ? <p>Body: one of the core commands, tagged by <code>_tag</code> (see below).</p> : null}
                </article>
              ))}
            </section>
          ))}
          <section id="commands">
            <h2>Core commands</h2>
            {Object.keys(obj(obj(openApiDocument().components).schemas)).filter((k) => /^[A-Z]/.test(k) && obj(obj(obj(obj(openApiDocument().components).schemas)[k]).properties)._tag !== undefined).map((k) => <Fields name={k} />)}
          </section>
        </body>
      </html>,
    )
  })
  return r
}
