// `twin` command line. Each subcommand lives in cli/commands/<name>.ts and is loaded lazily.
import { defineCommand, runMain } from "citty"

const main = defineCommand({
  meta: { name: "twin", description: "Цифровой двойник сервисов самообслуживания оператора связи" },
  subCommands: {
    serve: () => import("./commands/serve.ts").then((m) => m.default),
    bench: () => import("./commands/bench.ts").then((m) => m.default),
    simulate: () => import("./commands/simulate.ts").then((m) => m.default),
    ussd: () => import("./commands/ussd.ts").then((m) => m.default),
    ivr: () => import("./commands/ivr.ts").then((m) => m.default),
    sms: () => import("./commands/sms.ts").then((m) => m.default),
    run: () => import("./commands/run.ts").then((m) => m.default),
    coverage: () => import("./commands/coverage.ts").then((m) => m.default),
    cluster: () => import("./commands/cluster.ts").then((m) => m.default),
    catalog: () => import("./commands/catalog.ts").then((m) => m.default),
  },
})

await runMain(main)
