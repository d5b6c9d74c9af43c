#!/usr/bin/env node
// The `twin` CLI. TypeScript sources run through tsx's loader (no build step).
import { register } from "tsx/esm/api"

register()
await import("../cli/main.ts")
