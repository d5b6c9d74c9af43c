// Checking an `expect` step against what the twin reports: the account view, the ledger, the
// inbox and events (control API), and the last channel answers. Each miss is expected vs actual.
import type { ChannelReply } from "../channels/driver.ts"
import { formatRub } from "../core/domain/money.ts"
import type { AccountView, ChargeRecord } from "../core/engine/views.ts"
import type { ControlClient, EventRow } from "./client.ts"
import type { Bound, ChargesExpect, Channel, Expect, TextMatch } from "./model.ts"

export interface Failure {
  readonly what: string
  readonly expected: string
  readonly actual: string
}

export interface LastAction {
  readonly kind: string
  readonly ok: boolean
  readonly code: string | null
  readonly message: string
}
export interface ReplyRecord {
  readonly msisdn: string
  readonly channel: Channel
  readonly reply: ChannelReply
}

export interface ExpectInput {
  readonly client: ControlClient
  readonly replies: readonly ReplyRecord[]
  readonly lastAction: LastAction | null
}

const showBound = (b: Bound, show: (n: number) => string): string =>
  "eq" in b
    ? show(b.eq)
    : [b.min !== undefined ? `≥ ${show(b.min)}` : "", b.max !== undefined ? `≤ ${show(b.max)}` : ""]
        .filter((x) => x !== "")
        .join(" и ")

const inBound = (b: Bound, v: number): boolean =>
  "eq" in b ? v === b.eq : (b.min === undefined || v >= b.min) && (b.max === undefined || v <= b.max)

const rub = (k: number): string => formatRub(k).replace(/\u00a0/g, " ")
const plain = (n: number): string => String(n)

const checkBound = (
  out: Failure[],
  what: string,
  b: Bound | undefined,
  v: number,
  show: (n: number) => string = plain,
): void => {
  if (b !== undefined && !inBound(b, v)) out.push({ what, expected: showBound(b, show), actual: show(v) })
}

/** Text as compared: no-break and thin spaces (Russian money "1 500,00") read as plain spaces, case-insensitive. */
export const norm = (s: string): string => s.replace(/[\u00a0\u202f\u2009]/g, " ").toLowerCase()

const checkText = (out: Failure[], what: string, m: TextMatch | undefined, r: ReplyRecord | undefined): void => {
  if (m === undefined) return
  if (r === undefined) {
    out.push({ what, expected: "a channel answer", actual: "no channel step before this one" })
    return
  }
  const text = r.reply.text
  const shown = JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)
  for (const c of m.contains)
    if (!norm(text).includes(norm(c)))
      out.push({ what: `${what} (${r.channel})`, expected: `contains ${JSON.stringify(c)}`, actual: shown })
  for (const c of m.lacks)
    if (norm(text).includes(norm(c)))
      out.push({ what: `${what} (${r.channel})`, expected: `does not contain ${JSON.stringify(c)}`, actual: shown })
  if (m.matches !== undefined && !m.matches.test(text.replace(/[\u00a0\u202f\u2009]/g, " ")))
    out.push({ what: `${what} (${r.channel})`, expected: `matches /${m.matches.source}/`, actual: shown })
}

/** Ledger entries a `charges` check is about: by service (ref or fee-<id>), by reason, both. */
export const selectCharges = (ledger: readonly ChargeRecord[], c: ChargesExpect): ChargeRecord[] =>
  ledger.filter((e) => {
    if (c.reason !== undefined && e.reason !== c.reason) return false
    if (c.service !== undefined && !(e.ref === c.service || e.reason === `fee-${c.service}`)) return false
    // Without a reason, only money taken (charges), not credits, count.
    return c.reason !== undefined || e.amount < 0
  })

const lastOf = (
  replies: readonly ReplyRecord[],
  msisdn: string | undefined,
  pick: (c: Channel) => boolean,
): ReplyRecord | undefined => {
  for (let i = replies.length - 1; i >= 0; i--) {
    const r = replies[i]
    if (r !== undefined && pick(r.channel) && (msisdn === undefined || r.msisdn === msisdn)) return r
  }
  return undefined
}

export const checkExpect = async (e: Expect, input: ExpectInput): Promise<Failure[]> => {
  const out: Failure[] = []
  const { client } = input
  const who = e.msisdn

  // The preceding action's outcome.
  const a = input.lastAction
  if (e.error !== undefined) {
    if (a === null) out.push({ what: "error", expected: e.error, actual: "no action step before this one" })
    else if (a.ok) out.push({ what: `error (${a.kind})`, expected: `refused with ${e.error}`, actual: "accepted" })
    else if (e.error !== "any" && a.code !== e.error)
      out.push({ what: `error (${a.kind})`, expected: e.error, actual: `${a.code ?? "no code"}: ${a.message}` })
  }
  if (e.ok !== undefined && a !== null && a.ok !== e.ok)
    out.push({
      what: `ok (${a.kind})`,
      expected: String(e.ok),
      actual: a.ok ? "accepted" : `refused ${a.code ?? ""}: ${a.message}`,
    })

  // Channel answers.
  const pinned = who !== undefined && input.replies.some((r) => r.msisdn === who) ? who : undefined
  checkText(
    out,
    "screen",
    e.screen,
    lastOf(input.replies, pinned, (c) => c !== "ivr"),
  )
  checkText(
    out,
    "prompt",
    e.prompt,
    lastOf(input.replies, pinned, (c) => c === "ivr"),
  )
  checkText(
    out,
    "reply",
    e.reply,
    lastOf(input.replies, pinned, () => true),
  )
  if (e.end !== undefined) {
    const r = lastOf(input.replies, pinned, () => true)
    if (r === undefined) out.push({ what: "end", expected: String(e.end), actual: "no channel step before this one" })
    else if (r.reply.end !== e.end)
      out.push({
        what: `end (${r.channel})`,
        expected: e.end ? "session ended" : "session continues",
        actual: r.reply.end ? "session ended" : "session continues",
      })
  }

  if (who === undefined) return out
  const needsAccount = [
    e.balance,
    e.tariff,
    e.status,
    e.services,
    e.packages,
    e.linked,
    e.family,
    e.promised,
    e.bonus,
    e.lkLocked,
    e.kioskLocked,
    e.autopay,
    e.location,
  ].some((x) => x !== undefined)
  const acc: AccountView | null = needsAccount ? await client.account(who) : null
  if (acc !== null) {
    checkBound(out, "balance", e.balance, acc.balance, rub)
    checkBound(out, "bonus", e.bonus, acc.bonus)
    if (e.tariff !== undefined && acc.tariff.id !== e.tariff)
      out.push({ what: "tariff", expected: e.tariff, actual: `${acc.tariff.id} («${acc.tariff.name}»)` })
    if (e.status !== undefined && acc.status !== e.status)
      out.push({ what: "status", expected: e.status, actual: acc.status })
    if (e.location !== undefined) {
      const loc = acc.location.kind === "abroad" ? (acc.location.country ?? "abroad") : acc.location.kind
      if (loc !== e.location) out.push({ what: "location", expected: e.location, actual: loc })
    }
    if (e.services !== undefined) {
      const on = acc.services.filter((s) => s.connected).map((s) => s.id)
      for (const s of e.services.has)
        if (!on.includes(s))
          out.push({ what: "services.has", expected: s, actual: `connected: ${on.join(", ") || "none"}` })
      for (const s of e.services.lacks)
        if (on.includes(s))
          out.push({ what: "services.lacks", expected: `${s} not connected`, actual: `connected: ${on.join(", ")}` })
    }
    if (e.linked !== undefined) {
      for (const s of e.linked.has)
        if (!acc.linked.includes(s))
          out.push({ what: "linked.has", expected: s, actual: `linked: ${acc.linked.join(", ") || "none"}` })
      for (const s of e.linked.lacks)
        if (acc.linked.includes(s))
          out.push({ what: "linked.lacks", expected: `${s} not linked`, actual: `linked: ${acc.linked.join(", ")}` })
    }
    for (const p of e.packages ?? []) {
      const kinds: Record<string, string> = { minutes: "minutes", sms: "sms", data: "data" }
      const sel = acc.packages.filter((x) =>
        kinds[p.key] !== undefined ? x.kind === kinds[p.key] : x.offer === p.key || x.id === p.key,
      )
      const left = sel.reduce((s, x) => s + x.left, 0)
      const unit = sel[0]?.unit ?? (p.key === "data" ? "МБ" : "")
      checkBound(out, `packages.${p.key} left`, p.left, left, (n) => `${n} ${unit}`.trim())
    }
    if (e.family !== undefined) {
      const f = acc.family
      const role = f === null ? "none" : f.role
      if (e.family.role !== undefined && role !== e.family.role)
        out.push({ what: "family.role", expected: e.family.role, actual: role })
      const members = f !== null && f.role === "owner" ? f.members : []
      checkBound(out, "family.members", e.family.members, members.length)
      checkBound(out, "family.active", e.family.active, members.filter((m) => m.status === "active").length)
    }
    if (e.promised !== undefined && (acc.promised !== null) !== e.promised)
      out.push({
        what: "promised",
        expected: e.promised ? "an open promised payment" : "no promised payment",
        actual:
          acc.promised === null
            ? "none"
            : `${rub(acc.promised.amount)} until ${new Date(acc.promised.dueAt).toISOString()}`,
      })
    if (e.lkLocked !== undefined && acc.lkLocked !== e.lkLocked)
      out.push({ what: "lkLocked", expected: String(e.lkLocked), actual: String(acc.lkLocked) })
    if (e.kioskLocked !== undefined && acc.kiosk.lockedUntil > 0 !== e.kioskLocked)
      out.push({ what: "kioskLocked", expected: String(e.kioskLocked), actual: String(acc.kiosk.lockedUntil > 0) })
    if (e.autopay !== undefined) {
      const mode = acc.autopay === null ? "none" : acc.autopay.mode
      if (mode !== e.autopay) out.push({ what: "autopay", expected: e.autopay, actual: mode })
    }
  }
  if (e.charges !== undefined) {
    const ledger = await client.ledger(who)
    for (const c of e.charges) {
      const label = `charges[${[c.service, c.reason].filter((x) => x !== undefined).join(", ") || "all"}]`
      const sel = selectCharges(ledger, c)
      checkBound(out, `${label}.count`, c.count, sel.length)
      checkBound(
        out,
        `${label}.total`,
        c.total,
        sel.reduce((s, x) => s + Math.abs(x.amount), 0),
        rub,
      )
      if (c.last !== undefined) {
        const l = sel[sel.length - 1]
        if (l === undefined) out.push({ what: `${label}.last`, expected: rub(c.last), actual: "no such charge" })
        else if (Math.abs(l.amount) !== c.last)
          out.push({ what: `${label}.last`, expected: rub(c.last), actual: rub(Math.abs(l.amount)) })
      }
    }
  }
  if (e.inbox !== undefined) {
    const inbox = await client.inbox(who)
    for (const q of e.inbox) {
      const sel = inbox.filter(
        (m) =>
          (q.from === undefined || m.from === q.from) &&
          (q.contains === undefined || norm(m.text).includes(norm(q.contains))),
      )
      const label = `inbox[${
        [q.from !== undefined ? `from ${q.from}` : "", q.contains !== undefined ? `«${q.contains}»` : ""]
          .filter((x) => x !== "")
          .join(", ") || "all"
      }]`
      const lastTexts =
        inbox
          .slice(-3)
          .map((m) => `${m.from}: ${m.text}`)
          .join(" | ") || "empty inbox"
      if (q.count !== undefined) {
        if (!inBound(q.count, sel.length))
          out.push({
            what: `${label}.count`,
            expected: showBound(q.count, plain),
            actual: `${sel.length} (last: ${lastTexts})`,
          })
      } else if (sel.length === 0) out.push({ what: label, expected: "at least one such SMS", actual: lastTexts })
    }
  }
  if (e.events !== undefined) {
    const all: EventRow[] = await client.events()
    for (const q of e.events) {
      const n = all.filter((x) => x.type === q.type && Object.values(x).includes(who)).length
      checkBound(out, `events[${q.type}].count`, q.count, n)
    }
  }
  return out
}
