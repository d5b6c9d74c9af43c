// Starts the whole app (every channel, the control API and the trainer console) in-process on
// 127.0.0.1 with an ephemeral port and an in-memory store, for the browser tests and the
// screenshot script.
import { makeApp } from "../../channels/http.ts"
import { Registry } from "../../core/engine/registry.ts"
import { listenOnLoopback } from "../helpers/listen.ts"

export interface ConsoleServer {
  readonly url: string
  readonly registry: Registry
  close(): Promise<void>
}

export const startConsoleServer = async (port = 0): Promise<ConsoleServer> => {
  const registry = Registry.open(":memory:")
  const app = makeApp({ registry })
  const { server, port: bound } = await listenOnLoopback(app.fetch, port)
  return {
    url: `http://127.0.0.1:${bound}`,
    registry,
    close: () =>
      new Promise<void>((done) => {
        // Open SSE streams would keep close() waiting: drop every connection first.
        if ("closeAllConnections" in server && typeof server.closeAllConnections === "function") server.closeAllConnections()
        server.close(() => {
          registry.close()
          done()
        })
      }),
  }
}

// `npx tsx test/browser/server.ts [port]`: a throwaway console for a quick look.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startConsoleServer(Number(process.argv[2] ?? "8777"))
  console.log(`console at ${s.url}/`)
}
