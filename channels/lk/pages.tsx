// Placeholder replaced below.
import { Hono } from "hono"
import type { ChannelDeps } from "../context.ts"
export const lkPages = (_deps: ChannelDeps): Hono => new Hono()
