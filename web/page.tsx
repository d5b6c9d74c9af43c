// The trainer console page: every channel of one subscriber side by side, plus the twin's clock,
// network controls, live timeline, ledger, balance chart and the scenario player. Server-rendered
// skeleton; the client (web/client/, served bundled as /console/client.js) fills and refreshes it
// (no inline scripts: the CSP allows 'self' only). The app panel's tab list is the app's own table.
// From 1200 px the page is one screen: the bar (clock, subscriber, balance, scenario) stays on
// top, the four columns (phone · LK · app/terminal/steps · events and ledger) scroll inside.
import type { FC } from "hono/jsx"
import { APP_TABS, TAB_RU } from "../channels/app/router.ts"
import { FAVICON_LINK } from "../channels/favicon.ts"

export interface PageProps {
  countries: ReadonlyArray<{ code: string; name: string }>
}

const Panel: FC<{ id: string; title: string; channel: string; children?: unknown; tools?: unknown }> = (p) => (
  <section class="panel" id={`panel-${p.id}`} data-channel={p.channel} aria-labelledby={`h-${p.id}`}>
    <h2 id={`h-${p.id}`}>
      <span>{p.title}</span>
      {p.tools}
    </h2>
    {p.children}
  </section>
)

/** The «Мой МТС» tabs as the app names them, for the client's tab bar (web/client/app.ts). */
const APP_TAB_LIST = JSON.stringify(APP_TABS.map((id) => ({ id, name: TAB_RU[id] })))

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]

export const ConsolePage: FC<PageProps> = ({ countries }) => (
  <html lang="ru">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Консоль тренера — цифровой двойник ССО МТС</title>
      <link rel="icon" href={FAVICON_LINK} type="image/svg+xml" />
      <link rel="stylesheet" href="/console/console.css" />
      <script type="module" src="/console/client.js"></script>
    </head>
    <body>
      <header class="top-bar">
        <div class="bar">
          <h1>
            <span class="logo" aria-hidden="true">
              МТС
            </span>{" "}
            Консоль тренера
          </h1>
          <div class="group">
            <label for="twin">Двойник</label>
            <select id="twin"></select>
            <button type="button" id="new-twin" title="Новый демо-двойник">
              + Демо
            </button>
          </div>
          <div class="group">
            <label for="msisdn">Абонент</label>
            <select id="msisdn"></select>
          </div>
          <div class="summary" id="summary" aria-live="polite">
            <div>
              <span class="label">Баланс</span> <strong id="sum-balance">—</strong>
            </div>
            <div>
              <span class="label">Тариф</span> <span id="sum-tariff">—</span>
            </div>
            <div>
              <span class="label">Статус</span> <span id="sum-status">—</span>
            </div>
            <div>
              <span class="label">Где</span> <span id="sum-location">—</span>
            </div>
          </div>
          <output id="status" class="status" aria-live="polite"></output>
        </div>

        <section class="controls" aria-label="Время, сеть и потребление" data-channel="network">
          <div class="group clock" role="group" aria-label="Время двойника" data-channel="clock">
            <span class="label wide-only">Время (МСК)</span>
            <output id="now" aria-live="polite">
              —
            </output>
            <button type="button" data-advance-by="1h">
              +1 ч
            </button>
            <button type="button" data-advance-by="1d">
              +1 д
            </button>
            <button type="button" data-advance-months="1">
              +1 мес
            </button>
            <form id="advance-to" class="inline">
              <label for="advance-date" class="sr">
                Перейти к дате
              </label>
              <input id="advance-date" type="datetime-local" required />
              <button type="submit">Перейти</button>
            </form>
          </div>
          <form id="travel" class="inline">
            <label for="location" class="label">
              Где
            </label>
            <select id="location">
              <option value="home">Дома (домашний регион)</option>
              <option value="russia">Поездка по России</option>
              {countries.map((c) => (
                <option value={c.code}>{c.name}</option>
              ))}
            </select>
            <button type="submit" title="Переместить абонента">
              Ехать
            </button>
          </form>
          <label class="toggle">
            <input type="checkbox" id="mobile-data" /> Моб. интернет МТС
          </label>
          <div class="group" role="group" aria-label="Потребление: звонок 2 минуты, SMS, 100 МБ интернета">
            <button type="button" data-usage="call" title="Исходящий звонок на 2 минуты">
              Звонок
            </button>
            <button type="button" data-usage="sms" title="Исходящее SMS">
              SMS
            </button>
            <button type="button" data-usage="data" title="100 МБ мобильного интернета">
              100 МБ
            </button>
          </div>
        </section>

        <section class="scenario-bar" id="panel-scenario" aria-labelledby="h-scenario">
          <h2 id="h-scenario" class="label">
            Сценарий
          </h2>
          <form id="scenario-pick" class="inline">
            <label for="scenario-library" class="sr">
              Сценарий из библиотеки
            </label>
            <select id="scenario-library">
              <option value="">— выберите сценарий —</option>
            </select>
            <button type="submit">Открыть</button>
          </form>
          <form id="scenario-load" class="inline">
            <label for="scenario-file" class="sr">
              Файл сценария (YAML)
            </label>
            <input id="scenario-file" type="file" accept=".yaml,.yml,text/yaml" />
            <button type="submit">Загрузить</button>
          </form>
          <button type="button" id="scenario-next" class="primary" disabled>
            Следующий шаг
          </button>
          <button type="button" id="scenario-all" disabled>
            Выполнить все
          </button>
          <p id="scenario-now" class="narration" aria-live="polite"></p>
          <ol id="scenario-dots" class="dots" aria-hidden="true"></ol>
        </section>
      </header>

      <main class="desk">
        <Panel id="phone" title="Телефон абонента" channel="phone">
          <div class="sub-panel" data-channel="ussd" id="sub-ussd">
            <h3>USSD</h3>
            <form id="ussd-dial" class="inline">
              <label for="ussd-code" class="sr">
                USSD-код
              </label>
              <input id="ussd-code" value="*100#" autocomplete="off" inputmode="tel" />
              <button type="submit">Вызов</button>
            </form>
            <pre id="ussd-screen" class="screen" role="log" aria-live="polite" aria-label="Экран USSD"></pre>
            <form id="ussd-reply" class="inline">
              <label for="ussd-answer" class="sr">
                Ответ
              </label>
              <input id="ussd-answer" autocomplete="off" inputmode="numeric" placeholder="Ответ" />
              <button type="submit">Ответить</button>
            </form>
          </div>
          <div class="sub-panel" data-channel="sms" id="sub-sms">
            <h3>SMS</h3>
            <ol id="sms-inbox" class="inbox" aria-label="Входящие SMS"></ol>
            <form id="sms-send" class="inline wrap">
              <label for="sms-to" class="sr">
                Кому
              </label>
              <input id="sms-to" value="111" size={5} autocomplete="off" />
              <label for="sms-text" class="sr">
                Текст
              </label>
              <input id="sms-text" placeholder="Текст SMS" autocomplete="off" />
              <button type="submit">Отправить</button>
            </form>
          </div>
          <div class="sub-panel" data-channel="ivr" id="sub-ivr">
            <h3>
              Голосовое меню{" "}
              <label class="toggle small">
                <input type="checkbox" id="ivr-voice" /> озвучивать
              </label>
            </h3>
            <form id="ivr-call" class="inline">
              <label for="ivr-number" class="sr">
                Номер
              </label>
              <input id="ivr-number" value="111" size={6} autocomplete="off" inputmode="tel" />
              <button type="submit" id="ivr-dial">
                Позвонить
              </button>
              <button type="button" id="ivr-hangup" disabled title="Положить трубку">
                Отбой
              </button>
            </form>
            <div class="keypad" role="group" aria-label="Клавиатура">
              {KEYS.map((k) => (
                <button type="button" data-key={k}>
                  {k}
                </button>
              ))}
            </div>
            <div
              id="ivr-transcript"
              class="screen transcript"
              role="log"
              aria-live="polite"
              aria-label="Что говорит автоинформатор"
            ></div>
          </div>
        </Panel>

        <Panel id="lk" title="Личный кабинет" channel="lk" tools={<span class="tools" id="lk-tools"></span>}>
          <div id="lk-body" class="frame-box">
            <iframe id="lk-frame" title="Личный кабинет абонента" src="about:blank"></iframe>
          </div>
        </Panel>

        <section class="panel tabbed" id="panel-more" aria-label="«Мой МТС», терминал и шаги сценария">
          <div class="tab-bar" role="tablist" aria-label="Панели">
            <button type="button" role="tab" id="tab-app" aria-controls="panel-app" aria-selected="true">
              «Мой МТС»
            </button>
            <button
              type="button"
              role="tab"
              id="tab-kiosk"
              aria-controls="panel-kiosk"
              aria-selected="false"
              title="«Электронный Помощник»"
            >
              Терминал
            </button>
            <button type="button" role="tab" id="tab-steps" aria-controls="panel-steps" aria-selected="false">
              Сценарий
            </button>
          </div>
          <section class="tab-panel" id="panel-app" role="tabpanel" aria-labelledby="tab-app" data-channel="app">
            <div id="app-body" class="web-screen app-screen" aria-live="polite" data-tabs={APP_TAB_LIST}></div>
          </section>
          <section
            class="tab-panel"
            id="panel-kiosk"
            role="tabpanel"
            aria-labelledby="tab-kiosk"
            data-channel="kiosk"
            hidden
          >
            <div id="kiosk-body" class="web-screen kiosk-screen" aria-live="polite"></div>
          </section>
          <section class="tab-panel" id="panel-steps" role="tabpanel" aria-labelledby="tab-steps" hidden>
            <p id="scenario-title" class="scenario-title">
              Выберите сценарий из библиотеки или загрузите файл
            </p>
            <ol id="scenario-steps" class="steps"></ol>
          </section>
        </section>

        <section class="panel journal" aria-label="События и движение средств">
          <section id="panel-timeline" aria-labelledby="h-timeline">
            <h2 id="h-timeline">
              События{" "}
              <label class="toggle small">
                <input type="checkbox" id="timeline-mine" checked /> только абонент
              </label>
            </h2>
            <ol id="timeline" class="timeline" aria-live="polite"></ol>
          </section>
          <section id="panel-ledger" aria-labelledby="h-ledger">
            <h2 id="h-ledger">Движение средств</h2>
            <figure class="chart">
              <svg
                id="chart"
                role="img"
                aria-label="Баланс во времени двойника"
                viewBox="0 0 400 120"
                preserveAspectRatio="none"
              ></svg>
              <figcaption id="chart-caption"></figcaption>
            </figure>
            <div class="table-box">
              <table id="ledger">
                <thead>
                  <tr>
                    <th scope="col">Время</th>
                    <th scope="col">Операция</th>
                    <th scope="col" class="num">
                      Сумма
                    </th>
                    <th scope="col" class="num">
                      Баланс
                    </th>
                  </tr>
                </thead>
                <tbody></tbody>
              </table>
            </div>
          </section>
        </section>
      </main>
    </body>
  </html>
)
