// The fold: apply(state, event) mutates state in place. It decides nothing: every choice was
// made by a rule when the event was created, so replaying the log rebuilds the same state (I7).
import type { CatalogIndex } from "../catalog/load.ts"
import type { Event, LedgerReason } from "../domain/events.ts"
import { DAY, mskDay, mskParts } from "../domain/time.ts"
import type { Pkg } from "../domain/account.ts"
import { newAuth, type State, type Subscriber } from "./model.ts"

/** Ledger reasons that count as spending (for bonus points R13 and the average spend of R10). */
export const SPEND_REASONS: ReadonlySet<LedgerReason> = new Set<LedgerReason>([
  "usage-call",
  "usage-sms",
  "usage-data",
  "fee-monthly",
  "fee-daily",
  "fee-zabugorishche",
  "fee-family-member",
  "fee-service-connect",
  "fee-tariff-change",
  "fee-promised-payment",
  "fee-transfer",
  "package-purchase",
])

// Memo of the last Moscow day's month key: `spend` runs on every charged usage event, and
// mskParts allocates a Date (performance only; same result for every t).
let memoDay = Number.NaN
let memoMonth = 0
const monthKey = (t: number): number => {
  const day = mskDay(t)
  if (day === memoDay) return memoMonth
  const p = mskParts(t)
  memoDay = day
  memoMonth = p.year * 12 + (p.month - 1)
  return memoMonth
}

/**
 * A broken invariant met while folding (TigerBeetle-style assertion): the event cannot follow the
 * state, so the fold stops here instead of spreading the damage into every later event.
 */
export class FoldError extends Error {
  override readonly name = "FoldError"
  constructor(
    readonly seq: number,
    readonly type: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`apply: seq ${seq} ${type}.${field} ${reason} (corrupt log or a rule's bug)`)
  }
}

/** The subscriber an event names in field `field` (msisdn, owner, member); it must exist. */
const sub = (state: State, e: Event, msisdn: string, field = "msisdn"): Subscriber => {
  const s = state.subscribers.get(msisdn)
  if (s === undefined) throw new FoldError(e.seq, e.type, field, `names ${msisdn}, who is not a subscriber`)
  return s
}

/** Record spending: bonus points (1 per catalog.bonus.kopecksPerPoint) and the monthly spend. */
const spend = (s: Subscriber, amount: number, at: number, cat: CatalogIndex): void => {
  if (amount <= 0) return
  const mk = monthKey(at)
  if (mk !== s.spendMonth) {
    const gap = Math.min(3, mk - s.spendMonth)
    if (gap > 0) {
      s.spendHistory.push(s.spendCurrent)
      for (let i = 1; i < gap; i++) s.spendHistory.push(0)
      while (s.spendHistory.length > 3) s.spendHistory.shift()
    }
    s.spendCurrent = 0
    s.spendMonth = mk
  }
  s.spendCurrent += amount
  const kpp = cat.data.bonus.kopecksPerPoint
  if (kpp > 0) {
    s.bonusCarry += amount
    const pts = Math.floor(s.bonusCarry / kpp)
    if (pts > 0) {
      s.bonus += pts
      s.bonusCarry -= pts * kpp
    }
  }
}

/** Why a package draw cannot be folded (built only when it fails). */
const drawError = (e: Event, d: readonly [string, number], p: Pkg | undefined): FoldError =>
  new FoldError(
    e.seq,
    e.type,
    "draws",
    p === undefined
      ? `takes ${d[1]} from package ${d[0]}, which the subscriber does not have`
      : `takes ${d[1]} from package ${d[0]}, leaving ${p.left} (I5: a package never goes below zero)`,
  )

const findPkg = (s: Subscriber, id: string): Pkg | undefined => {
  const pk = s.packages
  for (let i = 0; i < pk.length; i++) if ((pk[i] as Pkg).id === id) return pk[i]
  return undefined
}

const clonePkgs = (ps: readonly Pkg[]): Pkg[] => ps.map((p) => ({ ...p }))

/** Replace the subscriber's packages of the given sources with `next`, keeping the others in order. */
const replacePkgs = (s: Subscriber, sources: ReadonlyArray<Pkg["source"]>, next: readonly Pkg[]): void => {
  s.packages = [...clonePkgs(next), ...s.packages.filter((p) => !sources.includes(p.source))]
}

export const apply = (state: State, e: Event, cat: CatalogIndex): void => {
  // Events follow one another without a gap or a repeat: each is the state's next.
  if (e.seq !== state.seq + 1) throw new FoldError(e.seq, e.type, "seq", `does not follow seq ${state.seq}`)
  state.seq = e.seq
  if (e.at > state.now) state.now = e.at
  switch (e.type) {
    case "SubscriberCreated": {
      if (e.rng !== undefined) state.rng = e.rng
      const s: Subscriber = {
        msisdn: e.msisdn,
        name: e.name,
        passport: e.passport,
        birthDate: e.birthDate,
        region: e.region,
        tariff: e.tariff,
        payment: e.payment,
        creditLimit: e.creditLimit,
        initialBalance: e.balance,
        balance: e.balance,
        bonus: e.bonus,
        bonusCarry: 0,
        spendMonth: monthKey(e.at),
        spendCurrent: 0,
        spendHistory: [e.avgMonthlySpend, e.avgMonthlySpend, e.avgMonthlySpend],
        services: [...e.services],
        packages: clonePkgs(e.packages),
        constructorChoice: e.constructorChoice,
        voluntaryBlock: false,
        location: "home",
        mobileData: false,
        renewAt: e.renewAt,
        renewDay: mskParts(e.at).day,
        renewalSkipped: false,
        zabugorDay: -1,
        family: null,
        linked: [],
        linkRequests: [],
        notifyCharges: false,
        notifyLogins: true,
        promised: null,
        autopay: null,
        auth: newAuth(),
        createdAt: e.at,
      }
      state.subscribers.set(e.msisdn, s)
      return
    }
    case "UsageRated": {
      const s = sub(state, e, e.msisdn)
      const draws = e.draws
      for (let i = 0; i < draws.length; i++) {
        const d = draws[i] as [string, number]
        const p = findPkg(s, d[0])
        if (p !== undefined) p.left -= d[1]
        // I5: a draw never takes more than its package has.
        if (p === undefined || p.left < 0) throw drawError(e, d, p)
      }
      if (e.cost !== 0) {
        s.balance -= e.cost
        spend(s, e.cost, e.at, cat)
      }
      return
    }
    case "Money": {
      const s = sub(state, e, e.msisdn)
      s.balance += e.amount
      if (e.amount < 0 && SPEND_REASONS.has(e.reason)) spend(s, -e.amount, e.at, cat)
      if (e.reason === "fee-zabugorishche") s.zabugorDay = mskDay(e.at)
      return
    }
    case "Travelled":
      sub(state, e, e.msisdn).location = e.to
      return
    case "NetworkSet":
      sub(state, e, e.msisdn).mobileData = e.mobileData
      return
    case "PeriodRenewed": {
      const s = sub(state, e, e.msisdn)
      s.renewAt = e.renewAt
      if (e.renewDay !== undefined) s.renewDay = e.renewDay
      s.renewalSkipped = !e.charged
      if (e.charged) replacePkgs(s, ["tariff", "share"], e.packages)
      return
    }
    case "TariffChanged": {
      const s = sub(state, e, e.msisdn)
      s.tariff = e.to
      s.renewAt = e.renewAt
      s.renewDay = mskParts(e.at).day
      s.renewalSkipped = false
      s.services = [...e.services]
      s.constructorChoice = e.constructorChoice
      replacePkgs(s, ["tariff", "share"], e.packages)
      return
    }
    case "ConstructorSet": {
      const s = sub(state, e, e.msisdn)
      s.constructorChoice = { minutes: e.minutes, dataGb: e.dataGb }
      replacePkgs(s, ["tariff"], e.packages)
      return
    }
    case "ServiceConnected": {
      const s = sub(state, e, e.msisdn)
      if (!s.services.includes(e.service)) s.services = [...s.services, e.service].sort()
      return
    }
    case "ServiceDisconnected": {
      const s = sub(state, e, e.msisdn)
      s.services = s.services.filter((x) => x !== e.service)
      return
    }
    case "PackageAdded":
      sub(state, e, e.msisdn).packages.push({ ...e.pkg })
      return
    case "PackageExpired": {
      const s = sub(state, e, e.msisdn)
      s.packages = s.packages.filter((p) => p.id !== e.pkgId)
      return
    }
    case "BlockSet":
      sub(state, e, e.msisdn).voluntaryBlock = e.blocked
      return
    case "PromisedOpened":
      sub(state, e, e.msisdn).promised = { amount: e.amount, fee: e.fee, openedAt: e.at, dueAt: e.dueAt }
      return
    case "PromisedClosed":
      sub(state, e, e.msisdn).promised = null
      return
    case "AutopaySet":
      sub(state, e, e.msisdn).autopay = e.autopay === null ? null : { ...e.autopay }
      return
    case "NotificationsSet": {
      const s = sub(state, e, e.msisdn)
      s.notifyCharges = e.charges
      s.notifyLogins = e.logins
      return
    }
    case "BonusSpent":
      sub(state, e, e.msisdn).bonus -= e.points
      return
    case "FamilyInvited": {
      const o = sub(state, e, e.owner, "owner")
      const m = sub(state, e, e.member, "member")
      if (o.family === null || o.family.role !== "owner") o.family = { role: "owner", members: [] }
      o.family.members.push({
        msisdn: e.member,
        shares: { ...e.shares },
        status: "invited",
        since: e.at,
        expiresAt: e.expiresAt,
      })
      m.family = { role: "invited", owner: e.owner, expiresAt: e.expiresAt }
      return
    }
    case "FamilyJoined": {
      const o = sub(state, e, e.owner, "owner")
      const m = sub(state, e, e.member, "member")
      if (o.family?.role === "owner") {
        for (const x of o.family.members)
          if (x.msisdn === e.member) {
            x.status = "active"
            x.since = e.at
          }
      }
      m.family = { role: "member", owner: e.owner, prevTariff: e.prevTariff }
      m.tariff = cat.data.family.memberTariff
      m.renewAt = o.renewAt
      m.renewDay = o.renewDay
      replacePkgs(o, ["tariff"], e.ownerPackages)
      replacePkgs(m, ["tariff", "share"], e.memberPackages)
      return
    }
    case "FamilyDeclined": {
      const o = sub(state, e, e.owner, "owner")
      const m = sub(state, e, e.member, "member")
      if (o.family?.role === "owner") {
        o.family.members = o.family.members.filter((x) => x.msisdn !== e.member)
        if (o.family.members.length === 0) o.family = null
      }
      if (m.family?.role === "invited") m.family = null
      return
    }
    case "FamilyRemoved": {
      const o = sub(state, e, e.owner, "owner")
      const m = sub(state, e, e.member, "member")
      if (o.family?.role === "owner") {
        o.family.members = o.family.members.filter((x) => x.msisdn !== e.member)
        if (o.family.members.length === 0) o.family = null
      }
      m.family = null
      m.tariff = e.restoredTariff
      replacePkgs(o, ["tariff"], e.ownerPackages)
      replacePkgs(m, ["tariff", "share"], e.memberPackages)
      return
    }
    case "LinkRequested": {
      state.rng = e.rng
      const s = sub(state, e, e.msisdn)
      s.linkRequests = [
        ...s.linkRequests.filter((r) => r.target !== e.target),
        { target: e.target, hash: e.hash, salt: e.salt, expiresAt: e.expiresAt },
      ]
      pushCodeRequest(s, e.at)
      return
    }
    case "LinkConfirmed": {
      const s = sub(state, e, e.msisdn)
      s.linkRequests = s.linkRequests.filter((r) => r.target !== e.target)
      if (!s.linked.includes(e.target)) s.linked = [...s.linked, e.target]
      return
    }
    case "LinkFailed": {
      const s = sub(state, e, e.msisdn)
      if (e.voided === true) {
        s.linkRequests = s.linkRequests.filter((r) => r.target !== e.target)
        const g = s.linkGuard ?? { voids: [], lockedUntil: 0 }
        s.linkGuard = {
          voids: [...g.voids.filter((t) => t > e.at - LINK_VOID_WINDOW_MS), e.at],
          lockedUntil: e.lockedUntil ?? g.lockedUntil,
        }
      } else if (e.failures !== undefined) {
        const r = s.linkRequests.find((x) => x.target === e.target)
        if (r !== undefined) r.failures = e.failures
      }
      return
    }
    case "Unlinked": {
      const s = sub(state, e, e.msisdn)
      s.linked = s.linked.filter((x) => x !== e.target)
      return
    }
    case "OtpIssued": {
      state.rng = e.rng
      const s = sub(state, e, e.msisdn)
      s.auth.otp = { hash: e.hash, salt: e.salt, expiresAt: e.expiresAt }
      // R24: a new SMS code lifts the LK lock and starts the count of wrong codes again.
      s.auth.lkLocked = false
      s.auth.lkFailures = 0
      pushCodeRequest(s, e.at)
      return
    }
    case "LoginSucceeded": {
      state.rng = e.rng
      const s = sub(state, e, e.msisdn)
      s.auth.lkFailures = 0
      state.sessions.set(e.tokenHash, {
        tokenHash: e.tokenHash,
        msisdn: e.msisdn,
        channel: e.channel,
        createdAt: e.at,
        lastSeen: e.at,
        method: e.method,
      })
      return
    }
    case "LoginFailed": {
      const s = sub(state, e, e.msisdn)
      s.auth.lkFailures = e.failures
      s.auth.lkLocked = e.locked
      return
    }
    case "PasswordSet": {
      state.rng = e.rng
      sub(state, e, e.msisdn).auth.password = { hash: e.hash, salt: e.salt }
      return
    }
    case "SessionTouched": {
      const x = state.sessions.get(e.tokenHash)
      if (x !== undefined) x.lastSeen = e.at
      return
    }
    case "SessionEnded": {
      const x = state.sessions.get(e.tokenHash)
      state.sessions.delete(e.tokenHash)
      if (e.reason === "idle" && x !== undefined) state.endedIdle.set(e.tokenHash, { at: e.at, channel: x.channel })
      return
    }
    case "KioskCodeIssued": {
      state.rng = e.rng
      const s = sub(state, e, e.msisdn)
      s.auth.kiosk = { hash: e.hash, salt: e.salt }
      pushCodeRequest(s, e.at)
      return
    }
    case "KioskLogin": {
      const s = sub(state, e, e.msisdn)
      s.auth.kioskFailures = e.failures
      s.auth.kioskLockedUntil = e.lockedUntil
      // R27: a successful kiosk login opens the terminal's core session.
      if (e.session !== undefined) {
        state.rng = e.session.rng
        state.sessions.set(e.session.tokenHash, {
          tokenHash: e.session.tokenHash,
          msisdn: e.msisdn,
          channel: "kiosk",
          createdAt: e.at,
          lastSeen: e.at,
          method: "kiosk-code",
        })
      }
      return
    }
    // The handset inbox is a view over these events in the log (core/engine/views.ts inboxOf):
    // message history is not kept in memory, so a subscriber's state stays the same size.
    case "SmsDelivered":
      return
    case "UsageCut":
      return
    case "PaymentCardIssued":
      state.paymentCards.set(e.hash, { hash: e.hash, amount: e.amount, usedBy: null })
      return
    case "PaymentCardUsed": {
      const c = state.paymentCards.get(e.hash)
      if (c !== undefined) c.usedBy = e.msisdn
      return
    }
    case "ClockSet":
      state.now = e.to
      state.nextDaily = e.nextDaily
      if (state.endedIdle.size > 0)
        for (const [h, x] of state.endedIdle) if (x.at <= e.to - DAY) state.endedIdle.delete(h)
      return
  }
}

const HOUR_MS = 3_600_000
/** Voids older than this no longer count towards the linking refusal (core/rules/linked.ts). */
const LINK_VOID_WINDOW_MS = 24 * HOUR_MS
const pushCodeRequest = (s: Subscriber, at: number): void => {
  const keep = s.auth.codeRequests.filter((t) => t > at - HOUR_MS)
  keep.push(at)
  s.auth.codeRequests = keep
}
