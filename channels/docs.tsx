// GET /openapi.json (the generated OpenAPI 3.1 document) and GET /docs (a readable,
// server-rendered page of the same document: no CDN, no scripts).
import { Hono } from "hono"
import { FAVICON_LINK } from "./favicon.ts"
import { apiExamples, OPERATIONS, opKey, openApiDocument } from "./openapi.ts"

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const obj = (v: Json | undefined): { [k: string]: Json } =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? v : {}

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
      <caption>
        {props.name}
        {typeof s.description === "string" ? ` — ${s.description}` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">поле</th>
          <th scope="col">тип</th>
          <th scope="col">обязательное</th>
        </tr>
      </thead>
      <tbody>
        {props2.map(([k, v]) => (
          <tr>
            <td>
              <code>{k}</code>
            </td>
            <td>{typeOf(v)}</td>
            <td>{req.has(k) ? "да" : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const CSS = `body{font-family:Arial,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1d2023;overflow-x:hidden}
table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}
caption{text-align:left;font-weight:bold}.m{font-weight:bold;text-transform:uppercase;color:#e30611}code{background:#f4f4f4;padding:0 3px}
article{border-top:1px solid #e2e5eb;padding:8px 0}\
pre{background:#f6f8fa;border-radius:8px;padding:8px 12px;overflow:auto;max-height:320px;font-size:13px}
details summary{cursor:pointer;color:#0063c5}.ex{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px}
nav ul{display:flex;flex-wrap:wrap;gap:6px 16px;list-style:none;padding:0}`

/** An example as the page shows it: pretty JSON (or the text as is), cut when long. */
const shown = (v: unknown): string => {
  const t = typeof v === "string" ? v : JSON.stringify(v, null, 2)
  return t.length > 2400 ? `${t.slice(0, 2400)}\n…` : t
}

const TAG_RU: Readonly<Record<string, string>> = {
  USSD: "USSD",
  IVR: "Голосовое меню (IVR)",
  SMS: "SMS",
  LK: "Личный кабинет",
  App: "«Мой МТС»",
  Kiosk: "«Электронный Помощник»",
  Control: "Управление двойником",
  "TM Forum": "TM Forum",
}

export const docsRouter = (): Hono => {
  const r = new Hono()
  r.get("/openapi.json", (c) => c.json(openApiDocument()))
  r.get("/docs/docs.css", (c) => c.body(CSS, 200, { "content-type": "text/css; charset=utf-8" }))
  r.get("/docs", (c) => {
    const tags = [...new Set(OPERATIONS.map((o) => o.tag))]
    const examples = apiExamples()
    return c.html(
      <html lang="ru">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>API цифрового двойника ССО</title>
          <link rel="icon" href={FAVICON_LINK} type="image/svg+xml" />
          <link rel="stylesheet" href="/docs/docs.css" />
        </head>
        <body>
          <h1>API цифрового двойника ССО</h1>
          <p>
            Машиночитаемое описание: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1, построено из схем Effect,
            по которым проверяются запросы). Деньги — целые копейки; время — время двойника (Москва). Двойник выбирается
            заголовком <code>x-twin</code> или параметром <code>?twin=</code>. В ответе <code>text</code> — то, что
            видит или слышит абонент; ошибка содержит <code>error.code</code>, <code>error.field</code>,{" "}
            <code>error.message</code> и <code>error.ru</code>. Примеры ниже — настоящие запросы и ответы демо-двойника
            (токены скрыты, длинные списки сокращены).
          </p>
          <nav aria-label="Разделы">
            <ul>
              {tags.map((t) => (
                <li>
                  <a href={`#${t.replace(/\s/g, "-")}`}>{TAG_RU[t] ?? t}</a>
                </li>
              ))}
              <li>
                <a href="#commands">Команды ядра</a>
              </li>
            </ul>
          </nav>
          {tags.map((t) => (
            <section id={t.replace(/\s/g, "-")}>
              <h2>{TAG_RU[t] ?? t}</h2>
              {OPERATIONS.filter((o) => o.tag === t).map((o) => {
                const ex = examples[opKey(o)]
                return (
                  <article>
                    <h3>
                      <span class="m">{o.method}</span> <code>{o.path}</code>
                    </h3>
                    <p>
                      {o.summary}
                      {o.rules !== undefined ? ` (${o.rules})` : ""}
                      {o.auth !== undefined ? " · нужен токен сеанса (Authorization: Bearer)" : ""}
                      {o.query !== undefined ? ` · параметры: ${o.query.join(", ")}` : ""}
                    </p>
                    {o.body !== undefined && o.body !== "Command" ? <Fields name={o.body} /> : null}
                    {o.body === "Command" ? (
                      <p>
                        Тело — одна из команд ядра с полем <code>_tag</code> (см. «Команды ядра»).
                      </p>
                    ) : null}
                    {ex !== undefined ? (
                      <details>
                        <summary>Пример: запрос и ответ (HTTP {ex.status})</summary>
                        <div class="ex">
                          <div>
                            <strong>Запрос</strong>
                            <pre>
                              {`${o.method.toUpperCase()} ${o.path}` +
                                `${ex.query !== undefined ? `?${new URLSearchParams(ex.query).toString()}` : ""}` +
                                `${ex.request !== undefined ? `\n\n${shown(ex.request)}` : ""}`}
                            </pre>
                          </div>
                          <div>
                            <strong>Ответ</strong>
                            <pre>{shown(ex.response)}</pre>
                          </div>
                        </div>
                      </details>
                    ) : null}
                  </article>
                )
              })}
            </section>
          ))}
          <section id="commands">
            <h2>Команды ядра</h2>
            {Object.keys(obj(obj(openApiDocument().components).schemas))
              .filter(
                (k) =>
                  /^[A-Z]/.test(k) &&
                  obj(obj(obj(obj(openApiDocument().components).schemas)[k]).properties)._tag !== undefined,
              )
              .map((k) => (
                <Fields name={k} />
              ))}
          </section>
        </body>
      </html>,
    )
  })
  return r
}
