// Worker bootstrap: registers tsx's loader in this thread (hooks registered by the main thread
// do not reach workers on Node 20), then runs the TypeScript entry given as the last argv.
import { register } from "tsx/esm/api"

register()
await import(process.argv[process.argv.length - 1])
