// The control token of a served twin (issue 14): generated at every start, printed with the URL
// (the way a notebook server prints its token), and stored beside the database with mode 0600 so
// the CLI and the scenario runner on the same machine pick it up. Never part of the twin's state.
import { randomBytes } from "node:crypto"
import { chmodSync, readFileSync, writeFileSync } from "node:fs"
import { networkInterfaces } from "node:os"

export const TOKEN_ENV = "TWIN_TOKEN"

/** A fresh control token: 32 random bytes, URL-safe. */
export const newControlToken = (): string => randomBytes(32).toString("base64url")

/** Where the token of the server on database `db` is kept (none for :memory:). */
export const tokenFileOf = (db: string): string | null => (db === ":memory:" ? null : `${db}.token`)

/** Write the token beside the database, readable by its owner only. */
export const storeControlToken = (db: string, token: string): string | null => {
  const file = tokenFileOf(db)
  if (file === null) return null
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  chmodSync(file, 0o600) // an existing file keeps its old mode on write
  return file
}

/** The token a client should send: --token, then $TWIN_TOKEN, then the file beside `db`. */
export const findControlToken = (o: { token?: string | undefined; db?: string | undefined }): string | null => {
  if (o.token !== undefined && o.token !== "") return o.token
  const env = process.env[TOKEN_ENV]
  if (env !== undefined && env !== "") return env
  const file = tokenFileOf(o.db ?? "./twin.db")
  if (file === null) return null
  try {
    const t = readFileSync(file, "utf8").trim()
    return t === "" ? null : t
  } catch {
    return null
  }
}

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]", "::1"]

/**
 * The host names a server on `host` answers to: loopback names, the address it listens on, and
 * for 0.0.0.0 / :: every address of this machine's interfaces (what others can type).
 * `extra`: more names (a DNS name of the classroom server, --allow-host).
 */
export const servedHosts = (
  host: string,
  extra: readonly string[] = [],
): { hosts: Set<string>; addresses: string[] } => {
  const hosts = new Set<string>(LOOPBACK)
  const addresses: string[] = []
  const h = host.toLowerCase()
  if (h === "0.0.0.0" || h === "::" || h === "[::]") {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) {
        const name = a.family === "IPv6" ? `[${a.address}]` : a.address
        hosts.add(name.toLowerCase())
        // Link-local IPv6 needs a zone id nobody types; it is allowed, not printed.
        if (!a.internal && !a.address.toLowerCase().startsWith("fe80")) addresses.push(name)
      }
    }
  } else hosts.add(h.includes(":") && !h.startsWith("[") ? `[${h}]` : h)
  for (const e of extra) if (e.trim() !== "") hosts.add(e.trim().toLowerCase())
  return { hosts, addresses }
}
