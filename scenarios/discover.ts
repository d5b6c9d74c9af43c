// Turning command-line arguments (files, folders, globs) into a sorted list of scenario files.
import { readdir, stat } from "node:fs/promises"
import { join, resolve, sep } from "node:path"

const YAML = /\.ya?ml$/i

const walk = async (dir: string, deep: boolean): Promise<string[]> => {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory() && deep && !e.name.startsWith(".") && e.name !== "node_modules")
      out.push(...(await walk(p, true)))
    else if (e.isFile()) out.push(p)
  }
  return out
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over '/'-separated paths. */
export const globToRegExp = (glob: string): RegExp => {
  let re = ""
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*"
        i += glob[i + 2] === "/" ? 2 : 1
      } else re += "[^/]*"
    } else if (c === "?") re += "[^/]"
    else if (c === "{") {
      const end = glob.indexOf("}", i)
      if (end < 0) re += "\\{"
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(",")
          .map((x) => x.replace(/[.+^$()|[\]\\]/g, "\\$&"))
          .join("|")})`
        i = end
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, "\\$&")
  }
  return new RegExp(`^${re}$`)
}

export interface Discovery {
  readonly files: string[]
  readonly unmatched: string[]
}

/** Files as given, every YAML file in a folder (recursively), every YAML file matching a glob. */
export const discover = async (args: readonly string[], cwd = process.cwd()): Promise<Discovery> => {
  const files = new Set<string>()
  const unmatched: string[] = []
  for (const a of args) {
    if (/[*?{]/.test(a)) {
      const abs = resolve(cwd, a).split(sep).join("/")
      const cut = abs.search(/[*?{]/)
      const root = abs.slice(0, abs.lastIndexOf("/", cut) + 1) || "/"
      const re = globToRegExp(abs)
      let n = 0
      try {
        for (const f of await walk(root, true)) {
          const fp = f.split(sep).join("/")
          if (re.test(fp) && YAML.test(fp)) {
            files.add(f)
            n++
          }
        }
      } catch {
        n = 0
      }
      if (n === 0) unmatched.push(a)
      continue
    }
    const p = resolve(cwd, a)
    try {
      const st = await stat(p)
      if (st.isDirectory()) {
        const ys = (await walk(p, true)).filter((f) => YAML.test(f))
        if (ys.length === 0) unmatched.push(a)
        for (const f of ys) files.add(f)
      } else files.add(p)
    } catch {
      unmatched.push(a)
    }
  }
  return { files: [...files].sort(), unmatched }
}
