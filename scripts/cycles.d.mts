// Types of scripts/cycles.mjs for the tests that import it.
export interface Dependency {
  readonly issuer: string
  readonly request: string
  readonly kind: string
  readonly id: string | null
}
export type Tree = Record<string, readonly Dependency[] | null>
export declare const topFolderOf: (file: string) => string
export declare const subFolderOf: (parent: string) => (file: string) => string | null
export declare const cyclicGroups: (graph: Map<string, Set<string>>) => string[][]
export declare const folderGraph: (
  tree: Tree,
  folderOf: (file: string) => string | null,
  allowed?: Set<string>,
  used?: Set<string>,
) => { graph: Map<string, Set<string>>; example: Map<string, string> }
