// «Привязанные номера» (R20): the numbers linked to this login, the logins this number is linked to,
// and adding a number by the code sent to it.
import type { AccountView } from "../../../core/engine/views.ts"
import type { TwinCore } from "../../../core/engine/twin-core.ts"
import { linkedBy } from "../../../core/rules/linked.ts"
import { msisdnRu } from "../../text/phone.ts"
import { formatRub } from "../../text/money.ts"
import { ActionButton, Field, Form, href, type PageCtx } from "./layout.tsx"

export const Linked = (props: { p: PageCtx; v: AccountView; twin: TwinCore; pending?: string | undefined }) => (
  <>
    <section class="card" aria-labelledby="ln">
      <h2 id="ln">Привязанные номера</h2>
      <ul class="grid">
        {props.v.linked.length === 0 ? (
          <li class="muted">Нет привязанных номеров</li>
        ) : (
          props.v.linked.map((m) => (
            <li class="offer">
              <a href={href(props.p, "/lk", { msisdn: m })}>
                <strong>{msisdnRu(m)}</strong>
              </a>
              <span class="price">{formatRub(props.twin.state.subscribers.get(m)?.balance ?? 0)}</span>
              <div class="actions">
                <ActionButton
                  p={props.p}
                  action="/lk/linked/remove"
                  label={`Отвязать ${m}`}
                  text="Отвязать"
                  fields={{ target: m }}
                  kind="secondary"
                />
              </div>
            </li>
          ))
        )}
      </ul>
      {linkedBy(props.twin.state, props.p.me ?? "").map((o) => (
        <p>
          Мой номер привязан к Личному кабинету {msisdnRu(o)}{" "}
          <ActionButton
            p={props.p}
            action="/lk/linked/leave"
            label={`Удалить привязку к ${o}`}
            text="Удалить привязку"
            fields={{ owner: o }}
            kind="secondary"
          />
        </p>
      ))}
    </section>
    <section class="card" aria-labelledby="add">
      <h2 id="add">Добавить номер</h2>
      <Form p={props.p} action="/lk/linked/request" label="Добавить номер">
        <Field id="target" label="Номер телефона" name="target" value={props.pending ?? ""} inputmode="tel" required />
        <button type="submit" class={props.pending !== undefined ? "secondary" : undefined}>
          Получить код
        </button>
      </Form>
      {props.pending !== undefined ? (
        <Form p={props.p} action="/lk/linked/confirm" label="Код подтверждения">
          <input type="hidden" name="target" value={props.pending} />
          <Field
            id="code"
            label="Код из SMS на добавляемый номер"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            required
          />
          <button type="submit">Добавить</button>
        </Form>
      ) : null}
    </section>
  </>
)
