// A problem in a scenario file, found before anything runs: file, line, column and a hint.

export class ScenarioError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly message: string,
    readonly hint: string,
  ) {}

  /** "file:line:col: message" and, on the next line, the hint. */
  format(): string {
    return `${this.file}:${this.line}:${this.col}: ${this.message}${this.hint === "" ? "" : `\n    hint: ${this.hint}`}`
  }
}

/** Levenshtein distance, for "did you mean" hints (inputs are short keys and ids). */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return row[b.length] ?? 0
}

/** "did you mean X? " when a known word is close, then the list of allowed words. */
export const suggest = (got: string, allowed: readonly string[]): string => {
  let best: string | null = null
  let bestD = Infinity
  for (const a of allowed) {
    const d = distance(got.toLowerCase(), a.toLowerCase())
    if (d < bestD) {
      bestD = d
      best = a
    }
  }
  const near = best !== null && bestD <= Math.max(2, Math.floor(got.length / 3)) ? `did you mean "${best}"? ` : ""
  const list =
    allowed.length <= 80
      ? `allowed: ${allowed.join(", ")}`
      : `${allowed.length} allowed values, e.g. ${allowed.slice(0, 12).join(", ")}`
  return `${near}${list}`
}
