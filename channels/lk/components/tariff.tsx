// «Тариф»: the offers a subscriber may move to, and the confirmation that states what is charged now (R6).
import type { AccountView, TariffChangeView, TariffOffer } from "../../../core/engine/views.ts"
import { dateRu } from "../../text/dates.ts"
import { formatRub } from "../../text/money.ts"
import { ActionButton, Form, href, hrefT, type PageCtx } from "./layout.tsx"

export const Tariffs = (props: {
  p: PageCtx
  v: AccountView
  offers: readonly TariffOffer[]
  familyOwner: boolean
}) => (
  <>
    <section class="card" aria-labelledby="cur">
      <h2 id="cur">Ваш тариф «{props.v.tariff.name}»</h2>
      <p class="muted">{props.v.tariff.description}</p>
      <p>
        Абонентская плата <strong>{formatRub(props.v.tariff.monthlyFee)}</strong> в месяц · следующее списание{" "}
        {dateRu(props.v.renewAt)}
      </p>
      {props.familyOwner && props.p.target === props.p.me ? (
        <p>
          <a href={href(props.p, "/lk/family")}>Поделиться пакетами</a>
        </p>
      ) : null}
    </section>
    <section class="card" aria-labelledby="others">
      <h2 id="others">Другие тарифы</h2>
      <ul class="grid">
        {props.offers
          .filter((t) => t.selectable && !t.current)
          .map((t) => (
            <li class="offer" data-tariff={t.tariff}>
              <strong>«{t.name}»</strong>
              {t.popular ? (
                <span>
                  <span class="badge">популярный</span>
                </span>
              ) : null}
              <span class="muted">{t.description}</span>
              <span class="price">{formatRub(t.monthlyFee)} в месяц</span>
              {t.changeFee > 0 ? <span class="muted">Стоимость перехода {formatRub(t.changeFee)}</span> : null}
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/tariff"
                  label={`Перейти на ${t.name}`}
                  text="Перейти"
                  fields={{ tariff: t.tariff }}
                />
              </div>
            </li>
          ))}
      </ul>
    </section>
  </>
)

/** R6: the confirmation states everything charged at once: the change fee and the first month. */
export const ConfirmTariff = (props: { p: PageCtx; change: TariffChangeView }) => {
  const q = props.change.quote
  return (
    <section class="card sheet" aria-labelledby="conf" data-hold="1">
      <h2 id="conf">Переход на тариф «{q.name}»</h2>
      <p class="muted">{q.description}</p>
      <table class="quote">
        <tbody>
          <tr>
            <td>Стоимость перехода</td>
            <td class="num">{formatRub(q.changeFee)}</td>
          </tr>
          <tr>
            <td>Абонентская плата за первый месяц</td>
            <td class="num">{formatRub(q.monthlyFee)}</td>
          </tr>
          <tr class="total">
            <td>Будет списано сейчас</td>
            <td class="num" id="tariff-total">
              {formatRub(q.total)}
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        Дальше абонентская плата {formatRub(q.monthlyFee)} в месяц. Баланс после перехода{" "}
        {formatRub(props.change.balanceAfter)}.
      </p>
      <Form p={props.p} action="/lk/tariff" label="Подтверждение смены тарифа">
        <input type="hidden" name="tariff" value={q.tariff} />
        <input type="hidden" name="confirmed" value="1" />
        <div class="actions">
          <button type="submit">Подтвердить переход</button>{" "}
          <a class="button secondary" href={hrefT(props.p, "/lk/tariff")}>
            Отмена
          </a>
        </div>
      </Form>
    </section>
  )
}
