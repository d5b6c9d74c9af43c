// «Поддержка»: voluntary block and unblock (R19), the short codes and the hotline.
import type { AccountView } from "../../../core/engine/views.ts"
import { msisdnRu } from "../../text/phone.ts"
import { STATUS_RU } from "../../text/account.ts"
import { ActionButton, Form, hrefT, type PageCtx } from "./layout.tsx"

export const Support = (props: { p: PageCtx; v: AccountView; confirmBlock: boolean }) => {
  const blocked = props.v.status === "blocked-voluntary"
  return (
    <>
      <section class="card" aria-labelledby="st">
        <h2 id="st">Номер {msisdnRu(props.v.msisdn)}</h2>
        <p class="status-line">
          Статус: <strong>{STATUS_RU[props.v.status]}</strong>
        </p>
        {blocked ? (
          <div class="actions">
            <ActionButton p={props.p} action="/lk/unblock" label="Разблокировать" text="Разблокировать номер" />
          </div>
        ) : props.confirmBlock ? (
          <div class="notice error" role="alertdialog" aria-labelledby="bl-q" data-hold="1">
            <p id="bl-q">
              <strong>Заблокировать номер {msisdnRu(props.v.msisdn)}?</strong>
            </p>
            <p>Звонки, SMS и интернет будут недоступны, пока вы не снимете блокировку.</p>
            <Form p={props.p} action="/lk/block" label="Подтверждение блокировки">
              <input type="hidden" name="confirmed" value="1" />
              <div class="actions">
                <button type="submit">Да, заблокировать</button>{" "}
                <a class="button secondary" href={hrefT(props.p, "/lk/support")}>
                  Отмена
                </a>
              </div>
            </Form>
          </div>
        ) : (
          <div class="actions">
            <ActionButton
              p={props.p}
              action="/lk/block"
              label="Заблокировать"
              text="Заблокировать номер"
              kind="secondary"
            />
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="help">
        <h2 id="help">Помощь</h2>
        <div class="help">
          <div>
            <strong>0890</strong>Горячая линия
          </div>
          <div>
            <strong>111</strong>Мобильный помощник
          </div>
          <div>
            <strong>*111#</strong>МТС Сервис
          </div>
          <div>
            <strong>*100#</strong>Баланс
          </div>
        </div>
      </section>
    </>
  )
}
