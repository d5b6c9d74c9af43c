// The login box (R22–R26): SMS password from 3339, the permanent password, or the operator's
// mobile network; then the code step.
import { Drop, Field, Form, type PageCtx } from "./layout.tsx"

export const Login = (props: { p: PageCtx; msisdn?: string | undefined; step: "phone" | "code" }) => (
  <section class="card login-box" aria-label="Вход">
    {props.step === "phone" ? (
      <>
        <Form p={props.p} action="/lk/login/code" label="Вход по SMS">
          <Field
            id="msisdn"
            label="Номер телефона"
            name="msisdn"
            value={props.msisdn ?? ""}
            inputmode="tel"
            autocomplete="tel"
            required
          />
          <button type="submit">Получить пароль по SMS</button>
        </Form>
        <Drop id="by-password" summary="Войти по постоянному паролю">
          <Form p={props.p} action="/lk/login" label="Вход по паролю">
            <Field
              id="msisdn2"
              label="Номер телефона"
              name="msisdn"
              value={props.msisdn ?? ""}
              inputmode="tel"
              required
            />
            <Field
              id="secret2"
              label="Постоянный пароль"
              name="secret"
              type="password"
              autocomplete="current-password"
              required
            />
            <button type="submit">Войти</button>
          </Form>
        </Drop>
        <Drop id="by-network" summary="Войти через мобильный интернет МТС">
          <Form p={props.p} action="/lk/login/network" label="Вход через мобильный интернет МТС">
            <Field
              id="msisdn3"
              label="Номер телефона (определяется сетью МТС)"
              name="msisdn"
              value={props.msisdn ?? ""}
              inputmode="tel"
              required
            />
            <button type="submit" class="secondary">
              Войти автоматически
            </button>
          </Form>
        </Drop>
      </>
    ) : (
      <Form p={props.p} action="/lk/login" label="Пароль из SMS">
        <input type="hidden" name="msisdn" value={props.msisdn ?? ""} />
        <Field
          id="secret"
          label="Пароль из SMS от 3339"
          name="secret"
          inputmode="numeric"
          autocomplete="one-time-code"
          required
        />
        <button type="submit">Войти</button>
      </Form>
    )}
  </section>
)
