// `lk:`, `app:`, `kiosk:` run a web channel operation (`do:`) with its `with:` arguments, checked
// against the operation's parameters (channels/web-ops.ts) and the catalog.
import { isMap } from "yaml"
import { decodeArgs, expectedOf, operationNames, operationOf, type ParamRef } from "../../channels/web-ops.ts"
import { suggest } from "../errors.ts"
import { keysOf, WEB_STEP_FIELDS } from "../spec/schema.ts"
import { TEMPLATE_RE } from "../templates.ts"
import { actionMap, asMap, type Ctx, fail, has, type N, templated } from "./ctx.ts"
import { str } from "./fields.ts"
import { type StepParser, who } from "./parser.ts"

/** Values of a `ref` parameter that exist in this scenario: catalog ids or declared subscribers. */
const refValues = (ctx: Ctx, ref: ParamRef): readonly string[] => {
  switch (ref) {
    case "tariff":
      return [...ctx.cat.tariffs.keys()]
    case "service":
      return [...ctx.cat.services.keys()]
    case "offer":
      return [...ctx.cat.oneOff.keys()]
    case "bonus-offer":
      return [...ctx.cat.bonusOffers.keys()]
    case "subscriber":
      return [...ctx.subscribers]
  }
}

/**
 * The `with:` arguments of a web operation, checked against its parameters (channels/web-ops.ts,
 * the schemas the drivers decode with): unknown keys, required ones, types and units, and ids
 * against the catalog. The arguments stay as written; the driver converts them when it runs.
 */
const withArgs = (
  ctx: Ctx,
  channel: "lk" | "app" | "kiosk",
  opName: string,
  n: N,
  what: string,
): Record<string, unknown> | null => {
  const o = operationOf(channel, opName)
  if (o === undefined) return null
  const allowed = Object.keys(o.params)
  const none = allowed.length === 0 ? `${opName} takes no parameters; remove with:` : ""
  const m = asMap(
    ctx,
    n,
    what,
    none !== ""
      ? none
      : `e.g. with: { ${allowed.map((k) => `${k}: ${JSON.stringify(o.params[k]?.example)}`).join(", ")} }`,
  )
  if (m === null || !isMap(n)) return null
  const json = n.toJSON() as Record<string, unknown>
  const { problems } = decodeArgs(o, json)
  let good = true
  for (const p of problems) {
    good = false
    const param = o.params[p.key]
    if (p.kind === "unknown") {
      fail(
        ctx,
        m.keyNode(p.key),
        `${what}: unknown key "${p.key}" for ${channel} ${opName}`,
        none !== "" ? none : `${suggest(p.key, allowed)}`,
      )
    } else if (p.kind === "missing") {
      fail(
        ctx,
        n,
        `${what}: missing "${p.key}"`,
        param !== undefined ? `${p.key}: ${param.description}; ${expectedOf(param)}` : "",
      )
    } else {
      fail(
        ctx,
        m.get(p.key),
        `${what}.${p.key}: ${p.got ?? ""} is not a valid value`,
        `expected ${p.expected ?? ""} (${p.key}: ${param?.description ?? ""})`,
      )
    }
  }
  for (const [k, param] of Object.entries(o.params)) {
    const v = json[k]
    if (param.ref === undefined || typeof v !== "string" || TEMPLATE_RE.test(v)) continue
    const known = refValues(ctx, param.ref)
    if (!known.includes(v)) {
      good = false
      const person = param.ref === "subscriber"
      const whose = person ? " (not one of this scenario's subscribers)" : ""
      fail(ctx, m.get(k), `${what}.${k}: unknown ${person ? "number" : param.ref} "${v}"${whose}`, suggest(v, known))
    }
  }
  for (const v of Object.values(json)) if (typeof v === "string") templated(ctx, n, what, v)
  return good ? json : null
}

export const webStep =
  (kind: "lk" | "app" | "kiosk"): StepParser =>
  (ctx, sc, n, what) => {
    const m = actionMap(
      ctx,
      n,
      what,
      keysOf(WEB_STEP_FIELDS),
      ["msisdn", "do"],
      `${kind}: { msisdn: "79160000001", do: login }`,
    )
    if (m === null) return null
    const msisdn = who(ctx, sc, m, what)
    const op = str(ctx, m.get("do"), `${what}.do`)
    if (op === null || msisdn === null) return null
    const known = ctx.ops?.[kind] ?? operationNames(kind)
    if (!known.includes(op))
      return fail(ctx, m.get("do"), `${what}.do: the ${kind} channel has no operation "${op}"`, suggest(op, known))
    let args: Record<string, unknown> = {}
    if (has(m, "with")) {
      const a = withArgs(ctx, kind, op, m.get("with"), `${what}.with`)
      if (a === null) return null
      args = a
    }
    return { _tag: "web", channel: kind, msisdn, op, args }
  }
