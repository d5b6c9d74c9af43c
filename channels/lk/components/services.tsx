// «Услуги»: connected and available services with their prices, and a service's own card.
import type { AccountView, ServiceView } from "../../../core/engine/views.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { servicePriceRu } from "../../text/price.ts"
import { formatRub } from "../../text/money.ts"
import { ActionButton, hrefT, type PageCtx } from "./layout.tsx"

export const priceRu = (s: ServiceView): string => servicePriceRu(s, formatRub)

/** A one-off package's amount in words: «30 ГБ», «100 мин», «50 SMS». */
const amountRu = (kind: "minutes" | "sms" | "data", amount: number): string =>
  kind === "data"
    ? amount % 1024 === 0
      ? `${amount / 1024} ГБ`
      : `${amount} МБ`
    : kind === "minutes"
      ? `${amount} мин`
      : `${amount} SMS`

const initials = (name: string): string =>
  name
    .replace(/[«»"'()]/g, "")
    .split(/[\s-]+/)
    .filter((w) => w !== "")
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("")

export const ServiceTiles = (props: { p: PageCtx; services: readonly ServiceView[] }) => (
  <ul class="tiles">
    {props.services.map((s) => (
      <li>
        <a
          class={s.connected ? "tile on" : "tile"}
          href={hrefT(props.p, `/lk/services/${encodeURIComponent(s.id)}`)}
          data-service={s.id}
        >
          <span class="icon" aria-hidden="true">
            {initials(s.name)}
          </span>
          <span class="name">{s.name}</span>
          <span class="state">{s.connected ? "подключена" : priceRu(s)}</span>
        </a>
      </li>
    ))}
  </ul>
)

export const Services = (props: { p: PageCtx; v: AccountView; twin: TwinCore }) => (
  <>
    <section class="card" aria-labelledby="on">
      <h2 id="on">Подключенные</h2>
      <ServiceTiles p={props.p} services={props.v.services.filter((s) => s.connected)} />
    </section>
    <section class="card" aria-labelledby="av">
      <h2 id="av">Доступные для подключения</h2>
      <ServiceTiles p={props.p} services={props.v.services.filter((s) => !s.connected && s.available)} />
    </section>
    <section class="card" aria-labelledby="pkgs">
      <h2 id="pkgs">Пакеты</h2>
      <ul class="grid">
        {props.twin.cat.data.oneOffPackages.map((o) => (
          <li class="offer">
            <strong>{o.name}</strong>
            <span class="muted">
              {amountRu(o.kind, o.amount)}, {o.validDays} дней
            </span>
            <span class="price">{formatRub(o.price)}</span>
            <div class="actions">
              <ActionButton
                p={props.p}
                action="/lk/packages/buy"
                label={`Купить ${o.name}`}
                text="Купить"
                fields={{ offer: o.id }}
              />
            </div>
          </li>
        ))}
      </ul>
    </section>
  </>
)

/** The card a tile opens: what the service is, what it costs, connect or disconnect. */
export const ServiceCard = (props: { p: PageCtx; s: ServiceView }) => {
  const s = props.s
  return (
    <section class="card sheet" aria-labelledby="sv-name" data-service={s.id}>
      <h2 id="sv-name">
        {s.name} {s.connected ? <span class="badge ok">подключена</span> : null}
      </h2>
      <p>{s.description}</p>
      <p class="price">{priceRu(s)}</p>
      {s.connectFee > 0 && !s.connected ? <p class="muted">Подключение {formatRub(s.connectFee)}</p> : null}
      <div class="actions">
        {s.connected ? (
          s.removable ? (
            <ActionButton
              p={props.p}
              action="/lk/services/disconnect"
              label={`Отключить ${s.name}`}
              text="Отключить"
              fields={{ service: s.id }}
              kind="secondary"
            />
          ) : (
            <span class="muted">Входит в тариф, отключить нельзя</span>
          )
        ) : s.available ? (
          <ActionButton
            p={props.p}
            action="/lk/services/connect"
            label={`Подключить ${s.name}`}
            text="Подключить"
            fields={{ service: s.id }}
          />
        ) : (
          <span class="muted">Недоступна на вашем тарифе</span>
        )}
        <a class="button secondary" href={hrefT(props.p, "/lk/services")}>
          Все услуги
        </a>
      </div>
    </section>
  )
}
