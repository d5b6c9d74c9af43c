// The byte form of events in a log chunk: one line per event, UTF-8. Rated usage, nine events in
// ten, has a compact tab-separated line (about a third of its JSON, and several times cheaper to
// write and read); every other event, and any usage event whose fields fall outside the compact
// form, is a JSON line. Decoding gives back an object equal to the original, keys in the same order.
//
//   U<TAB>msisdn<TAB>kind<TAB>direction<TAB>peer<TAB>where<TAB>volume<TAB>units<TAB>cost<TAB>at[<TAB>draw id<TAB>draw amount]...
//
// The seq of a compact line is not written: a chunk holds consecutive seqs, so it is the chunk's
// first seq plus the line's index. Lines are written straight into one growing buffer per chunk
// (no intermediate strings: a day of a simulation's events would otherwise be garbage to collect).
import type { Event, UsageRated } from "../domain/events.ts"

const TAB = 9
const NL = 10

/** Safe inside a compact field: printable ASCII without tab or newline; empty only where allowed. */
export const plain = (s: unknown, mayBeEmpty: boolean): s is string => {
  if (typeof s !== "string") return false
  if (s.length === 0) return mayBeEmpty
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32 || c > 126) return false
  }
  return true
}

const int = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && !Object.is(n, -0)

/** The exact key order the rating rule builds a UsageRated with (then seq and at, stamped by the engine). */
const USAGE_KEYS = [
  "type",
  "msisdn",
  "kind",
  "direction",
  "peer",
  "where",
  "volume",
  "units",
  "draws",
  "cost",
  "seq",
  "at",
]

const compactable = (e: UsageRated): boolean => {
  let k = 0
  for (const key in e) if (key !== USAGE_KEYS[k++]) return false
  if (k !== USAGE_KEYS.length) return false
  if (!plain(e.msisdn, false) || !plain(e.peer, true) || !plain(e.where, false)) return false
  if (e.kind !== "call" && e.kind !== "sms" && e.kind !== "data") return false
  if (e.direction !== "out" && e.direction !== "in") return false
  if (!int(e.volume) || !int(e.units) || !int(e.cost) || !int(e.at) || !Array.isArray(e.draws)) return false
  for (let i = 0; i < e.draws.length; i++) {
    const d = e.draws[i]
    if (!Array.isArray(d) || d.length !== 2 || !plain(d[0], false) || (d[0] as string).length > 60 || !int(d[1]))
      return false
  }
  return true
}

/** A growing byte buffer of lines. */
export class LineWriter {
  buf: Buffer
  pos = 0
  private readonly digits = new Uint8Array(20)

  constructor(initial = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initial)
  }

  /** Make room for n more bytes. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.pos + n) size *= 2
    const next = Buffer.allocUnsafe(size)
    this.buf.copy(next, 0, 0, this.pos)
    this.buf = next
  }

  /** Printable ASCII only (checked by the caller); room() first. */
  ascii(s: string): void {
    const b = this.buf
    let p = this.pos
    for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i)
    this.pos = p
  }

  /** A safe integer in decimal; room() first (at most 17 bytes). */
  int(n: number): void {
    let p = this.pos
    if (n < 0) {
      this.buf[p++] = 45
      n = -n
    }
    let k = 0
    const d = this.digits
    while (n >= 4294967296) {
      const q = Math.floor(n / 10)
      d[k++] = 48 + (n - q * 10)
      n = q
    }
    let u = n >>> 0
    do {
      const q = (u / 10) >>> 0
      d[k++] = 48 + (u - q * 10)
      u = q
    } while (u > 0)
    const b = this.buf
    while (k > 0) b[p++] = d[--k] as number
    this.pos = p
  }

  private tab(): void {
    this.buf[this.pos++] = TAB
  }

  /** One byte; room() first. */
  byte(b: number): void {
    this.buf[this.pos++] = b
  }

  /** Append one event as one line (with its newline). */
  event(e: Event): void {
    if (e.type === "UsageRated" && compactable(e)) this.usage(e)
    else {
      const s = JSON.stringify(e)
      this.room(s.length * 3 + 1)
      this.pos += this.buf.write(s, this.pos, "utf8")
    }
    this.buf[this.pos++] = NL
  }

  private usage(e: UsageRated): void {
    const draws = e.draws
    // Fields are printable ASCII (one byte a character); numbers are at most 17 bytes.
    this.room(100 + e.msisdn.length + e.peer.length + e.where.length + draws.length * 80)
    this.buf[this.pos++] = 85 /* U */
    this.tab()
    this.ascii(e.msisdn)
    this.tab()
    this.ascii(e.kind)
    this.tab()
    this.ascii(e.direction)
    this.tab()
    this.ascii(e.peer)
    this.tab()
    this.ascii(e.where)
    this.tab()
    this.int(e.volume)
    this.tab()
    this.int(e.units)
    this.tab()
    this.int(e.cost)
    this.tab()
    this.int(e.at)
    for (let i = 0; i < draws.length; i++) {
      const d = draws[i] as [string, number]
      this.tab()
      this.ascii(d[0])
      this.tab()
      this.int(d[1])
    }
  }

  /** The bytes written so far (a view: copy or write it before reset). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos)
  }

  reset(): void {
    this.pos = 0
  }
}

export class CodecError extends Error {
  override readonly name = "CodecError"
}

/** The event of the line in data[start, end); `seq` is the seq a compact line stands at (JSON lines carry their own). */
export const decodeLine = (data: Buffer, start: number, end: number, seq: number): Event => {
  if (data[start] === 123 /* { */) return JSON.parse(data.toString("utf8", start, end)) as Event
  const f = data.toString("latin1", start, end).split("\t")
  if (f[0] !== "U" || f.length < 10 || (f.length - 10) % 2 !== 0)
    throw new CodecError(
      `event log: unreadable line at seq ${seq}: ${data.toString("utf8", start, Math.min(end, start + 60))}`,
    )
  const draws: Array<[string, number]> = []
  for (let i = 10; i < f.length; i += 2) draws.push([f[i] as string, Number(f[i + 1])])
  const e: UsageRated = {
    type: "UsageRated",
    msisdn: f[1] as string,
    kind: f[2] as UsageRated["kind"],
    direction: f[3] as UsageRated["direction"],
    peer: f[4] as string,
    where: f[5] as string,
    volume: Number(f[6]),
    units: Number(f[7]),
    draws,
    cost: Number(f[8]),
    seq,
    at: Number(f[9]),
  }
  return e
}

/** Every line of a chunk (first seq `firstSeq`) with seq > afterSeq. */
export function* chunkEvents(data: Buffer, firstSeq: number, afterSeq = 0): Generator<Event> {
  let off = 0
  for (let k = 0; off < data.length; k++) {
    let end = data.indexOf(NL, off)
    if (end === -1) end = data.length
    if (firstSeq + k > afterSeq) yield decodeLine(data, off, end, firstSeq + k)
    off = end + 1
  }
}

/** The lines of a chunk at the given "line:offset" pairs (comma-separated), in order. */
export function* linesAt(data: Buffer, firstSeq: number, pairs: string): Generator<Event> {
  for (const p of pairs.split(",")) {
    const colon = p.indexOf(":")
    const k = Number(p.slice(0, colon))
    const off = Number(p.slice(colon + 1))
    let end = data.indexOf(NL, off)
    if (end === -1) end = data.length
    yield decodeLine(data, off, end, firstSeq + k)
  }
}

/**
 * A number's entry in a chunk directory (written by core/store/chunk-writer.ts: "\n" then one line
 * per number, number TAB first instant TAB last instant TAB "line:offset" pairs), if it has one.
 */
export const dirEntry = (dir: Buffer, m: string): { firstAt: number; lastAt: number; pairs: string } | null => {
  const at = dir.indexOf(`\n${m}\t`, 0, "utf8")
  if (at === -1) return null
  const start = at + 1 + Buffer.byteLength(m, "utf8") + 1
  const end = dir.indexOf(10, start)
  const [firstAt, lastAt, pairs] = dir.toString("utf8", start, end === -1 ? dir.length : end).split("\t")
  return { firstAt: Number(firstAt), lastAt: Number(lastAt), pairs: pairs as string }
}
