// `npm run cycles`: no import cycles, between files or between folders (run by `npm run lint`).
// dpdm (pinned in package.json, with its own TypeScript parser) reads every import, type-only and
// dynamic ones included; this script reports its file cycles, then folds the same graph into
// folders and reports folder cycles at two levels: the top-level folders (core, channels, web,
// scenarios, ...), and the subfolders of core/ and of channels/ (core/domain, channels/ussd, ...).
// Files directly in channels/ (the shared context, the drivers, the OpenAPI document) belong to
// the top level only: they are the folder's own layer, which its subfolders use and which may
// list them.
import { parseCircular, parseDependencyTree } from "dpdm"

const ROOTS = [
  "core",
  "channels",
  "server",
  "web",
  "scenarios",
  "sim",
  "bench",
  "cli",
  "cluster",
  "qa",
  "scripts",
  "test",
]

/**
 * Folder edges allowed for now, each with the change that removes it. An allowed edge that no
 * longer exists fails the check too, so the list is emptied as the fixes land.
 */
/** @type {{ edge: string, why: string }[]} */
const ALLOWED = []
const SPLIT = ["core", "channels"]

/** A file's top-level folder: "web", "core". */
export const topFolderOf = (file) => file.split("/")[0]

/** A file's subfolder of `parent`: "core/engine"; null for a file outside it or directly in it. */
export const subFolderOf = (parent) => (file) => {
  const parts = file.split("/")
  return parts[0] === parent && parts.length > 2 ? `${parts[0]}/${parts[1]}` : null
}

/** Strongly connected components of more than one node (Tarjan), each sorted, in a stable order. */
export const cyclicGroups = (graph) => {
  let next = 0
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const groups = []
  const visit = (v) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v), low.get(w)))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)))
    }
    if (low.get(v) !== index.get(v)) return
    const group = []
    let w
    do {
      w = stack.pop()
      onStack.delete(w)
      group.push(w)
    } while (w !== v)
    if (group.length > 1) groups.push(group.sort())
  }
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v)
  return groups.sort((a, b) => a[0].localeCompare(b[0]))
}

/** The graph of `folderOf` (null: not a node) with one example file import per folder edge; `allowed` edges left out. */
export const folderGraph = (tree, folderOf, allowed = new Set(), used = new Set()) => {
  const graph = new Map()
  const example = new Map()
  for (const [file, deps] of Object.entries(tree)) {
    const from = folderOf(file)
    if (from === null) continue
    if (!graph.has(from)) graph.set(from, new Set())
    for (const d of deps ?? []) {
      if (d.id === null || !(d.id in tree)) continue
      const to = folderOf(d.id)
      if (to === null || to === from) continue
      if (allowed.has(`${from} -> ${to}`)) {
        used.add(`${from} -> ${to}`)
        continue
      }
      graph.get(from).add(to)
      if (!example.has(`${from} ${to}`)) example.set(`${from} ${to}`, `${file} -> ${d.id}`)
    }
  }
  return { graph, example }
}

const main = async () => {
  const tree = await parseDependencyTree(
    ROOTS.map((r) => `${r}/**/*.{ts,tsx,mts,mjs}`),
    // Only the project's own files: packages are leaves and cannot close a cycle through us.
    { context: process.cwd(), transform: false, skipDynamicImports: false, exclude: /node_modules/ },
  )
  const files = parseCircular(tree)
  for (const c of files) console.error(`file cycle: ${[...c, c[0]].join(" -> ")}`)
  let folders = 0
  const allowed = new Set(ALLOWED.map((a) => a.edge))
  const used = new Set()
  for (const folderOf of [topFolderOf, ...SPLIT.map(subFolderOf)]) {
    const { graph, example } = folderGraph(tree, folderOf, allowed, used)
    for (const g of cyclicGroups(graph)) {
      folders++
      const inGroup = new Set(g)
      const edges = g.flatMap((f) => [...(graph.get(f) ?? [])].filter((t) => inGroup.has(t)).map((t) => [f, t]))
      console.error(`folder cycle: ${g.join(", ")}`)
      for (const [f, t] of edges) console.error(`  ${f} -> ${t}  (e.g. ${example.get(`${f} ${t}`)})`)
    }
  }
  const stale = ALLOWED.filter((a) => !used.has(a.edge))
  for (const a of stale)
    console.error(`allowed folder edge ${a.edge} no longer exists: delete it from ALLOWED in scripts/cycles.mjs`)
  for (const a of ALLOWED.filter((x) => used.has(x.edge))) console.log(`allowed for now: ${a.edge} (${a.why})`)
  const count = Object.keys(tree).length
  if (files.length + folders + stale.length > 0) {
    console.error(`cycles: ${files.length} between files, ${folders} between folders (${count} files read)`)
    process.exit(1)
  }
  console.log(`cycles: none between files or folders (${count} files read)`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
