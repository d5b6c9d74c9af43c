// The trainer console page: every channel of one subscriber side by side, plus the twin's clock,
// network controls, live timeline, ledger, balance chart and the scenario player. Server-rendered
// skeleton; web/client.js fills and refreshes it (no inline scripts: the CSP allows 'self' only).
import type { FC } from "hono/jsx"

export interface PageProps {
  countries: ReadonlyArray<{ code: string; name: string }>
}

const Panel: FC<{ id: string; title: string; channel: string; children?: unknown }> = (p) => (
  <section class="panel" id={`panel-${p.id}`} data-channel={p.channel} aria-labelledby={`h-${p.id}`}>
    <h2 id={`h-${p.id}`}>{p.title}</h2>
    {p.children}
  </section>
)

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"]

export const ConsolePage: FC<PageProps> = ({ countries }) => (
  <html lang="ru">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Консоль тренера — цифровой двойник ССО МТС</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/console/console.css" />
      <script type="module" src="/console/client.js"></script>
    </head>
    <body>
      <header class="bar">
        <h1>Консоль тренера <span class="sub">цифровой двойник ССО</span></h1>
        <div class="group">
          <label for="twin">Двойник</label>
          <select id="twin"></select>
          <button type="button" id="new-twin">Новый демо-двойник</button>
        </div>
        <div class="group">
          <label for="msisdn">Абонент</label>
          <select id="msisdn"></select>
        </div>
        <div class="group clock" role="group" aria-label="Время двойника" data-channel="clock">
          <span class="label">Время (МСК)</span>
          <output id="now" aria-live="polite">—</output>
          <button type="button" data-advance-by="1h">+1 ч</button>
          <button type="button" data-advance-by="1d">+1 д</button>
          <button type="button" data-advance-months="1">+1 мес</button>
          <form id="advance-to" class="inline">
            <label for="advance-date" class="sr">Перейти к дате</label>
            <input id="advance-date" type="datetime-local" required />
            <button type="submit">Перейти</button>
          </form>
        </div>
        <output id="status" class="status" role="status" aria-live="polite"></output>
      </header>

      <section class="controls" aria-label="Абонент и сеть" data-channel="network">
        <div class="summary" id="summary" aria-live="polite">
          <div><span class="label">Баланс</span> <strong id="sum-balance">—</strong></div>
          <div><span class="label">Тариф</span> <span id="sum-tariff">—</span></div>
          <div><span class="label">Статус</span> <span id="sum-status">—</span></div>
          <div><span class="label">Где</span> <span id="sum-location">—</span></div>
        </div>
        <form id="travel" class="inline">
          <label for="location">Местоположение</label>
          <select id="location">
            <option value="home">Дома (домашний регион)</option>
            <option value="russia">Поездка по России</option>
            {countries.map((c) => <option value={c.code}>{c.name}</option>)}
          </select>
          <button type="submit">Переместить</button>
        </form>
        <label class="toggle"><input type="checkbox" id="mobile-data" /> Мобильный интернет МТС</label>
        <div class="group" role="group" aria-label="Потребление">
          <span class="label">Потребление</span>
          <button type="button" data-usage="call">Звонок 2 мин</button>
          <button type="button" data-usage="sms">SMS</button>
          <button type="button" data-usage="data">Интернет 100 МБ</button>
        </div>
      </section>

      <main class="channels">
        <Panel id="phone" title="Телефон" channel="phone">
          <div class="sub-panel" data-channel="ussd" id="sub-ussd">
            <h3>USSD</h3>
            <form id="ussd-dial" class="inline">
              <label for="ussd-code" class="sr">USSD-код</label>
              <input id="ussd-code" value="*100#" autocomplete="off" inputmode="tel" />
              <button type="submit">Вызов</button>
            </form>
            <pre id="ussd-screen" class="screen" aria-live="polite" aria-label="Экран USSD"></pre>
            <form id="ussd-reply" class="inline">
              <label for="ussd-answer" class="sr">Ответ</label>
              <input id="ussd-answer" autocomplete="off" inputmode="numeric" placeholder="Ответ" />
              <button type="submit">Ответить</button>
            </form>
          </div>
          <div class="sub-panel" data-channel="sms" id="sub-sms">
            <h3>SMS</h3>
            <ol id="sms-inbox" class="inbox" aria-label="Входящие SMS"></ol>
            <form id="sms-send" class="inline wrap">
              <label for="sms-to" class="sr">Кому</label>
              <input id="sms-to" value="111" size={6} autocomplete="off" />
              <label for="sms-text" class="sr">Текст</label>
              <input id="sms-text" placeholder="Текст SMS" autocomplete="off" />
              <button type="submit">Отправить</button>
            </form>
          </div>
          <div class="sub-panel" data-channel="ivr" id="sub-ivr">
            <h3>Голосовое меню</h3>
            <form id="ivr-call" class="inline">
              <label for="ivr-number" class="sr">Номер</label>
              <input id="ivr-number" value="111" size={8} autocomplete="off" inputmode="tel" />
              <button type="submit" id="ivr-dial">Позвонить</button>
              <button type="button" id="ivr-hangup" disabled>Положить трубку</button>
            </form>
            <div class="keypad" role="group" aria-label="Клавиатура">
              {KEYS.map((k) => <button type="button" data-key={k}>{k}</button>)}
            </div>
            <pre id="ivr-transcript" class="screen transcript" aria-live="polite" aria-label="Что говорит автоинформатор"></pre>
          </div>
        </Panel>
        <Panel id="lk" title="Личный кабинет" channel="lk">
          <div id="lk-body" class="web-screen" aria-live="polite"></div>
        </Panel>
        <Panel id="app" title="«Мой МТС»" channel="app">
          <div id="app-body" class="web-screen app-screen" aria-live="polite"></div>
        </Panel>
        <Panel id="kiosk" title="Электронный Помощник" channel="kiosk">
          <div id="kiosk-body" class="web-screen kiosk-screen" aria-live="polite"></div>
        </Panel>
      </main>

      <section class="bottom">
        <section class="panel" id="panel-timeline" aria-labelledby="h-timeline">
          <h2 id="h-timeline">События <label class="toggle small"><input type="checkbox" id="timeline-mine" checked /> только абонент</label></h2>
          <ol id="timeline" class="timeline" aria-live="polite"></ol>
        </section>
        <section class="panel" id="panel-ledger" aria-labelledby="h-ledger">
          <h2 id="h-ledger">Движение средств</h2>
          <figure class="chart">
            <svg id="chart" role="img" aria-label="Баланс во времени двойника" viewBox="0 0 400 120" preserveAspectRatio="none"></svg>
            <figcaption id="chart-caption"></figcaption>
          </figure>
          <div class="table-box">
            <table id="ledger">
              <thead><tr><th scope="col">Время</th><th scope="col">Операция</th><th scope="col" class="num">Сумма</th><th scope="col" class="num">Баланс</th></tr></thead>
              <tbody></tbody>
            </table>
          </div>
        </section>
        <section class="panel" id="panel-scenario" aria-labelledby="h-scenario">
          <h2 id="h-scenario">Сценарий</h2>
          <form id="scenario-load" class="inline wrap">
            <label for="scenario-file">Файл сценария (YAML)</label>
            <input id="scenario-file" type="file" accept=".yaml,.yml,text/yaml" />
            <button type="submit">Загрузить</button>
          </form>
          <div class="inline">
            <button type="button" id="scenario-next" disabled>Следующий шаг</button>
            <button type="button" id="scenario-all" disabled>Выполнить все</button>
          </div>
          <p id="scenario-title" class="scenario-title"></p>
          <ol id="scenario-steps" class="steps"></ol>
        </section>
      </section>
    </body>
  </html>
)
