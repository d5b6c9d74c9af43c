// «Поделиться пакетами» (R2): the group's members and what each one shares, and the invitation form.
import type { AccountView } from "../../../core/engine/views.ts"
import { msisdnRu } from "../../text/phone.ts"
import { gbRu } from "../../text/amounts.ts"
import { ActionButton, Drop, Field, Form, type PageCtx } from "./layout.tsx"

export const Family = (props: { p: PageCtx; v: AccountView; invite: boolean }) => {
  const f = props.v.family
  return (
    <section class="card" aria-labelledby="fam">
      <h2 id="fam">Участники</h2>
      {f !== null && f.role === "owner" ? (
        <ul class="grid">
          {f.members.map((m) => (
            <li class="offer">
              <strong>{msisdnRu(m.msisdn)}</strong>
              <span class="muted">{m.status === "active" ? "делится" : "приглашен, ждем ответа «Да»"}</span>
              <span>
                {m.minutes} мин, {m.sms} SMS, {gbRu(m.dataMb)} Гб
              </span>
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/family/remove"
                  label={`Исключить ${m.msisdn}`}
                  text="Исключить"
                  fields={{ member: m.msisdn }}
                  kind="secondary"
                />
              </div>
            </li>
          ))}
        </ul>
      ) : f !== null ? (
        <p>Вы участник группы владельца {msisdnRu(f.owner)}</p>
      ) : (
        <p class="muted">Участников пока нет</p>
      )}
      <div class="actions">
        <Drop id="invite" summary="Пригласить участника" open={props.invite}>
          <Form p={props.p} action="/lk/family/invite" label="Пригласить участника">
            <Field id="member" label="Номер участника" name="member" inputmode="tel" required />
            <Field id="minutes" label="Минуты" name="minutes" value="100" inputmode="numeric" required />
            <Field id="gb" label="Интернет, Гб" name="gb" value="5" inputmode="numeric" required />
            <Field id="sms" label="SMS" name="sms" value="50" inputmode="numeric" required />
            <button type="submit">Начать делиться</button>
          </Form>
        </Drop>
      </div>
    </section>
  )
}
