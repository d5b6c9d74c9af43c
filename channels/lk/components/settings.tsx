// «Настройки»: personal data (R21), the permanent password (R23) and notifications (R16).
import type { AccountView } from "../../../core/engine/views.ts"
import { msisdnRu } from "../../text/phone.ts"
import { ActionButton, Drop, Field, Form, href, Notice, type PageCtx } from "./layout.tsx"

export const Settings = (props: { p: PageCtx; v: AccountView }) => {
  const v = props.v
  return (
    <>
      <section class="card" aria-labelledby="pd">
        <h2 id="pd">Персональные данные</h2>
        <dl class="facts">
          <dt>ФИО</dt>
          <dd>{v.personal.name}</dd>
          <dt>Номер</dt>
          <dd>{msisdnRu(v.msisdn)}</dd>
          <dt>Паспорт</dt>
          <dd>{v.personal.passport !== "" ? v.personal.passport : "не указан"}</dd>
          <dt>Регион</dt>
          <dd>{v.personal.region}</dd>
        </dl>
      </section>
      {props.p.target === props.p.me ? (
        <>
          <section class="card" aria-labelledby="auth">
            <h2 id="auth">Настройки входа</h2>
            <Drop id="password" summary="Установить постоянный пароль">
              <Form p={props.p} action="/lk/password" label="Постоянный пароль">
                <Field
                  id="pw-current"
                  label="Текущий пароль (пароль из SMS или постоянный)"
                  name="current"
                  type="password"
                  autocomplete="current-password"
                  required
                />
                <Field
                  id="pw"
                  label="Новый пароль (не менее 8 букв или цифр; советуем добавить символы)"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                />
                <Field
                  id="pw-confirm"
                  label="Повторите новый пароль"
                  name="confirm"
                  type="password"
                  autocomplete="new-password"
                  required
                />
                <button type="submit">Сохранить пароль</button>
              </Form>
            </Drop>
          </section>
          <section class="card" aria-labelledby="nt">
            <h2 id="nt">Уведомления</h2>
            <p>
              О списаниях: {v.notifications.charges ? "включены" : "выключены"} · О входе:{" "}
              {v.notifications.logins ? "включены" : "выключены"}
            </p>
            <div class="actions">
              <ActionButton
                p={props.p}
                action="/lk/notifications"
                label="Уведомления о списаниях"
                text={
                  v.notifications.charges ? "Выключить уведомления о списаниях" : "Включить уведомления о списаниях"
                }
                fields={{ charges: v.notifications.charges ? "off" : "on" }}
                kind="secondary"
              />
            </div>
          </section>
          <section class="card" aria-labelledby="more">
            <h2 id="more">Номера и пакеты</h2>
            <div class="actions">
              <a class="button secondary" href={href(props.p, "/lk/linked")}>
                Привязанные
              </a>{" "}
              <a class="button secondary" href={href(props.p, "/lk/family")}>
                Поделиться пакетами
              </a>
            </div>
          </section>
        </>
      ) : null}
    </>
  )
}

export { Notice }
