// The «Роуминг» and «Поддержка» tabs of «Мой МТС»: read-only views of the account and catalog.
import { Result } from "effect"
import { accountView } from "../../core/engine/views.ts"
import { rub, STATUS_RU } from "../lk/format.ts"
import type { Actor, Res } from "../lk/selfcare.ts"

export const roaming = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) => {
    const zab = v.services.find((s) => s.id === "zabugorishche")
    const r = a.twin.cat.data.roaming
    const where = v.location.kind === "abroad" ? `Вы за границей: ${v.location.countryName ?? v.location.country ?? ""}` : v.location.kind === "russia" ? "Вы в поездке по России" : "Вы в домашнем регионе"
    const country = v.location.country === null ? undefined : a.twin.cat.countries.get(v.location.country)
    const lines = [
      "Роуминг", where,
      `«Забугорище»: ${zab?.connected === true ? "подключено" : "не подключено"}`,
      `Плата за сутки с использованием связи за границей: ${rub(r.zabugorishchePopular)} в популярных странах, ${rub(r.zabugorishcheOther)} в остальных`,
    ]
    if (country !== undefined) lines.push(`${country.name}: ${country.popular ? "популярная страна" : "другие страны"}`)
    return Result.succeed({ text: lines.join("\n"), data: { msisdn: v.msisdn, location: v.location, zabugorishche: zab ?? null, prices: r } })
  })

export const support = (a: Actor, target: string): Res =>
  Result.flatMap(accountView(a.twin, target, a.me), (v) => Result.succeed({
    text: [
      "Поддержка", `Статус: ${STATUS_RU[v.status]}`,
      v.status === "blocked-voluntary" ? "Разблокировать номер" : "Заблокировать номер",
      "Горячая линия: 0890 (бесплатно с мобильного МТС)", "Мобильный помощник: 111", "МТС Сервис: *111#",
    ].join("\n"),
    data: { msisdn: v.msisdn, status: v.status, hotline: "0890", assistant: "111", ussd: "*111#" },
  }))
