// Types of scripts/mutation-report.mjs for the tests that import it.
export interface Survivor {
  readonly line: number
  readonly column: number
  readonly mutator: string
  readonly status: string
  readonly replacement: string
  readonly code: string
}
export interface FileScore {
  readonly file: string
  readonly tested: number
  readonly killed: number
  readonly survivors: readonly Survivor[]
}
export declare const summarize: (report: unknown) => FileScore[]
export declare const toMarkdown: (files: readonly FileScore[]) => string
