// A phone number as subscriber texts write it: one format everywhere, "+7 916 000-00-01".

/** "79160000001" → "+7 916 000-00-01"; a short number (111, 0890) or anything else stays as it is. */
export const phoneRu = (m: string): string =>
  m.length === 11 && m[0] === "7" ? `+7 ${m.slice(1, 4)} ${m.slice(4, 7)}-${m.slice(7, 9)}-${m.slice(9)}` : m
