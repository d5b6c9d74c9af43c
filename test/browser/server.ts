// Starts the whole app (every channel, the control API and the trainer console) in-process on
// 127.0.0.1 with an ephemeral port and an in-memory store, for the browser tests and the
// screenshot script.
import { makeApp } from "../../server/app.ts"
import { newControlToken, servedHosts } from "../../channels/edge/control-token.ts"
import { Registry } from "../../core/engine/registry.ts"
import { listenOnLoopback } from "../helpers/listen.ts"

export interface ConsoleServer {
  readonly url: string
  /** The control token (as `twin serve` runs it, issue 14): the console's first URL carries it. */
  readonly token: string
  readonly registry: Registry
  close(): Promise<void>
}

export const startConsoleServer = async (port = 0): Promise<ConsoleServer> => {
  const registry = Registry.open(":memory:")
  const token = newControlToken()
  const app = makeApp({ registry }, { token, hosts: servedHosts("127.0.0.1").hosts })
  const { server, port: bound } = await listenOnLoopback(app.fetch, port)
  return {
    url: `http://127.0.0.1:${bound}`,
    token,
    registry,
    close: () =>
      new Promise<void>((done) => {
        // Open SSE streams would keep close() waiting: drop every connection first.
        if ("closeAllConnections" in server && typeof server.closeAllConnections === "function")
          server.closeAllConnections()
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
  console.log(`console at ${s.url}/?token=${s.token}`)
}
