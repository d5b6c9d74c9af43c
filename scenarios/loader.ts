// Loading a scenario file: YAML with positions (LineCounter), then a hand-written validation
// that names file, line and a hint for every problem, before anything runs. The parts live in
// scenarios/load/: values (fields.ts), subscribers, and one parser per step kind (step.ts).
import { readFile } from "node:fs/promises"
import { isScalar, isSeq, LineCounter, parseDocument } from "yaml"
import { defaultCatalogIndex } from "../core/catalog/load.ts"
import { parseInstant } from "../core/domain/time.ts"
import { ScenarioError } from "./errors.ts"
import {
  actionMap,
  asMap,
  type Ctx,
  checkKeys,
  fail,
  has,
  type LoadOptions,
  type N,
  offsetOf,
  type StepCtx,
} from "./load/ctx.ts"
import { amount, scalarText, seqItems, str, strList } from "./load/fields.ts"
import { step } from "./load/step.ts"
import { subscriber } from "./load/subscriber.ts"
import type { PaymentCardSpec, Scenario, Step, SubscriberSpec } from "./model.ts"
import { RULES } from "./model.ts"
import { CARD_FIELDS, keysOf, TOP_FIELDS } from "./spec/schema.ts"

export type { LoadOptions }

export type LoadResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ScenarioError[] }

const TOP_KEYS = keysOf(TOP_FIELDS)

export const loadScenarioText = (file: string, src: string, opts: LoadOptions = {}): LoadResult => {
  const lc = new LineCounter()
  const doc = parseDocument(src, { lineCounter: lc, prettyErrors: false, uniqueKeys: true })
  const ctx: Ctx = {
    file,
    src,
    lc,
    cat: opts.catalog ?? defaultCatalogIndex(),
    ops: opts.operations,
    errors: [],
    subscribers: new Set(),
  }
  for (const e of doc.errors) {
    const p = lc.linePos(e.pos[0])
    ctx.errors.push(
      new ScenarioError(
        file,
        p.line,
        p.col,
        `YAML: ${e.message.split("\n")[0] ?? e.code}`,
        "check indentation and quoting near this line",
      ),
    )
  }
  if (ctx.errors.length > 0) return { ok: false, errors: ctx.errors }
  const top = asMap(
    ctx,
    doc.contents as N,
    "scenario",
    "a scenario file is a mapping with name, start, seed, subscribers and steps",
  )
  if (top === null) return { ok: false, errors: ctx.errors }
  checkKeys(ctx, top, TOP_KEYS, "scenario")
  for (const k of ["name", "start", "steps"])
    if (!has(top, k)) fail(ctx, top.node, `scenario: missing "${k}"`, "a scenario needs at least name, start and steps")
  const name = has(top, "name") ? str(ctx, top.get("name"), "name") : null
  const rules: string[] = []
  if (has(top, "rules")) {
    const rn = top.get("rules")
    const list = strList(ctx, rn, "rules") ?? []
    const items = isSeq(rn) ? (rn.items as N[]) : [rn]
    list.forEach((r, i) => {
      if (RULES.includes(r)) rules.push(r)
      else fail(ctx, items[i] ?? rn, `rules: unknown rule "${r}"`, "rules are R1 … R29 as numbered in docs/rules.md")
    })
  }
  let start = "",
    startAt = 0
  if (has(top, "start")) {
    const sn = top.get("start")
    const s =
      isScalar(sn) && sn.value instanceof Date
        ? ctx.src.slice(offsetOf(sn), sn.range?.[1] ?? offsetOf(sn)).trim()
        : scalarText(ctx, sn)
    const at = s === null ? null : parseInstant(s)
    if (s === null || at === null)
      fail(ctx, sn, "start: expected an ISO instant", "e.g. start: 2026-06-01T09:00:00+03:00 (Moscow time)")
    else {
      start = s
      startAt = at
    }
  }
  let seed = "1"
  if (has(top, "seed")) {
    const sn = top.get("seed")
    const s = scalarText(ctx, sn)
    if (s === null || s === "") fail(ctx, sn, "seed: expected a number or text", "e.g. seed: 7")
    else seed = s
  }
  // The twin's secret, fixed for replay against a served twin (which otherwise draws a random one).
  let secret: string | undefined
  if (has(top, "secret")) {
    const sn = top.get("secret")
    const s = scalarText(ctx, sn)
    if (s === null || s.length < 16)
      fail(ctx, sn, "secret: expected text of at least 16 characters", "e.g. secret: replay-secret-of-this-journey")
    else secret = s
  }
  const subscribers: SubscriberSpec[] = []
  seqItems(
    ctx,
    top.get("subscribers"),
    "subscribers",
    'e.g. subscribers:\n      - { msisdn: "79160000001", name: "…", tariff: my-mts, balance: 2000.00 }',
  ).forEach((it, i) => {
    const s = subscriber(ctx, it, i)
    if (s !== null) subscribers.push(s)
  })
  for (const s of subscribers) {
    for (const l of [...s.linked, ...s.family.map((f) => f.msisdn)]) {
      if (!ctx.subscribers.has(l) || l === s.msisdn)
        fail(
          ctx,
          top.get("subscribers"),
          `subscribers: ${s.msisdn} refers to ${l}, which is not another subscriber of this scenario`,
          "declare the linked number / family member as a subscriber too",
        )
    }
  }
  const paymentCards: PaymentCardSpec[] = []
  seqItems(
    ctx,
    top.get("paymentCards"),
    "paymentCards",
    'e.g. paymentCards: [{ code: "1234567890123", amount: 300 }]',
  ).forEach((it, i) => {
    const w = `paymentCards[${i}]`
    const cm = actionMap(ctx, it, w, keysOf(CARD_FIELDS), ["code", "amount"], '{ code: "1234567890123", amount: 300 }')
    if (cm === null) return
    const code = scalarText(ctx, cm.get("code"))
    const a = amount(ctx, cm.get("amount"), `${w}.amount`)
    if (code === null || !/^\d{4,20}$/.test(code))
      fail(ctx, cm.get("code"), `${w}.code: expected the card's digits`, 'quote it: code: "1234567890123"')
    else if (a !== null) paymentCards.push({ code, amount: a })
  })
  const steps: Step[] = []
  const sc: StepCtx = { last: null }
  seqItems(ctx, top.get("steps"), "steps", "steps is a list: - advance: 1d").forEach((it, i) => {
    const s = step(ctx, sc, it, i)
    if (s !== null) steps.push(s)
  })
  if (ctx.errors.length > 0 || name === null)
    return { ok: false, errors: ctx.errors.sort((a, b) => a.line - b.line || a.col - b.col) }
  return {
    ok: true,
    scenario: {
      file,
      name,
      rules,
      start,
      startAt,
      seed,
      ...(secret !== undefined ? { secret } : {}),
      subscribers,
      paymentCards,
      steps,
    },
  }
}

export const loadScenarioFile = async (file: string, opts: LoadOptions = {}): Promise<LoadResult> => {
  let src: string
  try {
    src = await readFile(file, "utf8")
  } catch (e) {
    return {
      ok: false,
      errors: [
        new ScenarioError(
          file,
          1,
          1,
          `cannot read the file: ${e instanceof Error ? e.message : String(e)}`,
          "check the path",
        ),
      ],
    }
  }
  return loadScenarioText(file, src, opts)
}
