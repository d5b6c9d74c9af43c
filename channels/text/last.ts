// A one-slot cache for the formatters every page calls with the same value: one LK request and
// the next ask for the same balance and the same instant.

/** `f` with its last answer kept: called again with the same number, it answers without work. */
export const lastOf = (f: (n: number) => string): ((n: number) => string) => {
  let lastIn = Number.NaN
  let lastOut = ""
  return (n) => {
    if (n !== lastIn) {
      lastOut = f(n)
      lastIn = n
    }
    return lastOut
  }
}
