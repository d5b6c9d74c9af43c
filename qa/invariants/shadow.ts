// An independent, deliberately small fold of the event log that the invariant checkers use as
// their own view of the world. It does not reuse core/state/apply.ts: a checker that trusted
// the fold it checks would prove nothing.
import type { CatalogIndex } from "../../core/catalog/load.ts"
import type { Event } from "../../core/domain/events.ts"
import { mskDay } from "../../core/domain/time.ts"

export interface ShadowSub {
  msisdn: string
  initial: number
  /** initial + Σ ledger entries (Money amounts, minus UsageRated costs). */
  ledgerBalance: number
  payment: "prepaid" | "credit"
  creditLimit: number
  voluntaryBlock: boolean
  location: string
  tariff: string
  services: Set<string>
  lkFailures: number
  lkLocked: boolean
  kioskFailures: number
  kioskLockedUntil: number
  /** Moscow days on which «Забугорище» was charged. */
  zabugorDays: Set<number>
  familyOwner: string | null
  /** Constructor tariff choice (minutes, GB), null on other tariffs. */
  choice: { minutes: number; dataGb: number } | null
  /** Numbers this login has linked (R20). */
  linked: Set<string>
}

export class Shadow {
  readonly subs = new Map<string, ShadowSub>()
  seq = 0
  constructor(readonly cat: CatalogIndex) {}

  get(msisdn: string): ShadowSub | undefined {
    return this.subs.get(msisdn)
  }

  /** Is the number barred from outgoing usage (voluntary block, or balance below the allowed limit)? */
  static blocked(s: ShadowSub): "voluntary" | "financial" | null {
    if (s.voluntaryBlock) return "voluntary"
    const floor = s.payment === "prepaid" ? 0 : -s.creditLimit
    return s.ledgerBalance < floor ? "financial" : null
  }

  clone(): Shadow {
    const c = new Shadow(this.cat)
    c.seq = this.seq
    for (const [k, v] of this.subs)
      c.subs.set(k, {
        ...v,
        services: new Set(v.services),
        zabugorDays: new Set(v.zabugorDays),
        linked: new Set(v.linked),
      })
    return c
  }

  observe(e: Event): void {
    this.seq = e.seq
    switch (e.type) {
      case "SubscriberCreated":
        this.subs.set(e.msisdn, {
          msisdn: e.msisdn,
          initial: e.balance,
          ledgerBalance: e.balance,
          payment: e.payment,
          creditLimit: e.creditLimit,
          voluntaryBlock: false,
          location: "home",
          tariff: e.tariff,
          services: new Set(e.services),
          lkFailures: 0,
          lkLocked: false,
          kioskFailures: 0,
          kioskLockedUntil: 0,
          zabugorDays: new Set(),
          familyOwner: null,
          linked: new Set(),
          choice: e.constructorChoice,
        })
        return
      case "Money": {
        const s = this.subs.get(e.msisdn)
        if (s === undefined) return
        s.ledgerBalance += e.amount
        if (e.reason === "fee-zabugorishche") s.zabugorDays.add(mskDay(e.at))
        return
      }
      case "UsageRated": {
        const s = this.subs.get(e.msisdn)
        if (s !== undefined) s.ledgerBalance -= e.cost
        return
      }
      case "BlockSet":
        this.with(e.msisdn, (s) => {
          s.voluntaryBlock = e.blocked
        })
        return
      case "Travelled":
        this.with(e.msisdn, (s) => {
          s.location = e.to
        })
        return
      case "TariffChanged":
        this.with(e.msisdn, (s) => {
          s.tariff = e.to
          s.services = new Set(e.services)
          s.choice = e.constructorChoice
        })
        return
      case "ConstructorSet":
        this.with(e.msisdn, (s) => {
          s.choice = { minutes: e.minutes, dataGb: e.dataGb }
        })
        return
      case "ServiceConnected":
        this.with(e.msisdn, (s) => {
          s.services.add(e.service)
        })
        return
      case "ServiceDisconnected":
        this.with(e.msisdn, (s) => {
          s.services.delete(e.service)
        })
        return
      case "FamilyJoined":
        this.with(e.member, (s) => {
          s.tariff = this.cat.data.family.memberTariff
          s.familyOwner = e.owner
          s.choice = null
        })
        return
      case "FamilyRemoved":
        this.with(e.member, (s) => {
          s.tariff = e.restoredTariff
          s.familyOwner = null
        })
        return
      case "OtpIssued":
        this.with(e.msisdn, (s) => {
          s.lkLocked = false
          s.lkFailures = 0
        })
        return
      case "LoginFailed":
        this.with(e.msisdn, (s) => {
          s.lkFailures = e.failures
          s.lkLocked = e.locked
        })
        return
      case "LoginSucceeded":
        this.with(e.msisdn, (s) => {
          s.lkFailures = 0
        })
        return
      case "LinkConfirmed":
        this.with(e.msisdn, (s) => {
          s.linked.add(e.target)
        })
        return
      case "Unlinked":
        this.with(e.msisdn, (s) => {
          s.linked.delete(e.target)
        })
        return
      case "KioskLogin":
        this.with(e.msisdn, (s) => {
          s.kioskFailures = e.failures
          s.kioskLockedUntil = e.lockedUntil
        })
        return
      default:
        return
    }
  }

  private with(msisdn: string, f: (s: ShadowSub) => void): void {
    const s = this.subs.get(msisdn)
    if (s !== undefined) f(s)
  }
}
