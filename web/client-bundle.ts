// The console client (web/client/, TypeScript, type-checked with the DOM library) compiled for the
// browser by esbuild: bundled once, in memory, on the first request for /console/client.js and
// kept for the life of the process, so `npm start` needs no build step. Type-only imports of
// server modules are erased; the few runtime imports (the core's money parser and formatter, the
// phone format) are pure functions bundled as they are, so the client has no copy of them.
import { fileURLToPath } from "node:url"
import { build } from "esbuild"

const ENTRY = fileURLToPath(new URL("./client/main.ts", import.meta.url))

let bundled: Promise<string> | undefined

const compile = async (): Promise<string> => {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  })
  const js = out.outputFiles[0]?.text
  if (js === undefined) throw new Error("console client: esbuild produced no output")
  return js
}

/** The console client as one ES module (built on first call; a failed build is retried next time). */
export const clientBundle = (): Promise<string> =>
  (bundled ??= compile().catch((e: unknown) => {
    bundled = undefined
    throw e
  }))
